// The "containers" rules: one module per rule, named after its id (rules/<category>/<id>.ts).
import type { Rule } from '../../rule-types';
import { commandMisplacedArgs } from './command-misplaced-args';
import { commandVariableNotExpanded } from './command-variable-not-expanded';
import { containerCommandExits } from './container-command-exits';
import { containerImageMissing } from './container-image-missing';
import { containerNameDuplicate } from './container-name-duplicate';
import { containerNameInvalid } from './container-name-invalid';
import { containerRestartPolicyNonInit } from './container-restart-policy-non-init';
import { containersEmpty } from './containers-empty';
import { ephemeralContainersInManifest } from './ephemeral-containers-in-manifest';
import { initContainerProbeOrLifecycle } from './init-container-probe-or-lifecycle';
import { initContainerRestartPolicy } from './init-container-restart-policy';
import { sidecarResizePolicy } from './sidecar-resize-policy';

export const CONTAINERS_RULES: readonly Rule[] = [
  initContainerProbeOrLifecycle,
  initContainerRestartPolicy,
  containerRestartPolicyNonInit,
  sidecarResizePolicy,
  ephemeralContainersInManifest,
  containerNameInvalid,
  containerNameDuplicate,
  containersEmpty,
  containerImageMissing,
  containerCommandExits,
  commandVariableNotExpanded,
  commandMisplacedArgs,
];

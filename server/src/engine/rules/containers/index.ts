// Rules of the "containers" group: container identity, init/sidecar/ephemeral containers, ports,
// volumes, environment, resources, Pod-level policy, metadata and images. Each rule is its own
// module; list it here.
import type { Rule } from '../../rule-types';
import { containerCommandExits } from './container-command-exits';
import { containerImageMissing } from './container-image-missing';
import { containerNameDuplicate } from './container-name-duplicate';
import { containerNameInvalid } from './container-name-invalid';
import { containerRestartPolicyNonInit } from './container-restart-policy-non-init';
import { containersEmpty } from './containers-empty';
import { deprecatedPodAnnotation } from './deprecated-pod-annotation';
import { dnsPolicyNoneRequiresConfig } from './dns-policy-none-requires-config';
import { emptydirReadOnly } from './emptydir-read-only';
import { envDuplicate } from './env-duplicate';
import { envNameInvalid } from './env-name-invalid';
import { envValueSourceConflict } from './env-value-source-conflict';
import { ephemeralContainersInManifest } from './ephemeral-containers-in-manifest';
import { hostNetworkHostPortMismatch } from './host-network-host-port-mismatch';
import { hostPortConflict } from './host-port-conflict';
import { imageLatestTag } from './image-latest-tag';
import { imagePullPolicyImplicit } from './image-pull-policy-implicit';
import { initContainerProbeOrLifecycle } from './init-container-probe-or-lifecycle';
import { initContainerRestartPolicy } from './init-container-restart-policy';
import { jobRestartPolicy } from './job-restart-policy';
import { metaAnnotationInvalid } from './meta-annotation-invalid';
import { metaLabelInvalid } from './meta-label-invalid';
import { metaNameInvalid } from './meta-name-invalid';
import { portDuplicateDefinition } from './port-duplicate-definition';
import { portNameDuplicate } from './port-name-duplicate';
import { portNameInvalid } from './port-name-invalid';
import { portNumberInvalid } from './port-number-invalid';
import { resourcesExtendedNotOvercommittable } from './resources-extended-not-overcommittable';
import { resourcesFractionalBytes } from './resources-fractional-bytes';
import { resourcesRequestExceedsLimit } from './resources-request-exceeds-limit';
import { restartPolicyInvalid } from './restart-policy-invalid';
import { securityContextContradiction } from './security-context-contradiction';
import { sidecarResizePolicy } from './sidecar-resize-policy';
import { terminationGraceNegative } from './termination-grace-negative';
import { tolerationInvalid } from './toleration-invalid';
import { volumeMountPath } from './volume-mount-path';
import { volumeMountUnknownVolume } from './volume-mount-unknown-volume';
import { volumeNameInvalid } from './volume-name-invalid';
import { volumeSourceCount } from './volume-source-count';
import { workloadActiveDeadlineForbidden } from './workload-active-deadline-forbidden';

export const CONTAINERS_RULES: readonly Rule[] = [
  // A.3 init containers, sidecars, ephemeral containers
  initContainerProbeOrLifecycle,
  initContainerRestartPolicy,
  containerRestartPolicyNonInit,
  sidecarResizePolicy,
  ephemeralContainersInManifest,
  // A.4 container identity
  containerNameInvalid,
  containerNameDuplicate,
  containersEmpty,
  containerImageMissing,
  // A.5 ports
  portNameInvalid,
  portNameDuplicate,
  portNumberInvalid,
  hostPortConflict,
  hostNetworkHostPortMismatch,
  portDuplicateDefinition,
  // A.6 volumes
  volumeNameInvalid,
  volumeSourceCount,
  volumeMountUnknownVolume,
  volumeMountPath,
  emptydirReadOnly,
  // A.7 environment
  envNameInvalid,
  envValueSourceConflict,
  envDuplicate,
  // A.8 resources
  resourcesRequestExceedsLimit,
  resourcesExtendedNotOvercommittable,
  resourcesFractionalBytes,
  // A.9 Pod-level policy
  restartPolicyInvalid,
  jobRestartPolicy,
  workloadActiveDeadlineForbidden,
  terminationGraceNegative,
  dnsPolicyNoneRequiresConfig,
  securityContextContradiction,
  tolerationInvalid,
  containerCommandExits,
  // A.10 metadata
  metaNameInvalid,
  metaLabelInvalid,
  metaAnnotationInvalid,
  deprecatedPodAnnotation,
  // B.2 images
  imageLatestTag,
  imagePullPolicyImplicit,
];

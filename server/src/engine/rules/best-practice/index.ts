// Rules of the "best-practice" group: peer-linter advice and static-Pod hints. Each rule is its
// own module; list it here.
import type { Rule } from '../../rule-types';
import { deploymentSingleReplica } from './deployment-single-replica';
import { envLiteralSecret } from './env-literal-secret';
import { hostNamespaceSharing } from './host-namespace-sharing';
import { hostPathWritable } from './host-path-writable';
import { missingPdb } from './missing-pdb';
import { noAntiAffinity } from './no-anti-affinity';
import { priorityClassStaticPod } from './priority-class-static-pod';
import { resourcesUnset } from './resources-unset';
import { securityContextBaseline } from './security-context-baseline';
import { sensitiveHostMount } from './sensitive-host-mount';

export const BEST_PRACTICE_RULES: readonly Rule[] = [
  hostNamespaceSharing,
  sensitiveHostMount,
  envLiteralSecret,
  resourcesUnset,
  securityContextBaseline,
  hostPathWritable,
  priorityClassStaticPod,
  deploymentSingleReplica,
  noAntiAffinity,
  missingPdb,
];

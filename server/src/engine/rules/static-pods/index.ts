// Rules of the "static-pods" group. Each rule is its own module; list it here.
import type { Rule } from '../../rule-types';
import { mirrorPodAnnotation } from './mirror-pod-annotation';
import { staticPodApiReference } from './static-pod-api-reference';
import { staticPodEphemeralContainers } from './static-pod-ephemeral-containers';
import { staticPodKind } from './static-pod-kind';
import { staticPodMultiDocument } from './static-pod-multi-document';
import { staticPodName } from './static-pod-name';
import { staticPodOwnerReferences } from './static-pod-owner-references';
import { staticPodPreferDaemonset } from './static-pod-prefer-daemonset';
import { staticPodSchedulingGates } from './static-pod-scheduling-gates';
import { staticPodStrayFile } from './static-pod-stray-file';

export const STATIC_PODS_RULES: readonly Rule[] = [
  staticPodKind,
  staticPodMultiDocument,
  staticPodStrayFile,
  staticPodName,
  staticPodApiReference,
  staticPodEphemeralContainers,
  staticPodOwnerReferences,
  staticPodSchedulingGates,
  staticPodPreferDaemonset,
  mirrorPodAnnotation,
];

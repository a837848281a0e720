// The "static-pods" rules: one module per rule, named after its id (rules/<category>/<id>.ts).
import type { Rule } from '../../rule-types';
import { hostPathWritable } from './host-path-writable';
import { mirrorPodAnnotation } from './mirror-pod-annotation';
import { priorityClassStaticPod } from './priority-class-static-pod';
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
  hostPathWritable,
  priorityClassStaticPod,
];

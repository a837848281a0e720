// Rules of the "workloads" group. Each rule is its own module; list it here.
import type { Rule } from '../../rule-types';
import { deploymentProgressDeadline } from './deployment-progress-deadline';
import { deploymentStrategyInvalid } from './deployment-strategy-invalid';
import { pvReclaimRecycle } from './pv-reclaim-recycle';
import { statefulsetNameTooLong } from './statefulset-name-too-long';
import { statefulsetServiceName } from './statefulset-service-name';
import { statefulsetZeroGrace } from './statefulset-zero-grace';
import { workloadSelectorMismatch } from './workload-selector-mismatch';
import { workloadSelectorMissing } from './workload-selector-missing';

export const WORKLOADS_RULES: readonly Rule[] = [
  workloadSelectorMismatch,
  workloadSelectorMissing,
  deploymentStrategyInvalid,
  deploymentProgressDeadline,
  statefulsetServiceName,
  statefulsetNameTooLong,
  statefulsetZeroGrace,
  pvReclaimRecycle,
];

// The "workloads" rules: one module per rule, named after its id (rules/<category>/<id>.ts).
import type { Rule } from '../../rule-types';
import { deploymentProgressDeadline } from './deployment-progress-deadline';
import { deploymentSingleReplica } from './deployment-single-replica';
import { deploymentStrategyInvalid } from './deployment-strategy-invalid';
import { jobRestartPolicy } from './job-restart-policy';
import { missingPdb } from './missing-pdb';
import { noAntiAffinity } from './no-anti-affinity';
import { statefulsetNameTooLong } from './statefulset-name-too-long';
import { statefulsetServiceName } from './statefulset-service-name';
import { workloadActiveDeadlineForbidden } from './workload-active-deadline-forbidden';
import { workloadCountInvalid } from './workload-count-invalid';
import { workloadSelectorMismatch } from './workload-selector-mismatch';
import { workloadSelectorMissing } from './workload-selector-missing';

export const WORKLOADS_RULES: readonly Rule[] = [
  jobRestartPolicy,
  workloadActiveDeadlineForbidden,
  workloadSelectorMismatch,
  workloadSelectorMissing,
  deploymentStrategyInvalid,
  deploymentProgressDeadline,
  workloadCountInvalid,
  statefulsetServiceName,
  statefulsetNameTooLong,
  deploymentSingleReplica,
  noAntiAffinity,
  missingPdb,
];

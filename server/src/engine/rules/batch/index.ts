// The "batch" rules: one module per rule, named after its id (rules/<category>/<id>.ts).
import type { Rule } from '../../rule-types';
import { cronjobScheduleInvalid } from './cronjob-schedule-invalid';
import { jobPodFailurePolicyInvalid } from './job-pod-failure-policy-invalid';
import { jobSpecInvalid } from './job-spec-invalid';
import { jobSuccessPolicyInvalid } from './job-success-policy-invalid';

export const BATCH_RULES: readonly Rule[] = [jobSpecInvalid, jobPodFailurePolicyInvalid, jobSuccessPolicyInvalid, cronjobScheduleInvalid];

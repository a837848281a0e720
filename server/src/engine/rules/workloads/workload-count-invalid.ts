// Counts and durations of a workload spec are int32 fields the apps (and core, for
// ReplicationController) validation requires to be 0 or more: replicas, minReadySeconds,
// revisionHistoryLimit, progressDeadlineSeconds, a StatefulSet's rollingUpdate.partition and
// ordinals.start ("must be greater than or equal to 0"). A negative value is always a typo.
// https://kubernetes.io/docs/concepts/workloads/controllers/deployment/#writing-a-deployment-spec
import { asInteger, asObject, asString, getIn } from '../../json';
import { pathText } from '../../k8s/phrasing';
import type { Rule } from '../../rule-types';
import type { FieldPath, RuleFinding } from '../../types';

interface CountField {
  path: FieldPath;
  /** What the field means when omitted, for the fix and the detail. */
  fallback: string;
}

const REPLICAS: CountField = { path: ['spec', 'replicas'], fallback: '1 replica' };
const MIN_READY: CountField = { path: ['spec', 'minReadySeconds'], fallback: '0: a Pod counts as available as soon as it is ready' };
const HISTORY: CountField = { path: ['spec', 'revisionHistoryLimit'], fallback: '10 old revisions kept' };
const PROGRESS: CountField = { path: ['spec', 'progressDeadlineSeconds'], fallback: '600 seconds' };
const ORDINAL_START: CountField = { path: ['spec', 'ordinals', 'start'], fallback: 'Pods numbered from 0' };
const PARTITION: CountField = { path: ['spec', 'updateStrategy', 'rollingUpdate', 'partition'], fallback: '0: every Pod is updated' };

/** Which fields each kind's validation requires to be non-negative. */
const FIELDS_BY_KIND: Record<string, readonly CountField[]> = {
  Deployment: [REPLICAS, MIN_READY, HISTORY, PROGRESS],
  ReplicaSet: [REPLICAS, MIN_READY],
  ReplicationController: [REPLICAS, MIN_READY],
  StatefulSet: [REPLICAS, MIN_READY, ORDINAL_START, PARTITION],
  DaemonSet: [MIN_READY, HISTORY],
};

export const workloadCountInvalid: Rule = {
  meta: {
    id: 'workload-count-invalid',
    defaultSeverity: 'error',
    category: 'workloads',
    summary: 'A workload count or duration (replicas, minReadySeconds, revisionHistoryLimit, partition, ordinals.start, …) is negative.',
    kinds: Object.keys(FIELDS_BY_KIND),
    parity: ['apps-workloads'],
  },
  checkObject(context) {
    const fields = FIELDS_BY_KIND[context.kind];
    if (!fields || !asObject(context.object.spec)) return [];
    const findings: RuleFinding[] = [];
    for (const field of fields) {
      // The partition is only read (and validated) for the RollingUpdate strategy.
      if (field === PARTITION && (asString(getIn(context.object, ['spec', 'updateStrategy', 'type'])) || 'RollingUpdate') !== 'RollingUpdate') continue;
      const value = asInteger(getIn(context.object, field.path));
      if (value === undefined || value >= 0) continue;
      const name = pathText(field.path.slice(1));
      findings.push({
        path: field.path,
        target: 'value',
        message: `${context.kind} ${name} ${value} is negative; it must be 0 or more`,
        detail:
          `${pathText(field.path)}: Invalid value: ${value}: must be greater than or equal to 0. ` + `Write 0 or more, or remove the field for the default (${field.fallback}).`,
        fixes: [{ title: `Remove ${name} (use the default)`, intents: [{ op: 'delete', path: field.path }] }],
      });
    }
    return findings;
  },
};

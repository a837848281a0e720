// Job and CronJob Pod templates must say restartPolicy OnFailure or Never. The field defaults to
// Always, so leaving it out is rejected too ("Required value: valid values: "OnFailure",
// "Never""); with a podFailurePolicy only Never is accepted. pkg/apis/batch/validation.
// https://kubernetes.io/docs/concepts/workloads/controllers/job/#pod-template
import { asString, getIn, hasKey } from '../../json';
import { pathText } from '../../k8s/phrasing';
import { JOB_KINDS } from '../../k8s/workload-kinds';
import type { Rule } from '../../rule-types';
import type { FixSpec } from '../../types';

export const jobRestartPolicy: Rule = {
  meta: {
    id: 'job-restart-policy',
    defaultSeverity: 'error',
    category: 'workloads',
    summary: 'A Job or CronJob template omits restartPolicy (defaults to Always) or sets Always; Jobs need OnFailure or Never.',
    kinds: JOB_KINDS,
    parity: ['batch-job'],
  },
  checkPodSpec(context) {
    const jobSpecPath = context.kind === 'CronJob' ? ['spec', 'jobTemplate', 'spec'] : ['spec'];
    const hasFailurePolicy = getIn(context.object, [...jobSpecPath, 'podFailurePolicy']) != null;
    const path = [...context.specPath, 'restartPolicy'];
    const value = asString(context.spec.restartPolicy);
    // An empty value is defaulted like a missing one.
    const present = hasKey(context.spec, 'restartPolicy') && value !== '';
    const where = pathText(path);
    const setNever: FixSpec = present
      ? { title: 'Set restartPolicy: Never', intents: [{ op: 'set', path, value: 'Never' }], preferred: true }
      : { title: 'Add restartPolicy: Never', intents: [{ op: 'insert', path: context.specPath, key: 'restartPolicy', value: 'Never' }], preferred: true };
    const setOnFailure: FixSpec = present
      ? { title: 'Set restartPolicy: OnFailure', intents: [{ op: 'set', path, value: 'OnFailure' }] }
      : { title: 'Add restartPolicy: OnFailure', intents: [{ op: 'insert', path: context.specPath, key: 'restartPolicy', value: 'OnFailure' }] };
    if (hasFailurePolicy && value === 'OnFailure') {
      return [
        {
          path,
          target: 'value',
          message: `${context.kind} with a podFailurePolicy must use restartPolicy Never, not OnFailure`,
          detail: `The API server rejects OnFailure here: only "Never" is supported when podFailurePolicy is specified.`,
          fixes: [setNever],
        },
      ];
    }
    if (value === 'OnFailure' || value === 'Never') return [];
    if (present && value !== 'Always') return []; // other values: schema enum
    const fixes = hasFailurePolicy ? [setNever] : [setNever, setOnFailure];
    const message = present
      ? `${context.kind} Pods cannot use restartPolicy Always; use Never or OnFailure`
      : `${context.kind} template has no restartPolicy; the default, Always, is rejected`;
    const detail = present
      ? `A ${context.kind}'s Pods must finish, so the API server rejects Always (${where}: Unsupported value: "Always": supported values: "OnFailure", "Never"). Use Never (the Job creates a new Pod on failure) or OnFailure (the container restarts in place).`
      : `restartPolicy defaults to Always, which a ${context.kind} rejects (${where}: Required value: valid values: "OnFailure", "Never"). Add restartPolicy: Never or OnFailure.`;
    return [{ path: present ? path : context.specPath, target: present ? 'value' : 'key', message, detail, fixes }];
  },
};

// The StatefulSet controller labels each Pod with `controller-revision-hash: <name>-<hash>`, and a
// label value may hold at most 63 characters. The hash takes up to 10 characters plus a dash, so a
// name longer than 52 characters passes validation but its Pods can never be created (issue
// kubernetes/kubernetes#64023). https://kubernetes.io/docs/concepts/workloads/controllers/statefulset/#pod-identity
import { asString, getIn } from '../../json';
import type { Rule } from '../../rule-types';

const MAX_STATEFULSET_NAME = 52;

export const statefulsetNameTooLong: Rule = {
  meta: {
    id: 'statefulset-name-too-long',
    defaultSeverity: 'warning',
    category: 'workloads',
    summary: 'A StatefulSet name longer than 52 characters: its Pods cannot be created (the revision label exceeds 63 characters).',
    kinds: ['StatefulSet'],
  },
  checkObject(context) {
    const name = asString(getIn(context.object, ['metadata', 'name']));
    if (name === undefined || name.length <= MAX_STATEFULSET_NAME) return [];
    return [
      {
        path: ['metadata', 'name'],
        target: 'value',
        message: `StatefulSet name is ${name.length} characters; over ${MAX_STATEFULSET_NAME}, its Pods cannot be created`,
        detail:
          `The API server accepts it, but the controller-revision-hash label ("${name}-<hash>") exceeds 63 characters, so every ` +
          `Pod creation fails (FailedCreate … must be no more than 63 characters). Shorten the name to at most ${MAX_STATEFULSET_NAME} characters.`,
      },
    ];
  },
};

// A StatefulSet promises at most one Pod per identity. With terminationGracePeriodSeconds: 0 a
// deleted Pod is killed at once and its name is released before the process has stopped, so
// the replacement can run next to it and write to the same volume.
// https://kubernetes.io/docs/tasks/run-application/force-delete-stateful-set-pod/
import { asInteger, asString, getIn } from '../../json';
import { quoteShort } from '../../k8s/phrasing';
import type { Rule } from '../../rule-types';

const GRACE_PATH = ['spec', 'template', 'spec', 'terminationGracePeriodSeconds'] as const;

export const statefulsetZeroGrace: Rule = {
  meta: {
    id: 'statefulset-zero-grace',
    defaultSeverity: 'warning',
    category: 'shutdown',
    summary: 'A StatefulSet template with terminationGracePeriodSeconds: 0 force-kills its Pods and breaks its identity guarantees.',
    // PetSet is the pre-1.5 name of StatefulSet; its template is read the same way.
    kinds: ['StatefulSet', 'PetSet'],
  },
  checkObject(context) {
    if (asInteger(getIn(context.object, GRACE_PATH)) !== 0) return [];
    const name = asString(getIn(context.object, ['metadata', 'name']));
    return [
      {
        path: [...GRACE_PATH],
        target: 'value',
        message: `terminationGracePeriodSeconds: 0 makes ${context.kind}${name ? ` ${quoteShort(name, 30)}` : ''} force-kill its Pods`,
        detail:
          'The Pod name is freed before the container has stopped, so a replacement with the same identity can start while the old one ' +
          'still writes to the volume. Give the application time to shut down (remove the field to get the default 30 s).',
        fixes: [{ title: 'Remove terminationGracePeriodSeconds (defaults to 30)', intents: [{ op: 'delete', path: [...GRACE_PATH] }], preferred: true }],
      },
    ];
  },
};

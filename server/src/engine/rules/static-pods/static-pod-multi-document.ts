// The kubelet converts a manifest file with a single-document YAML reader: it uses the first
// document and silently drops the rest. An empty first document (a leading `---`, a comment,
// another `---`) leaves it nothing to decode, so the whole file fails.
// https://kubernetes.io/docs/tasks/configure-pod-container/static-pod/
import { clipText, quoteShort } from '../../k8s/phrasing';
import { firstObject } from '../../k8s/static-pod-manifest';
import type { FileRuleFinding, Rule } from '../../rule-types';

export const staticPodMultiDocument: Rule = {
  meta: {
    id: 'static-pod-multi-document',
    defaultSeverity: 'warning',
    category: 'static-pods',
    summary: 'A static-Pod manifest with several YAML documents: the kubelet reads only the first one.',
    staticPodOnly: true,
  },
  checkFile(context) {
    const later = context.objects.filter((object) => object.documentIndex > 0);
    if (later.length === 0) return [];
    const first = firstObject(context);
    const ignored = later.map((object) => (object.name ? `${object.kind} "${object.name}"` : object.kind)).join(', ');
    if (!first) {
      return [
        {
          documentIndex: later[0].documentIndex,
          path: [],
          target: 'key',
          severity: 'error',
          message: 'The first document is not a Pod, and the kubelet reads only the first one',
          detail:
            `The first YAML document of this file is empty or not a Kubernetes object: the file fails to load and ${ignored} never runs. ` +
            'Remove the leading document separator (---) so the Pod comes first.',
        },
      ];
    }
    const findings: FileRuleFinding[] = [];
    for (const object of later) {
      findings.push({
        documentIndex: object.documentIndex,
        path: [],
        target: 'key',
        message: `The kubelet ignores this ${clipText(object.kind, 30)}${object.name ? ` ${quoteShort(object.name, 30)}` : ''}: it reads only the first document`,
        detail: 'The kubelet reads only the first document of a static-Pod file and silently ignores the rest. Put each static Pod in a file of its own.',
      });
    }
    return findings;
  },
};

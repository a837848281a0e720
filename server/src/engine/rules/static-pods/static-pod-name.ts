// The kubelet needs metadata.name in a static Pod and publishes the Pod to the API server as a
// mirror Pod named `<name>-<nodeName>`. The mirror is a read-only reflection: deleting it with
// kubectl does not stop or restart the container, the kubelet simply recreates it.
// https://kubernetes.io/docs/tasks/configure-pod-container/static-pod/#behavior-of-static-pods
import { asObject, asString, getIn, hasKey } from '../../json';
import { firstPod } from '../../k8s/static-pod-manifest';
import type { FileRuleFinding, Rule } from '../../rule-types';

const MAX_NAME = 253;

export const staticPodName: Rule = {
  meta: {
    id: 'static-pod-name',
    defaultSeverity: 'error',
    category: 'static-pods',
    summary: 'A static Pod needs metadata.name; its mirror Pod is named <name>-<nodeName> (info).',
    staticPodOnly: true,
  },
  checkFile(context) {
    const pod = firstPod(context);
    if (!pod) return [];
    const documentIndex = pod.documentIndex;
    const name = asString(getIn(pod.object, ['metadata', 'name']));
    if (!name) {
      return [
        {
          documentIndex,
          path: asObject(pod.object.metadata) ? ['metadata'] : ['kind'],
          target: 'key',
          message: 'The kubelet refuses a static Pod without metadata.name (invalid pod: name is needed for the pod). Add a name.',
        },
      ];
    }
    if (name.length + 2 > MAX_NAME) {
      return [
        {
          documentIndex,
          path: ['metadata', 'name'],
          target: 'value',
          message: `The mirror Pod name "${name}-<nodeName>" would exceed ${MAX_NAME} characters, so the kubelet cannot create it. Shorten the name.`,
        },
      ];
    }
    const namespace = asString(getIn(pod.object, ['metadata', 'namespace'])) || 'default';
    const findings: FileRuleFinding[] = [
      {
        documentIndex,
        path: ['metadata', 'name'],
        target: 'value',
        severity: 'info',
        message:
          `The kubelet runs this Pod and shows it in the API as mirror Pod "${name}-<nodeName>" in namespace ${namespace}. ` +
          `kubectl delete pod does not stop or restart it (the kubelet recreates the mirror): edit this file to restart it, or move it out of the manifest directory to stop it.`,
      },
    ];
    const spec = asObject(pod.object.spec);
    if (spec && hasKey(spec, 'nodeName')) {
      findings.push({
        documentIndex,
        path: ['spec', 'nodeName'],
        target: 'key',
        severity: 'info',
        message: 'The kubelet overwrites spec.nodeName of a static Pod with its own node name; the value written here has no effect.',
        fixes: [{ title: 'Remove spec.nodeName', intents: [{ op: 'delete', path: ['spec', 'nodeName'] }], safe: true }],
      });
    }
    return findings;
  },
};

// The kubelet needs metadata.name in a static Pod and publishes the Pod to the API server as a
// mirror Pod named `<name>-<nodeName>`. The mirror is a read-only reflection: deleting it with
// kubectl does not stop or restart the container, the kubelet simply recreates it. That
// explanation is the static-Pod hover on metadata (editor/hover-facts.ts `staticPodFacts`), not a
// finding: a valid static Pod gets no note (issue #11).
// https://kubernetes.io/docs/tasks/configure-pod-container/static-pod/#behavior-of-static-pods
import { asObject, asString, getIn, hasKey, type JsonObject } from '../../json';
import { toDnsLabel } from '../../k8s/names';
import { baseName, firstPod } from '../../k8s/static-pod-manifest';
import type { Rule } from '../../rule-types';
import type { FixSpec } from '../../types';

const MAX_NAME = 253;

export const staticPodName: Rule = {
  meta: {
    id: 'static-pod-name',
    defaultSeverity: 'error',
    category: 'static-pods',
    summary: 'A static Pod needs a metadata.name short enough for its mirror Pod <name>-<nodeName>; a spec.nodeName in it has no effect (info).',
    staticPodOnly: true,
  },
  checkFile(context) {
    const pod = firstPod(context);
    if (!pod) return [];
    const documentIndex = pod.documentIndex;
    const name = asString(getIn(pod.object, ['metadata', 'name']));
    if (!name) {
      const metadata = pod.object.metadata;
      return [
        {
          documentIndex,
          path: asObject(metadata) ? ['metadata'] : ['kind'],
          target: 'key',
          message: 'A static Pod needs metadata.name; the kubelet refuses it without one',
          detail: 'The kubelet rejects the manifest ("invalid pod: name is needed for the pod"). Add a name: the mirror Pod in the API is called <name>-<nodeName>.',
          fixes: nameFixes(metadata, suggestedName(context.env.filePath, pod.object)),
        },
      ];
    }
    if (name.length + 2 > MAX_NAME) {
      return [
        {
          documentIndex,
          path: ['metadata', 'name'],
          target: 'value',
          message: `metadata.name is ${name.length} characters: the mirror Pod name would exceed ${MAX_NAME}`,
          detail: `The kubelet names the mirror Pod "<name>-<nodeName>", which may be at most ${MAX_NAME} characters, so it cannot create it. Shorten the name.`,
        },
      ];
    }
    const spec = asObject(pod.object.spec);
    if (!spec || !hasKey(spec, 'nodeName')) return [];
    return [
      {
        documentIndex,
        path: ['spec', 'nodeName'],
        target: 'key',
        severity: 'info',
        message: 'The kubelet overwrites spec.nodeName of a static Pod; this value has no effect',
        detail: 'A static Pod runs on the node whose kubelet reads the file, and the kubelet sets its own node name here. Remove the field.',
        fixes: [{ title: 'Remove spec.nodeName', intents: [{ op: 'delete', path: ['spec', 'nodeName'] }], safe: true }],
      },
    ];
  },
};

/** A DNS-label name from the file name (`mycron.yaml` → `mycron`), else from the first container. */
function suggestedName(filePath: string | undefined, object: JsonObject): string | undefined {
  const fromFile = filePath ? toDnsLabel(baseName(filePath).replace(/\.(ya?ml|json)$/i, '')) : undefined;
  if (fromFile) return fromFile;
  const first = asObject(getIn(object, ['spec', 'containers', 0]));
  const container = first ? asString(first.name) : undefined;
  return container ? toDnsLabel(container) : undefined;
}

function nameFixes(metadata: unknown, name: string | undefined): FixSpec[] {
  if (!name) return [];
  if (asObject(metadata)) return [{ title: `Name it "${name}"`, intents: [{ op: 'insert', path: ['metadata'], key: 'name', value: name }], preferred: true }];
  // metadata: null (or a scalar) is a schema error of its own; only a missing block is filled in.
  if (metadata !== undefined) return [];
  return [{ title: `Name it "${name}"`, intents: [{ op: 'insert', path: [], key: 'metadata', value: { name }, after: 'kind' }], preferred: true }];
}

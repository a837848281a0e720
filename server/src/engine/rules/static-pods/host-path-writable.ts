// A hostPath mounted without readOnly lets the container change files on the node, and those
// changes outlive the Pod. For static Pods, which often carry scripts or config from the node,
// a note is enough; set readOnly: true when the container only reads. An explicit
// `readOnly: false` is taken as a deliberate choice and not reported.
// https://kubernetes.io/docs/concepts/storage/volumes/#hostpath
import { containersOf } from '../../containers';
import { asObject, asString, hasKey, objectItems } from '../../json';
import { capitalize, clipText, describeContainer } from '../../k8s/phrasing';
import type { Rule } from '../../rule-types';
import type { RuleFinding } from '../../types';

export const hostPathWritable: Rule = {
  meta: {
    id: 'host-path-writable',
    defaultSeverity: 'info',
    category: 'static-pods',
    summary: 'A static Pod mounts a hostPath volume writable without saying so (readOnly omitted).',
    staticPodOnly: true,
  },
  checkPodSpec(context) {
    const hostPaths = new Map<string, string>();
    for (const { item } of objectItems(context.spec.volumes)) {
      const name = asString(item.name);
      const path = asString(asObject(item.hostPath)?.path);
      if (name && path) hostPaths.set(name, path);
    }
    if (hostPaths.size === 0) return [];
    const findings: RuleFinding[] = [];
    for (const ref of containersOf(context.spec, context.specPath, ['initContainers', 'containers'])) {
      for (const { item, index } of objectItems(ref.container.volumeMounts)) {
        const name = asString(item.name);
        const hostPath = name ? hostPaths.get(name) : undefined;
        if (!hostPath || hasKey(item, 'readOnly') || typeof item.mountPath !== 'string') continue;
        const base = [...ref.path, 'volumeMounts', index];
        findings.push({
          path: [...base, 'mountPath'],
          target: 'key',
          message: `${capitalize(describeContainer(ref))} mounts hostPath ${clipText(hostPath, 40)} writable`,
          detail: `Mounted at ${item.mountPath} without readOnly, the container can change these files on the node (${hostPath}), and the changes outlive the Pod. Add readOnly: true if it only reads them.`,
          fixes: [{ title: 'Mount it read-only', intents: [{ op: 'insert', path: base, key: 'readOnly', value: true }] }],
        });
      }
    }
    return findings;
  },
};

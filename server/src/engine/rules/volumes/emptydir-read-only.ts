// An emptyDir starts empty and is only ever filled by the Pod's own containers. If every mount
// of it is readOnly, nothing can write it, so whoever reads it sees an empty directory forever
// (for example a web root that serves nothing).
// https://kubernetes.io/docs/concepts/storage/volumes/#emptydir
import { containersOf } from '../../containers';
import { asString, hasKey, objectItems } from '../../json';
import { quoteShort } from '../../k8s/phrasing';
import type { Rule } from '../../rule-types';
import type { FieldPath, RuleFinding } from '../../types';

export const emptydirReadOnly: Rule = {
  meta: {
    id: 'emptydir-read-only',
    defaultSeverity: 'warning',
    category: 'volumes',
    summary: 'Every mount of an emptyDir volume is readOnly, so the directory stays empty forever.',
  },
  checkPodSpec(context) {
    const emptyDirs = new Map<string, number>();
    for (const { item, index } of objectItems(context.spec.volumes)) {
      const name = asString(item.name);
      if (name && hasKey(item, 'emptyDir')) emptyDirs.set(name, index);
    }
    if (emptyDirs.size === 0) return [];
    const mounts = new Map<string, { path: FieldPath; readOnly: boolean }[]>();
    for (const ref of containersOf(context.spec, context.specPath, ['initContainers', 'containers'])) {
      for (const { item, index } of objectItems(ref.container.volumeMounts)) {
        const name = asString(item.name);
        if (!name || !emptyDirs.has(name)) continue;
        const list = mounts.get(name) ?? [];
        list.push({ path: [...ref.path, 'volumeMounts', index], readOnly: item.readOnly === true });
        mounts.set(name, list);
      }
    }
    const findings: RuleFinding[] = [];
    for (const [name, list] of mounts) {
      if (list.length === 0 || list.some((mount) => !mount.readOnly)) continue;
      const first = list[0];
      findings.push({
        path: [...first.path, 'readOnly'],
        target: 'key',
        message: `emptyDir volume ${quoteShort(name)} is mounted readOnly everywhere, so it stays empty`,
        detail:
          'An emptyDir starts empty; when every mount is readOnly nothing can ever write to it and readers always see an empty directory. ' +
          'Mount it writable in the container (or an init container) that fills it, or use a configMap or image volume for fixed content.',
        fixes: [{ title: 'Make this mount writable (remove readOnly)', intents: [{ op: 'delete', path: [...first.path, 'readOnly'] }] }],
      });
    }
    return findings;
  },
};

// An emptyDir starts empty and is only ever filled by the Pod's own containers. If every mount
// of it is readOnly, nothing can write it, so whoever reads it sees an empty directory forever
// (for example a web root that serves nothing). Worse, when another mount of the same container
// lies inside a read-only emptyDir, the runtime must create that mount point in the read-only
// directory: the container fails to start ("mkdir …: read-only file system").
// https://kubernetes.io/docs/concepts/storage/volumes/#emptydir
import { containersOf } from '../../containers';
import { asString, hasKey, objectItems } from '../../json';
import { capitalize, describeContainer, quoteShort } from '../../k8s/phrasing';
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
    // A read-only emptyDir with another mount of the same container inside it: the container cannot start.
    const nested = new Set<string>();
    for (const ref of containersOf(context.spec, context.specPath, ['initContainers', 'containers'])) {
      const own = objectItems(ref.container.volumeMounts).map(({ item, index }) => ({ item, index, mountPath: asString(item.mountPath) }));
      for (const outer of own) {
        const name = asString(outer.item.name);
        if (!name || !emptyDirs.has(name) || outer.item.readOnly !== true || !outer.mountPath) continue;
        const prefix = outer.mountPath.endsWith('/') ? outer.mountPath : `${outer.mountPath}/`;
        const inner = own.find((candidate) => candidate !== outer && candidate.mountPath !== undefined && candidate.mountPath.startsWith(prefix));
        if (!inner?.mountPath) continue;
        nested.add(name);
        findings.push({
          path: [...ref.path, 'volumeMounts', outer.index, 'readOnly'],
          target: 'key',
          severity: 'error',
          message: `${capitalize(describeContainer(ref))} cannot start: ${quoteShort(inner.mountPath, 40)} lies inside read-only emptyDir ${quoteShort(name, 30)}`,
          detail:
            `The runtime creates the mount point ${inner.mountPath} inside the emptyDir mounted read-only at ${outer.mountPath}, which fails ("read-only file system"), so the container never starts. ` +
            'Mount the emptyDir writable, or move the other mount out of it.',
          fixes: [{ title: 'Make this mount writable (remove readOnly)', intents: [{ op: 'delete', path: [...ref.path, 'volumeMounts', outer.index, 'readOnly'] }] }],
        });
      }
    }
    for (const [name, list] of mounts) {
      if (nested.has(name)) continue;
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

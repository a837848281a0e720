// A volume mounted over a directory replaces what the image has there. When that directory holds
// the program the container runs (`command: [/app/server]` with a volume at /app), the program is
// gone: the container fails with "exec: no such file or directory" and crash-loops. Reported only
// when the volume is known not to bring the program: an emptyDir no other container fills, or a
// ConfigMap or Secret of the same file without that file name (or whose items leave it out).
// https://kubernetes.io/docs/concepts/storage/volumes/#configmap
// https://kubernetes.io/docs/concepts/storage/volumes/#emptydir
import { containersOf, type ContainerRef } from '../../containers';
import { asArray, asObject, asString, getIn, objectItems, type JsonObject } from '../../json';
import { capitalize, describeContainer, quoteShort } from '../../k8s/phrasing';
import { sameNamespace } from '../../k8s/file-objects';
import { trimCharsEnd } from '../../k8s/trim-chars';
import type { FileContext, FileRuleFinding, PodSpecContext, Rule } from '../../rule-types';

/** The directory path a mount covers, without a trailing slash. */
function covered(mountPath: string): string {
  return mountPath.length > 1 ? trimCharsEnd(mountPath, '/') || '/' : mountPath;
}

/** The program a container runs, when the manifest names it with an absolute path. */
function program(container: JsonObject): string | undefined {
  const first = asString(asArray(container.command)[0]);
  return first && first.startsWith('/') && !first.includes(' ') ? first : undefined;
}

/** The keys of the ConfigMap or Secret of that name in the file (data, binaryData, stringData), when it is there. */
function keysInFile(file: FileContext, context: PodSpecContext, kind: string, name: string): Set<string> | undefined {
  const object = file.objects.find((candidate) => candidate.kind === kind && candidate.name === name && sameNamespace(candidate, context));
  if (!object) return undefined;
  return new Set(['data', 'binaryData', 'stringData'].flatMap((field) => Object.keys(asObject(getIn(object.object, [field])) ?? {})));
}

/** Why the volume cannot bring the file `relative`, or undefined when it might. */
function cannotBring(file: FileContext, context: PodSpecContext, ref: ContainerRef, volume: JsonObject, volumeName: string, relative: string): string | undefined {
  if (asObject(volume.emptyDir) || Object.keys(volume).length === 1) {
    // Another container (an init container copying the program in) may fill it.
    const fillers = containersOf(context.spec, context.specPath, ['initContainers', 'containers']).filter(
      (other) => other !== ref && other.container !== ref.container && objectItems(other.container.volumeMounts).some(({ item }) => asString(item.name) === volumeName),
    );
    return fillers.length === 0 ? 'an emptyDir that no other container fills starts empty' : undefined;
  }
  const source = asObject(volume.configMap) ?? asObject(volume.secret);
  if (!source) return undefined;
  const kind = volume.configMap ? 'ConfigMap' : 'Secret';
  const name = asString(source.name) ?? asString(source.secretName);
  const items = objectItems(source.items);
  if (items.length > 0) return items.some(({ item }) => asString(item.path) === relative) ? undefined : `its items do not include ${relative}`;
  // Without items, the keys of the ConfigMap or Secret become the files: known only when it is in the file.
  const keys = name ? keysInFile(file, context, kind, name) : undefined;
  if (!keys) return undefined;
  return keys.has(relative) ? undefined : `${kind} "${name}" in this file has no key ${relative}`;
}

export const mountHidesCommand: Rule = {
  meta: {
    id: 'mount-hides-command',
    defaultSeverity: 'warning',
    category: 'volumes',
    summary: "A volume is mounted over the directory that holds the container's program, which then no longer exists.",
  },
  checkFile(file) {
    const findings: FileRuleFinding[] = [];
    for (const context of file.podSpecs) findings.push(...check(file, context));
    return findings;
  },
};

function check(file: FileContext, context: PodSpecContext): FileRuleFinding[] {
  const findings: FileRuleFinding[] = [];
  const volumes = new Map(objectItems(context.spec.volumes).map(({ item }) => [asString(item.name) ?? '', item]));
  for (const ref of containersOf(context.spec, context.specPath, ['initContainers', 'containers'])) {
    const executable = program(ref.container);
    if (!executable) continue;
    for (const { item, index } of objectItems(ref.container.volumeMounts)) {
      const mountPath = asString(item.mountPath);
      const volumeName = asString(item.name);
      if (!mountPath || !volumeName || asString(item.subPath) || asString(item.subPathExpr)) continue;
      const directory = covered(mountPath);
      const prefix = directory === '/' ? '/' : `${directory}/`;
      if (!executable.startsWith(prefix)) continue;
      const volume = volumes.get(volumeName);
      if (!volume) continue;
      const why = cannotBring(file, context, ref, volume, volumeName, executable.slice(prefix.length));
      if (!why) continue;
      findings.push({
        documentIndex: context.documentIndex,
        objectIndex: context.objectIndex,
        path: [...ref.path, 'volumeMounts', index, 'mountPath'],
        target: 'value',
        message: `${capitalize(describeContainer(ref))}: volume ${quoteShort(volumeName, 30)} at ${quoteShort(mountPath, 30)} hides ${quoteShort(executable, 40)}`,
        detail:
          `A mount replaces the image's ${directory} with the volume's contents, and ${why}, so ${executable} does not exist and the container fails with "no such file or directory". ` +
          `Mount the volume elsewhere, or mount single files with subPath.`,
      });
    }
  }
  return findings;
}

// volumeMounts[] paths: mountPath required and unique per container; subPath and subPathExpr
// are mutually exclusive, relative, and free of '..'; a mount may not reuse a volumeDevices name
// or path; image volumes take no subPath before 1.33. core/validation.go ValidateVolumeMounts,
// validateLocalDescendingPath.
// https://kubernetes.io/docs/concepts/storage/volumes/#using-subpath
import { containersOf } from '../../containers';
import { asString, hasKey, objectItems } from '../../json';
import { describeContainer } from '../../k8s/phrasing';
import { volumesByName } from '../../k8s/volumes';
import type { Rule } from '../../rule-types';
import type { FieldPath, RuleFinding } from '../../types';
import { atLeast } from '../../versions';

export const volumeMountPath: Rule = {
  meta: {
    id: 'volume-mount-path',
    defaultSeverity: 'error',
    category: 'volumes',
    summary: 'A volumeMount has an empty or repeated mountPath, or an invalid subPath/subPathExpr.',
  },
  checkPodSpec(context) {
    const findings: RuleFinding[] = [];
    const volumes = volumesByName(context.spec);
    for (const ref of containersOf(context.spec, context.specPath, ['initContainers', 'containers', 'ephemeralContainers'])) {
      const who = describeContainer(ref);
      const devices = objectItems(ref.container.volumeDevices);
      const deviceNames = new Set(devices.map(({ item }) => asString(item.name)));
      const devicePaths = new Set(devices.map(({ item }) => asString(item.devicePath)));
      const seen = new Map<string, number>();
      for (const { item, index } of objectItems(ref.container.volumeMounts)) {
        const base = [...ref.path, 'volumeMounts', index];
        const add = (path: FieldPath, target: 'key' | 'value', message: string, fixes?: RuleFinding['fixes']): void => {
          findings.push({ path, target, message, fixes });
        };
        const mountPath = asString(item.mountPath);
        if (hasKey(item, 'mountPath') && mountPath === '')
          add([...base, 'mountPath'], 'value', `The API server rejects the empty mountPath on ${who} ("Required value"). Set the directory inside the container, such as /data.`);
        if (mountPath) {
          const first = seen.get(mountPath);
          if (first !== undefined) {
            add(
              [...base, 'mountPath'],
              'value',
              `mountPath "${mountPath}" is used twice on ${who} (volumeMounts[${first}] and volumeMounts[${index}]); the API server rejects it ("must be unique"). Mount the second volume elsewhere, or use subPath to combine files.`,
            );
          } else seen.set(mountPath, index);
          if (devicePaths.has(mountPath))
            add(
              [...base, 'mountPath'],
              'value',
              `mountPath "${mountPath}" is also a devicePath in volumeDevices of ${who}; the API server rejects it ("must not already exist as a path in volumeDevices").`,
            );
        }
        const name = asString(item.name);
        if (name && deviceNames.has(name))
          add(
            [...base, 'name'],
            'value',
            `Volume "${name}" is both mounted and used as a block device on ${who}; the API server rejects it ("must not already exist in volumeDevices").`,
          );
        const subPath = asString(item.subPath);
        const subPathExpr = asString(item.subPathExpr);
        if (subPath && subPathExpr) {
          add(
            [...base, 'subPathExpr'],
            'key',
            `subPath and subPathExpr are both set on a mount of ${who}; the API server rejects it ("subPathExpr and subPath are mutually exclusive"). Keep one.`,
            [
              { title: 'Remove subPathExpr', intents: [{ op: 'delete', path: [...base, 'subPathExpr'] }] },
              { title: 'Remove subPath', intents: [{ op: 'delete', path: [...base, 'subPath'] }] },
            ],
          );
        }
        for (const [field, value] of [
          ['subPath', subPath],
          ['subPathExpr', subPathExpr],
        ] as const) {
          if (!value) continue;
          const problem = descendingPathProblem(value);
          if (problem)
            add([...base, field], 'value', `The API server rejects ${field} "${value}" on ${who} ("${problem}"): it must be a path inside the volume, relative and without "..".`);
          const volume = name ? volumes.get(name) : undefined;
          // Image volumes support subPath from 1.33 (ImageVolume beta).
          if (volume && 'image' in volume.volume && !atLeast(context.env.kubernetesVersion, '1.33'))
            add(
              [...base, field],
              'key',
              `${field} is not allowed on a mount of image volume "${name}" (${who}); the API server rejects it ("not allowed in image volume sources"); sub-paths of image volumes need 1.33+.`,
            );
        }
      }
    }
    return findings;
  },
};

/** core/validation.go validateLocalDescendingPath: relative, and no '..' element. */
function descendingPathProblem(path: string): string | undefined {
  if (path.startsWith('/')) return 'must be a relative path';
  if (path.split(/[\\/]/).includes('..')) return "must not contain '..'";
  return undefined;
}

// volumeMounts[] paths: mountPath required and unique per container; subPath and subPathExpr
// are mutually exclusive, relative, and free of '..'; a mount may not reuse a volumeDevices name
// or path; image volumes take no subPath before 1.33. core/validation.go ValidateVolumeMounts,
// validateLocalDescendingPath.
// https://kubernetes.io/docs/concepts/storage/volumes/#using-subpath
import { containersOf } from '../../containers';
import { asString, hasKey, objectItems } from '../../json';
import { capitalize, describeContainer, quoteShort } from '../../k8s/phrasing';
import { descendingPathProblems } from '../../k8s/volume-paths';
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
    parity: ['pod-volume-mounts'],
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
        const add = (path: FieldPath, target: 'key' | 'value', message: string, detail: string, fixes?: RuleFinding['fixes']): void => {
          findings.push({ path, target, message: capitalize(message), detail, fixes });
        };
        const mountPath = asString(item.mountPath);
        if (hasKey(item, 'mountPath') && mountPath === '')
          add(
            [...base, 'mountPath'],
            'value',
            `${who}: a volume mount has an empty mountPath`,
            'The API server rejects it ("Required value"). Set the directory inside the container, such as /data.',
          );
        if (mountPath) {
          const first = seen.get(mountPath);
          if (first !== undefined) {
            add(
              [...base, 'mountPath'],
              'value',
              `${who}: mountPath ${quoteShort(mountPath, 30)} is used twice (volumeMounts[${first}] and [${index}])`,
              'The API server rejects it ("must be unique"). Mount the second volume elsewhere, or use subPath to combine files.',
            );
          } else seen.set(mountPath, index);
          if (devicePaths.has(mountPath))
            add(
              [...base, 'mountPath'],
              'value',
              `${who}: mountPath ${quoteShort(mountPath, 30)} is also a devicePath in volumeDevices`,
              'The API server rejects it ("must not already exist as a path in volumeDevices"). Use one path per mount or device.',
            );
        }
        const name = asString(item.name);
        if (name && deviceNames.has(name))
          add(
            [...base, 'name'],
            'value',
            `${who}: volume ${quoteShort(name, 30)} is both mounted and used as a block device`,
            'The API server rejects it ("must not already exist in volumeDevices"). Use the volume either as a mount or as a device.',
          );
        const subPath = asString(item.subPath);
        const subPathExpr = asString(item.subPathExpr);
        if (subPath && subPathExpr) {
          add(
            [...base, 'subPathExpr'],
            'key',
            `${who}: a volume mount sets both subPath and subPathExpr`,
            'The API server rejects it ("subPathExpr and subPath are mutually exclusive"). Keep one.',
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
          // A leading "/" only: the path meant inside the volume is plain (`/conf` → `conf`).
          const relative = value.replace(/^\/+/, '');
          const strip: RuleFinding['fixes'] =
            relative !== '' && relative !== value && !descendingPathProblem(relative)
              ? [{ title: `Make it relative: ${relative}`, intents: [{ op: 'set', path: [...base, field], value: relative }], preferred: true }]
              : undefined;
          if (problem)
            add(
              [...base, field],
              'value',
              `${who}: ${field} ${quoteShort(value, 30)} is not a relative path inside the volume`,
              `The API server rejects it ("${problem}"): it must be a path inside the volume, relative and without "..".`,
              strip,
            );
          const volume = name ? volumes.get(name) : undefined;
          // Image volumes support subPath from 1.33 (ImageVolume beta).
          if (volume && 'image' in volume.volume && !atLeast(context.env.kubernetesVersion, '1.33'))
            add(
              [...base, field],
              'key',
              `${who}: ${field} on image volume ${quoteShort(name ?? '', 30)} needs Kubernetes 1.33+`,
              `Kubernetes ${context.env.kubernetesVersion} rejects it ("not allowed in image volume sources"); sub-paths of image volumes need 1.33+.`,
            );
        }
      }
    }
    return findings;
  },
};

/** core/validation.go validateLocalDescendingPath: relative, and no '..' element (first problem). */
function descendingPathProblem(path: string): string | undefined {
  return descendingPathProblems(path)[0];
}

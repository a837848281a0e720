// Docker's `-v host:/data:ro` syntax does not exist in Kubernetes: a mountPath of `/data:ro` is
// taken whole, so the volume appears at a directory literally named "data:ro", the program finds
// an empty /data, and the mount is writable. Read-only is `readOnly: true`; propagation is
// `mountPropagation`; SELinux relabelling (`:z`, `:Z`) is the runtime's job under Kubernetes.
// https://kubernetes.io/docs/concepts/storage/volumes/#using-subpath
// https://kubernetes.io/docs/concepts/storage/volumes/#mount-propagation
import { containersOf } from '../../containers';
import { asString, objectItems } from '../../json';
import { capitalize, describeContainer, quoteShort } from '../../k8s/phrasing';
import type { Rule } from '../../rule-types';
import type { FixIntent, RuleFinding } from '../../types';

/** Docker bind-mount options that people carry over after the container path. */
const DOCKER_OPTIONS = new Set(['ro', 'rw', 'z', 'Z', 'shared', 'rshared', 'slave', 'rslave', 'private', 'rprivate', 'nocopy', 'delegated', 'cached', 'consistent']);

/** `/data:ro,z` → { path: '/data', options: ['ro', 'z'] } when every option is a Docker one. */
function splitDockerSuffix(mountPath: string): { path: string; options: string[] } | undefined {
  const colon = mountPath.lastIndexOf(':');
  if (colon <= 0 || !mountPath.startsWith('/')) return undefined;
  const options = mountPath.slice(colon + 1).split(',');
  if (options.length === 0 || !options.every((option) => DOCKER_OPTIONS.has(option))) return undefined;
  return { path: mountPath.slice(0, colon), options };
}

export const mountPathDockerSuffix: Rule = {
  meta: {
    id: 'mount-path-docker-suffix',
    defaultSeverity: 'warning',
    category: 'volumes',
    summary: 'A mountPath ends in a Docker option (/data:ro): Kubernetes takes it as part of the path.',
  },
  checkPodSpec(context) {
    const findings: RuleFinding[] = [];
    for (const ref of containersOf(context.spec, context.specPath, ['initContainers', 'containers', 'ephemeralContainers'])) {
      for (const { item, index } of objectItems(ref.container.volumeMounts)) {
        const mountPath = asString(item.mountPath);
        const split = mountPath ? splitDockerSuffix(mountPath) : undefined;
        if (!mountPath || !split) continue;
        const base = [...ref.path, 'volumeMounts', index];
        const intents: FixIntent[] = [{ op: 'set', path: [...base, 'mountPath'], value: split.path }];
        if (split.options.includes('ro') && item.readOnly !== true) {
          intents.push(
            item.readOnly === undefined ? { op: 'insert', path: base, key: 'readOnly', value: true, after: 'mountPath' } : { op: 'set', path: [...base, 'readOnly'], value: true },
          );
        }
        const propagation = split.options.some((option) => /shared|slave/.test(option));
        findings.push({
          path: [...base, 'mountPath'],
          target: 'value',
          message: `${capitalize(describeContainer(ref))}: mountPath ${quoteShort(mountPath, 40)} keeps ":${split.options.join(',')}" in the path`,
          detail:
            `Kubernetes has no Docker-style mount options: the volume appears at a directory literally named ${quoteShort(mountPath, 40)}, and ${split.path} stays the image's. ` +
            (split.options.includes('ro') ? 'Write readOnly: true for a read-only mount. ' : '') +
            (propagation ? 'Mount propagation is the mountPropagation field (HostToContainer or Bidirectional). ' : '') +
            (split.options.some((option) => option === 'z' || option === 'Z') ? 'SELinux labels are set by the runtime (or securityContext.seLinuxOptions), not per mount. ' : ''),
          fixes: [{ title: `Mount at ${split.path}${intents.length > 1 ? ' with readOnly: true' : ''}`, intents, preferred: true }],
        });
      }
    }
    return findings;
  },
};

// Container names must be unique across containers, initContainers and ephemeralContainers.
// The API server checks app containers first, then init, then ephemeral containers, and reports
// the clash on the later list ("Duplicate value"). core/validation.go validateContainers,
// validateInitContainers, validateEphemeralContainers.
// https://kubernetes.io/docs/concepts/workloads/pods/init-containers/#detailed-behavior
import { containersOf, type ContainerRef } from '../../containers';
import { pathText, quoteShort } from '../../k8s/phrasing';
import type { Rule } from '../../rule-types';
import type { RuleFinding } from '../../types';

export const containerNameDuplicate: Rule = {
  meta: {
    id: 'container-name-duplicate',
    defaultSeverity: 'error',
    category: 'containers',
    summary: 'Two containers of the Pod (app, init or ephemeral) share a name; the API server rejects the later one.',
    parity: ['pod-containers'],
  },
  checkPodSpec(context) {
    // Upstream order: app containers, then init containers, then ephemeral containers.
    const ordered = containersOf(context.spec, context.specPath, ['containers', 'initContainers', 'ephemeralContainers']);
    const allNames = new Set(ordered.map((ref) => ref.name).filter((name): name is string => name !== undefined));
    const seen = new Map<string, ContainerRef>();
    const findings: RuleFinding[] = [];
    for (const ref of ordered) {
      if (ref.name === undefined || ref.name === '') continue;
      const first = seen.get(ref.name);
      if (!first) {
        seen.set(ref.name, ref);
        continue;
      }
      const suffix = ref.group === 'initContainers' ? '-init' : ref.group === 'ephemeralContainers' ? '-debug' : '-2';
      const renamed = uniqueName(ref.name, suffix, allNames);
      allNames.add(renamed);
      const relative = (r: ContainerRef): string => pathText(r.path.slice(context.specPath.length));
      findings.push({
        path: [...ref.path, 'name'],
        target: 'value',
        message: `Container name ${quoteShort(ref.name)} is used twice (${relative(first)} and ${relative(ref)})`,
        detail: `Container names must be unique across app, init and ephemeral containers. The API server rejects this one (${relative(ref)}.name: Duplicate value: "${ref.name}"); rename one of them.`,
        fixes: [{ title: `Rename this container to "${renamed}"`, intents: [{ op: 'set', path: [...ref.path, 'name'], value: renamed }], preferred: true }],
      });
    }
    return findings;
  },
};

function uniqueName(base: string, suffix: string, taken: Set<string>): string {
  const trimmed = (candidate: string): string => (candidate.length > 63 ? candidate.slice(candidate.length - 63).replace(/^-+/, '') : candidate);
  let candidate = trimmed(base.slice(0, 63 - suffix.length) + suffix);
  for (let n = 2; taken.has(candidate); n += 1) candidate = trimmed(`${base.slice(0, 60 - suffix.length)}${suffix}-${n}`);
  return candidate;
}

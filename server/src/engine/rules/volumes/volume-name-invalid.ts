// volumes[].name: required, a DNS-1123 label, unique in the Pod. A volume that fails its own
// validation is never registered, so upstream also reports every mount of it as "Not found";
// we report the root cause here and volume-mount-unknown-volume stays quiet about those mounts.
// core/validation.go ValidateVolumes.
// https://kubernetes.io/docs/concepts/storage/volumes/
import { asString, hasKey, objectItems } from '../../json';
import { dns1123LabelErrors, toDnsLabel } from '../../k8s/names';
import { quoteShort } from '../../k8s/phrasing';
import type { Rule } from '../../rule-types';
import type { FixSpec, RuleFinding } from '../../types';

export const volumeNameInvalid: Rule = {
  meta: {
    id: 'volume-name-invalid',
    defaultSeverity: 'error',
    category: 'volumes',
    summary: 'A volume name is empty, not a DNS label, or used twice.',
    parity: ['pod-volumes'],
  },
  checkPodSpec(context) {
    const findings: RuleFinding[] = [];
    const seen = new Map<string, number>();
    const items = objectItems(context.spec.volumes);
    const taken = new Set(items.map(({ item }) => asString(item.name)).filter((name): name is string => name !== undefined));
    for (const { item, index } of items) {
      if (!hasKey(item, 'name')) continue; // schema-required
      const name = asString(item.name);
      if (name === undefined) continue;
      const path = [...context.specPath, 'volumes', index, 'name'];
      if (name === '') {
        findings.push({
          path,
          target: 'value',
          message: `volumes[${index}] has an empty name`,
          detail: 'The API server rejects it ("Required value"). Name it, and use that name in volumeMounts.',
        });
        continue;
      }
      const errors = dns1123LabelErrors(name);
      if (errors.length > 0) {
        const fixes: FixSpec[] = [];
        const suggestion = toDnsLabel(name);
        if (suggestion && !taken.has(suggestion)) {
          const intents = [{ op: 'set' as const, path, value: suggestion }, ...mountRenames(context.spec, context.specPath, name, suggestion)];
          fixes.push({ title: `Rename the volume and its mounts to "${suggestion}"`, intents, preferred: true });
        }
        findings.push({
          path,
          target: 'value',
          message: `Volume ${quoteShort(name)}: the name is not a valid DNS label`,
          detail: `The API server rejects it: ${errors.join('; ')}. Volume names are DNS labels (lower-case letters, digits, "-"); every mount of this volume fails with it.`,
          fixes,
        });
      }
      const first = seen.get(name);
      if (first !== undefined) {
        findings.push({
          path,
          target: 'value',
          message: `Volume name ${quoteShort(name)} is used twice (volumes[${first}] and volumes[${index}])`,
          detail: 'The API server rejects the second ("Duplicate value"). Rename or remove one.',
        });
      } else {
        seen.set(name, index);
      }
    }
    return findings;
  },
};

/** Renames of every volumeMounts/volumeDevices entry that uses `from`. */
function mountRenames(spec: Record<string, unknown>, specPath: readonly (string | number)[], from: string, to: string) {
  const intents: { op: 'set'; path: (string | number)[]; value: string }[] = [];
  for (const group of ['initContainers', 'containers']) {
    for (const { item: container, index } of objectItems(spec[group])) {
      for (const list of ['volumeMounts', 'volumeDevices']) {
        for (const { item: mount, index: mountIndex } of objectItems(container[list])) {
          if (mount.name === from) intents.push({ op: 'set', path: [...specPath, group, index, list, mountIndex, 'name'], value: to });
        }
      }
    }
  }
  return intents;
}

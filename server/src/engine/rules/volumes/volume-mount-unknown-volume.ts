// Every volumeMounts[].name (and volumeDevices[].name) must name a volume of the Pod
// ("Not found"). A StatefulSet's volumeClaimTemplates count as volumes: the controller adds them
// to each Pod. Volumes that exist but fail their own validation are left to volume-name-invalid
// and volume-source-count (root cause, no cascade). core/validation.go ValidateVolumeMounts,
// ValidateVolumeDevices; apps validation volumesToAddForTemplates.
// https://kubernetes.io/docs/concepts/storage/volumes/
import { containersOf } from '../../containers';
import { asString, getIn, objectItems } from '../../json';
import { didYouMean } from '../../k8s/did-you-mean';
import { dns1123LabelErrors } from '../../k8s/names';
import { capitalize, describeContainer, quoteShort } from '../../k8s/phrasing';
import { volumesByName } from '../../k8s/volumes';
import type { Rule } from '../../rule-types';
import type { FixSpec, RuleFinding } from '../../types';
import { atLeast } from '../../versions';

const BLOCK_SOURCES = ['persistentVolumeClaim', 'ephemeral'];

export const volumeMountUnknownVolume: Rule = {
  meta: {
    id: 'volume-mount-unknown-volume',
    defaultSeverity: 'error',
    category: 'volumes',
    summary: 'A volumeMount or volumeDevice names a volume the Pod does not define.',
    parity: ['pod-volume-mounts'],
  },
  checkPodSpec(context) {
    const volumes = volumesByName(context.spec);
    const claimTemplates = new Set<string>();
    if (context.kind === 'StatefulSet') {
      for (const { item } of objectItems(getIn(context.object, ['spec', 'volumeClaimTemplates']))) {
        const name = asString(getIn(item, ['metadata', 'name']));
        if (name) claimTemplates.add(name);
      }
    }
    const known = [...volumes.keys(), ...claimTemplates];
    const findings: RuleFinding[] = [];
    for (const ref of containersOf(context.spec, context.specPath, ['initContainers', 'containers'])) {
      for (const list of ['volumeMounts', 'volumeDevices'] as const) {
        for (const { item, index } of objectItems(ref.container[list])) {
          const name = asString(item.name);
          if (name === undefined || name === '') continue;
          const path = [...ref.path, list, index, 'name'];
          const volume = volumes.get(name);
          if (list === 'volumeDevices' && volume && !BLOCK_SOURCES.some((source) => source in volume.volume)) {
            findings.push({
              path,
              target: 'value',
              message: `${capitalize(describeContainer(ref))}: block device volume ${quoteShort(name, 30)} is not a claim or ephemeral volume`,
              detail: 'The API server rejects it ("can only use volume source type of PersistentVolumeClaim or Ephemeral for block mode"). Use volumeMounts for this volume.',
            });
            continue;
          }
          if (volume || claimTemplates.has(name)) continue;
          findings.push(unknown(context.kind, context.env.kubernetesVersion, ref, list, name, path, known, context.specPath));
        }
      }
    }
    return findings;
  },
};

function unknown(
  kind: string,
  version: string,
  ref: Parameters<typeof describeContainer>[0],
  list: string,
  name: string,
  path: (string | number)[],
  known: string[],
  specPath: readonly (string | number)[],
): RuleFinding {
  const fixes: FixSpec[] = [];
  const guess = didYouMean(name, known);
  if (guess) fixes.push({ title: `Change the name to "${guess}"`, intents: [{ op: 'set', path, value: guess }], preferred: true });
  // A volume name must be a DNS-1123 label; a volume named after an invalid mount name would be
  // rejected in turn (volume-name-invalid), so no volume is offered then.
  if (list === 'volumeMounts' && dns1123LabelErrors(name).length === 0) {
    fixes.push({ title: `Add an emptyDir volume named "${name}"`, intents: [{ op: 'append', path: [...specPath, 'volumes'], value: { name, emptyDir: {} } }] });
  }
  const hint = guess ? `Did you mean "${guess}"? ` : known.length > 0 ? `The Pod's volumes are: ${known.map((v) => `"${v}"`).join(', ')}. ` : 'The Pod defines no volumes. ';
  const when =
    kind === 'StatefulSet' && !atLeast(version, '1.34')
      ? `Before 1.34 the API server accepts this StatefulSet, but the controller cannot create its Pods (Not found: "${name}").`
      : `The API server rejects it (Not found: "${name}").`;
  return {
    path,
    target: 'value',
    message: `${capitalize(describeContainer(ref))} mounts volume ${quoteShort(name, 30)}, which the Pod does not define`,
    detail: `spec.volumes has no volume of that name${kind === 'StatefulSet' ? ' (nor do volumeClaimTemplates)' : ''}. ${when} ${hint}`.trim(),
    fixes,
  };
}

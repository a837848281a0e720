// A claim that names its volume (spec.volumeName), or a volume reserved for a claim
// (spec.claimRef), binds only when the two agree: the same storage class, every access mode the
// claim asks for, enough capacity, the same volumeMode, and a claimRef that names this claim. The
// API server accepts both objects either way; the claim just stays Pending.
// https://kubernetes.io/docs/concepts/storage/persistent-volumes/#reserving-a-persistentvolume
import { asObject, asString, getIn } from '../../json';
import { accessModes, claims, storageClassOf, volumes } from '../../k8s/claims';
import { describeObject, namespaceOf } from '../../k8s/file-objects';
import { fitMessage } from '../../k8s/phrasing';
import { compareQuantities, parseQuantity, quantityText } from '../../k8s/quantity';
import type { FileRuleFinding, ObjectContext, Rule } from '../../rule-types';
import type { FieldPath } from '../../types';

interface Mismatch {
  path: FieldPath;
  what: string;
  detail: string;
}

function mismatches(claim: ObjectContext, volume: ObjectContext): Mismatch[] {
  const found: Mismatch[] = [];
  const claimSpec = asObject(claim.object.spec) ?? {};
  const volumeSpec = asObject(volume.object.spec) ?? {};
  const claimClass = storageClassOf(claim.object);
  const volumeClass = storageClassOf(volume.object) ?? '';
  // An omitted class on the claim gets the cluster's default class (unknown here): only a written one is compared.
  if (claimClass !== undefined && claimClass !== volumeClass) {
    found.push({
      path: ['spec', 'storageClassName'],
      what: `storage class "${claimClass}" is not the volume's "${volumeClass}"`,
      detail: `${describeObject(volume)} has storageClassName "${volumeClass}"; a claim binds only to a volume of its own class.`,
    });
  }
  const offered = new Set(accessModes(volumeSpec));
  const missing = accessModes(claimSpec).filter((mode) => !offered.has(mode));
  if (missing.length > 0 && offered.size > 0) {
    found.push({
      path: ['spec', 'accessModes'],
      what: `the volume does not offer ${missing.join(', ')}`,
      detail: `${describeObject(volume)} offers ${[...offered].join(', ')}; the claim must ask for a subset of them.`,
    });
  }
  const wanted = parseQuantity(getIn(claimSpec, ['resources', 'requests', 'storage']));
  const capacity = parseQuantity(getIn(volumeSpec, ['capacity', 'storage']));
  if (wanted && capacity && compareQuantities(capacity, wanted) < 0) {
    found.push({
      path: ['spec', 'resources', 'requests', 'storage'],
      what: `requests ${quantityText(getIn(claimSpec, ['resources', 'requests', 'storage']))}, more than its ${quantityText(getIn(volumeSpec, ['capacity', 'storage']))}`,
      detail: `${describeObject(volume)} has capacity ${quantityText(getIn(volumeSpec, ['capacity', 'storage']))}; a claim binds only to a volume at least as large as its request.`,
    });
  }
  const claimMode = asString(claimSpec.volumeMode) ?? 'Filesystem';
  const volumeMode = asString(volumeSpec.volumeMode) ?? 'Filesystem';
  if (claimMode !== volumeMode) {
    found.push({
      path: ['spec', 'volumeMode'],
      what: `volumeMode ${claimMode}, the volume's is ${volumeMode}`,
      detail: `${describeObject(volume)} is a ${volumeMode} volume; the volume modes must be equal.`,
    });
  }
  const claimRef = asObject(volumeSpec.claimRef);
  const refName = asString(claimRef?.name);
  const refNamespace = asString(claimRef?.namespace);
  const claimNamespace = namespaceOf(claim);
  if (refName !== undefined && (refName !== claim.name || (refNamespace !== undefined && claimNamespace !== undefined && refNamespace !== claimNamespace))) {
    found.push({
      path: ['spec', 'volumeName'],
      what: `the volume is reserved for claim "${refNamespace ? `${refNamespace}/` : ''}${refName}"`,
      detail: `${describeObject(volume)} has a claimRef naming another claim, so it never binds to this one.`,
    });
  }
  return found;
}

export const pvcPvMismatch: Rule = {
  meta: {
    id: 'pvc-pv-mismatch',
    defaultSeverity: 'warning',
    category: 'storage',
    summary: 'A claim names a volume in this file (volumeName or claimRef) that it cannot bind: class, access modes, size or mode differ.',
  },
  checkFile(context) {
    const findings: FileRuleFinding[] = [];
    const allVolumes = volumes(context);
    for (const claim of claims(context)) {
      const volumeName = asString(getIn(claim.object, ['spec', 'volumeName']));
      const volume =
        (volumeName !== undefined ? allVolumes.find((candidate) => candidate.name === volumeName) : undefined) ??
        allVolumes.find((candidate) => {
          const ref = asObject(getIn(candidate.object, ['spec', 'claimRef']));
          const namespace = asString(ref?.namespace);
          return asString(ref?.name) === claim.name && (namespace === undefined || namespaceOf(claim) === undefined || namespace === namespaceOf(claim));
        });
      if (!volume) continue;
      for (const mismatch of mismatches(claim, volume)) {
        // Report where the claim says it; volumeName when that field is not written.
        const path = getIn(claim.object, mismatch.path) !== undefined ? mismatch.path : volumeName !== undefined ? ['spec', 'volumeName'] : ['spec'];
        findings.push({
          documentIndex: claim.documentIndex,
          objectIndex: claim.objectIndex,
          path,
          target: path.length === 1 ? 'key' : 'value',
          message: fitMessage(
            `Claim "${claim.name ?? ''}" cannot bind volume "${volume.name ?? ''}": ${mismatch.what}`,
            `Claim "${claim.name ?? ''}" cannot bind its volume: ${mismatch.what}`,
          ),
          detail: `${mismatch.detail} The API server accepts both; the claim stays Pending and Pods that mount it never start.`,
        });
      }
    }
    return findings;
  },
};

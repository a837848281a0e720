// PersistentVolumeClaims and PersistentVolumes of a file, for the rules that relate them to each
// other and to the workloads that mount them.
// https://kubernetes.io/docs/concepts/storage/persistent-volumes/#binding
import { asArray, asObject, asString, getIn, objectItems, type JsonObject } from '../json';
import type { FileContext, ObjectContext } from '../rule-types';
import type { FieldPath } from '../types';
import { sameNamespace } from './file-objects';

export function claims(context: FileContext): ObjectContext[] {
  return context.objects.filter((object) => object.kind === 'PersistentVolumeClaim' && object.apiVersion === 'v1');
}

export function volumes(context: FileContext): ObjectContext[] {
  return context.objects.filter((object) => object.kind === 'PersistentVolume' && object.apiVersion === 'v1');
}

/** Access modes as written (strings only). */
export function accessModes(object: JsonObject | undefined): string[] {
  return asArray(object?.accessModes).filter((mode): mode is string => typeof mode === 'string');
}

/** The claim of the file a Pod spec's claimName refers to (same namespace as the Pod's owner). */
export function claimNamed(context: FileContext, owner: ObjectContext, name: string): ObjectContext | undefined {
  return claims(context).find((claim) => claim.name === name && sameNamespace(claim, owner));
}

/** The persistentVolumeClaim volumes of a Pod spec, with their paths. */
export function claimVolumes(spec: JsonObject, specPath: FieldPath): { claimName: string; path: FieldPath; readOnly: boolean }[] {
  const result: { claimName: string; path: FieldPath; readOnly: boolean }[] = [];
  for (const { item, index } of objectItems(spec.volumes)) {
    const source = asObject(item.persistentVolumeClaim);
    const claimName = asString(source?.claimName);
    if (!source || !claimName) continue;
    result.push({ claimName, path: [...specPath, 'volumes', index, 'persistentVolumeClaim', 'claimName'], readOnly: source.readOnly === true });
  }
  return result;
}

/** spec.storageClassName, or the beta annotation older manifests use. */
export function storageClassOf(object: JsonObject): string | undefined {
  const field = asString(getIn(object, ['spec', 'storageClassName']));
  if (field !== undefined) return field;
  return asString(getIn(object, ['metadata', 'annotations', 'volume.beta.kubernetes.io/storage-class']));
}

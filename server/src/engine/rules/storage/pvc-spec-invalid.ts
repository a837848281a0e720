// A PersistentVolumeClaim the API server rejects (core ValidatePersistentVolumeClaimSpec,
// validateDataSource, validateDataSourceRef): no access modes or ReadWriteOncePod mixed with
// others, no positive resources.requests.storage, a storageClassName that is not a DNS
// subdomain, a data source that is not a PersistentVolumeClaim without an apiGroup (or has an
// apiGroup that is not a DNS subdomain), and dataSource/dataSourceRef that disagree.
// https://kubernetes.io/docs/concepts/storage/persistent-volumes/#persistentvolumeclaims
import { asObject, asString, hasKey, type JsonObject } from '../../json';
import { parseLabelSelector } from '../../k8s/label-selector';
import { dns1123SubdomainErrors } from '../../k8s/names';
import { clipText, fitMessage, quoted } from '../../k8s/phrasing';
import { mixesReadWriteOncePod, storageClassNameProblem, storageSizeState } from '../../k8s/pv-sources';
import type { Rule } from '../../rule-types';
import type { FieldPath, RuleFinding } from '../../types';

type Add = (path: FieldPath, target: 'key' | 'value', problem: string, detail: string) => void;

export const pvcSpecInvalid: Rule = {
  meta: {
    id: 'pvc-spec-invalid',
    defaultSeverity: 'error',
    category: 'storage',
    summary: 'A PersistentVolumeClaim the API server rejects: access modes, storage request, class name or data source problems.',
    kinds: ['PersistentVolumeClaim'],
    parity: ['persistent-volume-claim'],
  },
  checkObject(context) {
    if (context.apiVersion !== 'v1') return [];
    const spec = asObject(context.object.spec) ?? {};
    const name = context.name ? `PersistentVolumeClaim ${quoted(context.name, 20)}` : 'PersistentVolumeClaim';
    const findings: RuleFinding[] = [];
    const add: Add = (path, target, problem, detail) => findings.push({ path, target, message: fitMessage(`${name}: ${problem}`, `${name}: ${problem}`), detail });
    const specPath = hasKey(context.object, 'spec') ? ['spec'] : [];
    const modes = spec.accessModes;
    if (modes === undefined || modes === null || (Array.isArray(modes) && modes.length === 0)) {
      add(
        hasKey(spec, 'accessModes') ? ['spec', 'accessModes'] : specPath,
        'key',
        'accessModes is required',
        'The API server rejects it (spec.accessModes: Required value: at least 1 access mode is required), e.g. [ReadWriteOnce].',
      );
    } else if (mixesReadWriteOncePod(modes)) {
      add(
        ['spec', 'accessModes'],
        'key',
        'ReadWriteOncePod cannot be mixed with other modes',
        'The API server rejects it (spec.accessModes: Forbidden: may not use ReadWriteOncePod with other access modes).',
      );
    }
    checkStorage(spec, specPath, add);
    for (const problem of parseLabelSelector(context.object, ['spec', 'selector'])?.problems ?? [])
      add(problem.path, problem.target, `selector ${problem.message}`, problem.detail);
    const className = storageClassNameProblem(spec);
    if (className) add(['spec', 'storageClassName'], 'value', className.message, className.detail);
    const dataSource = asObject(spec.dataSource);
    const dataSourceRef = asObject(spec.dataSourceRef);
    if (dataSource) checkReference(dataSource, 'dataSource', add);
    if (dataSourceRef) checkReference(dataSourceRef, 'dataSourceRef', add);
    if (dataSource && dataSourceRef) {
      if (asString(dataSourceRef.namespace)) {
        add(
          ['spec', 'dataSource'],
          'key',
          'dataSource cannot be set when dataSourceRef has a namespace',
          'The API server rejects it (spec: Invalid value: may not be specified when dataSourceRef.namespace is specified). Remove dataSource.',
        );
      } else if (!sameReference(dataSource, dataSourceRef)) {
        add(
          ['spec', 'dataSource'],
          'key',
          'dataSource and dataSourceRef differ',
          'The API server rejects it (spec: Invalid value: must match dataSourceRef). Keep only dataSourceRef, which supersedes dataSource.',
        );
      }
    }
    return findings;
  },
};

function checkStorage(spec: JsonObject, specPath: FieldPath, add: Add): void {
  const resources = asObject(spec.resources);
  const requests = asObject(resources?.requests);
  if ((spec.resources !== undefined && spec.resources !== null && !resources) || (resources?.requests !== undefined && resources.requests !== null && !requests)) return; // schema-type
  const state = storageSizeState(requests?.storage);
  if (state === 'missing') {
    // The API server names spec.resources[storage]: point at resources, or its nearest parent.
    const path = resources ? ['spec', 'resources'] : specPath;
    add(
      path,
      'key',
      'resources.requests.storage is required',
      'The API server rejects it (spec.resources[storage]: Required value). Request a size, e.g. resources: {requests: {storage: 10Gi}}.',
    );
  } else if (state === 'not-positive') {
    add(
      ['spec', 'resources', 'requests', 'storage'],
      'value',
      'the storage request must be above zero',
      'The API server rejects it (spec.resources[storage]: Invalid value: must be greater than zero).',
    );
  }
}

function checkReference(reference: JsonObject, key: 'dataSource' | 'dataSourceRef', add: Add): void {
  const group = asString(reference.apiGroup) ?? '';
  const kind = asString(reference.kind);
  if (group === '' && kind && kind !== 'PersistentVolumeClaim') {
    add(
      ['spec', key, 'kind'],
      'value',
      `${key} kind "${clipText(kind, 24)}" needs an apiGroup`,
      `The API server rejects it (spec.${key}: Invalid value: "${kind}": must be 'PersistentVolumeClaim' when referencing the default apiGroup). ` +
        'A VolumeSnapshot, for instance, needs apiGroup: snapshot.storage.k8s.io.',
    );
  }
  const errors = group ? dns1123SubdomainErrors(group) : [];
  if (errors.length > 0)
    add(
      ['spec', key, 'apiGroup'],
      'value',
      `${key} apiGroup "${clipText(group, 24)}" is not a DNS subdomain`,
      `The API server rejects it (spec.${key}.apiGroup: ${errors.join('; ')}).`,
    );
}

function sameReference(a: JsonObject, b: JsonObject): boolean {
  return (asString(a.apiGroup) ?? '') === (asString(b.apiGroup) ?? '') && a.kind === b.kind && a.name === b.name;
}

// Downward API files of downwardAPI and projected volumes: which Pod fields a file may show, and
// which container resources. Volumes allow fewer fields than environment variables (no status or
// spec fields, which may change while the file exists), but do allow all labels and annotations.
// core/validation.go validateDownwardAPIVolumeFile, validateObjectFieldSelector,
// validateContainerResourceFieldSelector, validateContainerResourceDivisor.
// https://kubernetes.io/docs/concepts/workloads/pods/downward-api/#available-fields
import { asObject, asString, hasKey, type JsonObject } from '../json';
import type { FieldPath } from '../types';
import { qualifiedNameErrors } from './names';
import { compareQuantities, parseQuantity, type Quantity } from './quantity';
import { fieldText, fileModeProblem, requireString, shown, type VolumeProblem } from './volume-problems';

/** Pod fields a downward API volume file may hold (subscripted labels/annotations aside). */
export const VOLUME_FIELD_PATHS: readonly string[] = ['metadata.name', 'metadata.namespace', 'metadata.labels', 'metadata.annotations', 'metadata.uid'];

/** Field labels the v1 Pod conversion knows at all (others fail "error converting fieldPath"). */
const KNOWN_POD_FIELDS = new Set([
  ...VOLUME_FIELD_PATHS,
  'spec.nodeName',
  'spec.restartPolicy',
  'spec.serviceAccountName',
  'spec.schedulerName',
  'status.phase',
  'status.hostIP',
  'status.hostIPs',
  'status.podIP',
  'status.podIPs',
  'spec.host',
]);

const RESOURCES = new Set(['limits.cpu', 'limits.memory', 'limits.ephemeral-storage', 'requests.cpu', 'requests.memory', 'requests.ephemeral-storage']);
const HUGEPAGES_PREFIXES = ['requests.hugepages-', 'limits.hugepages-'];
const CPU_DIVISORS = ['1m', '1'];
const BYTE_DIVISORS = ['1', '1k', '1M', '1G', '1T', '1P', '1E', '1Ki', '1Mi', '1Gi', '1Ti', '1Pi', '1Ei'];

/** Problems of one downward API file (`at` is the file's path from the volume). */
export function downwardApiFileProblems(file: JsonObject, at: FieldPath): VolumeProblem[] {
  const problems: VolumeProblem[] = [];
  const fieldRef = asObject(file.fieldRef);
  const resourceFieldRef = asObject(file.resourceFieldRef);
  if (fieldRef) {
    problems.push(...fieldRefProblems(fieldRef, [...at, 'fieldRef']));
    if (resourceFieldRef)
      problems.push({
        path: [...at, 'resourceFieldRef'],
        target: 'key',
        text: `${fieldText(at)} sets both fieldRef and resourceFieldRef`,
        upstream: 'fieldRef and resourceFieldRef can not be specified simultaneously',
        hint: 'Keep one of them; use a second file for the other value.',
      });
  } else if (resourceFieldRef) {
    problems.push(...resourceFieldRefProblems(resourceFieldRef, [...at, 'resourceFieldRef']));
  } else {
    problems.push({
      path: at,
      target: 'value',
      text: `${fieldText(at)} names neither fieldRef nor resourceFieldRef`,
      upstream: 'one of fieldRef and resourceFieldRef is required',
      hint: 'Add fieldRef (a Pod field such as metadata.labels) or resourceFieldRef (a container resource).',
    });
  }
  const mode = fileModeProblem(file, 'mode', at);
  if (mode) problems.push(mode);
  return problems;
}

function fieldRefProblems(ref: JsonObject, at: FieldPath): VolumeProblem[] {
  // apiVersion defaults to v1 (SetDefaults_ObjectFieldSelector).
  const apiVersion = asString(ref.apiVersion) ?? '';
  // The API server reports a wrong apiVersion on fieldPath, which it failed to convert.
  if (apiVersion !== '' && apiVersion !== 'v1')
    return [
      {
        path: hasKey(ref, 'fieldPath') ? [...at, 'fieldPath'] : [...at, 'apiVersion'],
        target: 'value',
        text: `${fieldText([...at, 'apiVersion'])} ${shown(apiVersion)} is not v1`,
        upstream: `error converting fieldPath: unsupported pod version: ${apiVersion}`,
        hint: 'Downward API field paths are Pod v1 fields: set apiVersion to v1 or leave it out.',
        replace: { title: 'Set apiVersion to v1', value: 'v1', path: [...at, 'apiVersion'] },
      },
    ];
  const required = requireString(ref, 'fieldPath', at, true, 'Name the Pod field to show, such as metadata.labels.');
  if (required) return [required];
  const fieldPath = asString(ref.fieldPath);
  if (fieldPath === undefined) return [];
  const path = [...at, 'fieldPath'];
  const subscripted = splitSubscript(fieldPath);
  if (subscripted) {
    if (subscripted.path !== 'metadata.labels' && subscripted.path !== 'metadata.annotations')
      return [
        {
          path,
          target: 'value',
          text: `fieldPath ${shown(fieldPath)} takes no ['key'] subscript`,
          upstream: 'error converting fieldPath: field label does not support subscript',
          hint: "Only metadata.labels['key'] and metadata.annotations['key'] take a subscript.",
        },
      ];
    const key = subscripted.path === 'metadata.annotations' ? subscripted.key.toLowerCase() : subscripted.key;
    const errors = qualifiedNameErrors(key);
    return errors.length === 0
      ? []
      : [
          {
            // Reported on fieldRef, as the API server does.
            path: at,
            target: 'key',
            text: `fieldPath ${shown(fieldPath)} names an invalid key`,
            upstream: errors.join('; '),
            hint: 'The key in the subscript must be a valid label or annotation key.',
          },
        ];
  }
  if (VOLUME_FIELD_PATHS.includes(fieldPath)) return [];
  const known = KNOWN_POD_FIELDS.has(fieldPath);
  return [
    {
      path,
      target: 'value',
      text: `fieldPath ${shown(fieldPath)} is not available in a downward API volume`,
      upstream: known
        ? `Unsupported value: supported values: ${VOLUME_FIELD_PATHS.map((value) => `"${value}"`).join(', ')}`
        : 'error converting fieldPath: field label not supported',
      hint: known
        ? 'A volume file can show metadata.name, namespace, uid, labels and annotations; pass other Pod fields as environment variables.'
        : 'Use one of metadata.name, metadata.namespace, metadata.uid, metadata.labels or metadata.annotations.',
    },
  ];
}

function resourceFieldRefProblems(ref: JsonObject, at: FieldPath): VolumeProblem[] {
  const problems: VolumeProblem[] = [];
  // In a volume the file is not tied to one container, so it must say which one.
  const container = requireString(ref, 'containerName', at, false, 'Name the container whose resources the file shows.');
  if (container) problems.push(container);
  else {
    const resource = asString(ref.resource);
    if (resource === '')
      problems.push({
        path: [...at, 'resource'],
        target: 'value',
        text: `${fieldText([...at, 'resource'])} is empty`,
        upstream: 'Required value',
        hint: 'Name a resource such as limits.memory.',
      });
    else if (resource !== undefined && !RESOURCES.has(resource) && !HUGEPAGES_PREFIXES.some((prefix) => resource.startsWith(prefix)))
      problems.push({
        path: [...at, 'resource'],
        target: 'value',
        text: `resource ${shown(resource)} is not a container resource the downward API knows`,
        upstream: `Unsupported value: supported values: ${[...RESOURCES].map((value) => `"${value}"`).join(', ')}`,
        hint: 'Use limits.* or requests.* of cpu, memory, ephemeral-storage or hugepages-<size>.',
      });
  }
  const divisor = divisorProblem(asString(ref.resource) ?? '', ref.divisor, [...at, 'divisor']);
  if (divisor) problems.push(divisor);
  return problems;
}

function divisorProblem(resource: string, raw: unknown, path: FieldPath): VolumeProblem | undefined {
  const divisor = parseQuantity(raw);
  if (!divisor || divisor.numerator === 0n) return undefined; // unset, or left to schema-format
  const cpu = resource === 'limits.cpu' || resource === 'requests.cpu';
  const bytes =
    ['limits.memory', 'requests.memory', 'limits.ephemeral-storage', 'requests.ephemeral-storage'].includes(resource) ||
    HUGEPAGES_PREFIXES.some((prefix) => resource.startsWith(prefix));
  const allowed = cpu ? CPU_DIVISORS : bytes ? BYTE_DIVISORS : undefined;
  if (!allowed || allowed.some((value) => sameQuantity(divisor, value))) return undefined;
  return {
    path,
    target: 'value',
    text: `divisor ${shown(String(raw))} is not allowed for ${resource}`,
    upstream: cpu ? "only divisor's values 1m and 1 are supported with the cpu resource" : `only divisor's values ${BYTE_DIVISORS.join(', ')} are supported`,
    hint: `Use one of ${allowed.join(', ')}.`,
  };
}

function sameQuantity(quantity: Quantity, text: string): boolean {
  const other = parseQuantity(text);
  return other !== undefined && compareQuantities(quantity, other) === 0;
}

/** `metadata.labels['app']` → path and key (fieldpath.SplitMaybeSubscriptedPath). */
function splitSubscript(fieldPath: string): { path: string; key: string } | undefined {
  if (!fieldPath.endsWith("']")) return undefined;
  const body = fieldPath.slice(0, -2);
  const open = body.indexOf("['");
  if (open <= 0) return undefined;
  return { path: body.slice(0, open), key: body.slice(open + 2) };
}

// Name formats the API server enforces (k8s.io/apimachinery util/validation). Each function
// returns the upstream messages, empty when the value is valid.
// https://kubernetes.io/docs/concepts/overview/working-with-objects/names/
import { trimCharsEnd, trimCharsStart } from './trim-chars';

const DNS1123_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const DNS1123_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const DNS1035_LABEL = /^[a-z]([-a-z0-9]*[a-z0-9])?$/;
const QUALIFIED_NAME = /^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$/;
const LABEL_VALUE = /^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/;

export const DNS_LABEL_MESSAGE = "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character";
export const DNS_SUBDOMAIN_MESSAGE =
  "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character";
const QUALIFIED_NAME_MESSAGE = "must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character";

export function dns1123LabelErrors(value: string): string[] {
  const errors: string[] = [];
  if (value.length > 63) errors.push('must be no more than 63 characters');
  if (!DNS1123_LABEL.test(value)) errors.push(DNS1123_SUBDOMAIN.test(value) ? 'must not contain dots' : DNS_LABEL_MESSAGE);
  return errors;
}

export const DNS1035_LABEL_MESSAGE =
  "a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character";

export function dns1035LabelErrors(value: string): string[] {
  const errors: string[] = [];
  if (value.length > 63) errors.push('must be no more than 63 characters');
  if (!DNS1035_LABEL.test(value)) errors.push(DNS1035_LABEL_MESSAGE);
  return errors;
}

/** Path segment names (the API server's floor for every object): not `.` or `..`, no `/` or `%`. */
export function pathSegmentErrors(value: string, prefix = false): string[] {
  if (!prefix && (value === '.' || value === '..')) return [`may not be '${value}'`];
  return ['/', '%'].filter((part) => value.includes(part)).map((part) => `may not contain '${part}'`);
}

export function dns1123SubdomainErrors(value: string): string[] {
  const errors: string[] = [];
  if (value.length > 253) errors.push('must be no more than 253 characters');
  if (!DNS1123_SUBDOMAIN.test(value)) errors.push(DNS_SUBDOMAIN_MESSAGE);
  return errors;
}

/** Label and annotation keys: an optional DNS-subdomain prefix, `/`, and a name of ≤ 63 characters. */
export function qualifiedNameErrors(value: string): string[] {
  const parts = value.split('/');
  if (parts.length > 2) return [`a qualified name ${QUALIFIED_NAME_MESSAGE}, with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')`];
  const errors: string[] = [];
  const name = parts.length === 2 ? parts[1] : parts[0];
  if (parts.length === 2) {
    if (parts[0].length === 0) errors.push('prefix part must be non-empty');
    else errors.push(...dns1123SubdomainErrors(parts[0]).map((message) => `prefix part ${message}`));
  }
  if (name.length === 0) errors.push('name part must be non-empty');
  else {
    if (name.length > 63) errors.push('name part must be no more than 63 characters');
    if (!QUALIFIED_NAME.test(name)) errors.push(`name part ${QUALIFIED_NAME_MESSAGE}`);
  }
  return errors;
}

export function labelValueErrors(value: string): string[] {
  const errors: string[] = [];
  if (value.length > 63) errors.push('must be no more than 63 characters');
  if (!LABEL_VALUE.test(value)) errors.push(`a valid label must be an empty string or ${QUALIFIED_NAME_MESSAGE.replace(/^must /, '')}`);
  return errors;
}

/**
 * The closest valid DNS label to `value` (lower-cased, other characters turned into `-`), or
 * undefined when nothing usable is left.
 */
export function toDnsLabel(value: string, maxLength = 63): string | undefined {
  const collapsed = value
    .toLowerCase()
    .replace(/[^a-z0-9-]+/g, '-')
    .replace(/-+/g, '-');
  const label = trimCharsEnd(trimCharsStart(collapsed, '-').slice(0, maxLength), '-');
  return label.length > 0 && dns1123LabelErrors(label).length === 0 ? label : undefined;
}

/** A label value with invalid characters replaced by `-` (and trimmed to valid ends). */
export function toLabelValue(value: string): string | undefined {
  const dashed = value.replace(/[^-A-Za-z0-9_.]+/g, '-');
  // Only `-`, `_` and `.` are left that are not alphanumeric.
  const fixed = trimCharsEnd(trimCharsStart(dashed, '-_.').slice(0, 63), '-_.');
  return labelValueErrors(fixed).length === 0 ? fixed : undefined;
}

/** A short, readable form of a YAML scalar for messages. */
export function show(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value.length > 80 ? `${value.slice(0, 77)}...` : value);
  return JSON.stringify(value) ?? String(value);
}

/**
 * The name format the API server checks for a built-in kind (the name function each kind's
 * validation passes to ObjectMeta validation, pkg/apis/<group>/validation):
 * - `subdomain`: DNS-1123 subdomain, most kinds;
 * - `label`: DNS-1123 label (Namespace, StatefulSet; Service from 1.36);
 * - `dns1035`: DNS-1035 label, starts with a letter (Service up to 1.35: RelaxedServiceNameValidation
 *   is on by default from 1.36);
 * - `path-segment`: the floor every object's name meets (RBAC kinds, PodDisruptionBudget, and any
 *   built-in kind not listed here).
 * https://kubernetes.io/docs/concepts/overview/working-with-objects/names/
 */
export type NameFormat = 'subdomain' | 'label' | 'dns1035' | 'path-segment';

const SUBDOMAIN_KINDS: ReadonlySet<string> = new Set([
  'Pod',
  'PodTemplate',
  'ReplicationController',
  'Deployment',
  'ReplicaSet',
  'DaemonSet',
  'ControllerRevision',
  'Job',
  'CronJob',
  'ConfigMap',
  'Secret',
  'ServiceAccount',
  'PersistentVolume',
  'PersistentVolumeClaim',
  'Node',
  'Endpoints',
  'EndpointSlice',
  'LimitRange',
  'ResourceQuota',
  'Ingress',
  'IngressClass',
  'NetworkPolicy',
  'HorizontalPodAutoscaler',
  'StorageClass',
  'VolumeAttachment',
  'PriorityClass',
  'RuntimeClass',
  'Lease',
  'MutatingWebhookConfiguration',
  'ValidatingWebhookConfiguration',
  'ValidatingAdmissionPolicy',
  'ValidatingAdmissionPolicyBinding',
]);

export function nameFormatOf(kind: string, serviceLabelSince1_36: boolean): NameFormat {
  if (kind === 'Namespace' || kind === 'StatefulSet') return 'label';
  if (kind === 'Service') return serviceLabelSince1_36 ? 'label' : 'dns1035';
  return SUBDOMAIN_KINDS.has(kind) ? 'subdomain' : 'path-segment';
}

/**
 * The API server's messages for `value` in that format. `prefix`: a generateName, to which the
 * server appends random characters (a trailing `-` is fine; `.`/`..` could still become valid).
 */
export function nameErrors(value: string, format: NameFormat, prefix = false): string[] {
  if (format === 'path-segment') return pathSegmentErrors(value, prefix);
  // As upstream masks it: the trailing dash of a prefix is read as a letter.
  const name = prefix && value.length > 1 && value.endsWith('-') ? `${value.slice(0, -2)}a` : value;
  if (format === 'label') return dns1123LabelErrors(name);
  if (format === 'dns1035') return dns1035LabelErrors(name);
  return dns1123SubdomainErrors(name);
}

/** What a name of that format may hold, for details. */
export function nameFormatHint(format: NameFormat): string {
  switch (format) {
    case 'label':
      return 'lower-case letters, digits and "-", at most 63 characters, no dots';
    case 'dns1035':
      return 'lower-case letters, digits and "-", starting with a letter, at most 63 characters';
    case 'subdomain':
      return 'lower-case letters, digits, "-" and ".", at most 253 characters';
    case 'path-segment':
      return 'any characters but "/" and "%" (and not "." or "..")';
  }
}

/** Kinds without a namespace: a metadata.namespace on them is dropped, never checked. */
export const CLUSTER_SCOPED_KINDS: ReadonlySet<string> = new Set([
  'Namespace',
  'Node',
  'PersistentVolume',
  'ComponentStatus',
  'ClusterRole',
  'ClusterRoleBinding',
  'StorageClass',
  'VolumeAttachment',
  'CSIDriver',
  'CSINode',
  'VolumeAttributesClass',
  'PriorityClass',
  'RuntimeClass',
  'IngressClass',
  'IPAddress',
  'ServiceCIDR',
  'CustomResourceDefinition',
  'APIService',
  'MutatingWebhookConfiguration',
  'ValidatingWebhookConfiguration',
  'ValidatingAdmissionPolicy',
  'ValidatingAdmissionPolicyBinding',
  'MutatingAdmissionPolicy',
  'MutatingAdmissionPolicyBinding',
  'CertificateSigningRequest',
  'ClusterTrustBundle',
  'FlowSchema',
  'PriorityLevelConfiguration',
  'StorageVersion',
  'StorageVersionMigration',
  'DeviceClass',
  'ResourceSlice',
  'DeviceTaintRule',
  'TokenReview',
  'SelfSubjectReview',
  'SelfSubjectAccessReview',
  'SelfSubjectRulesReview',
  'SubjectAccessReview',
]);

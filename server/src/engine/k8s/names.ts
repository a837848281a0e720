// Name formats the API server enforces (k8s.io/apimachinery util/validation). Each function
// returns the upstream messages, empty when the value is valid.
// https://kubernetes.io/docs/concepts/overview/working-with-objects/names/
import { trimCharsEnd, trimCharsStart } from './trim-chars';

const DNS1123_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const DNS1123_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
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

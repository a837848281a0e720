// Value formats the API server checks inside a Pod spec (k8s.io/apimachinery util/validation and
// core validation helpers): user and group IDs, config-map keys, sysctl names, local profile
// paths, IP addresses and DNS search domains. Each function returns the upstream messages, empty
// when the value is valid. https://kubernetes.io/docs/concepts/overview/working-with-objects/names/

const MAX_ID = 2147483647;
const CONFIG_MAP_KEY = /^[-._a-zA-Z0-9]+$/;
const SYSCTL_NAME = /^([a-z0-9]([-_a-z0-9]*[a-z0-9])?[./])*[a-z0-9]([-_a-z0-9]*[a-z0-9])?$/;
const DNS_LABEL_UNDERSCORE = '_?[a-z0-9]([-_a-z0-9]*[a-z0-9])?';
const DNS_SUBDOMAIN_UNDERSCORE = new RegExp(`^${DNS_LABEL_UNDERSCORE}(\\.${DNS_LABEL_UNDERSCORE})*$`);

export const ID_RANGE_MESSAGE = `must be between 0 and ${MAX_ID}, inclusive`;

/** runAsUser, runAsGroup, fsGroup and supplementalGroups entries: 0..2^31-1. */
export function idRangeErrors(value: number): string[] {
  return Number.isInteger(value) && (value < 0 || value > MAX_ID) ? [ID_RANGE_MESSAGE] : [];
}

/** Keys of ConfigMaps and Secrets, and the `key` of env references to them. */
export function configMapKeyErrors(value: string): string[] {
  const errors: string[] = [];
  if (value.length > 253) errors.push('must be no more than 253 characters');
  if (!CONFIG_MAP_KEY.test(value)) errors.push("a valid config key must consist of alphanumeric characters, '-', '_' or '.'");
  if (value === '.') errors.push("must not be '.'");
  else if (value === '..') errors.push("must not be '..'");
  else if (value.startsWith('..')) errors.push("must not start with '..'");
  return errors;
}

export function isValidSysctlName(name: string): boolean {
  return name.length <= 253 && SYSCTL_NAME.test(name);
}

/** The sysctl with `/` as separator written the dotted way (`net/ipv4/ip_forward` → `net.ipv4.ip_forward`). */
function dottedSysctl(name: string): string {
  const slash = name.indexOf('/');
  const dot = name.indexOf('.');
  if (slash < 0 || (dot >= 0 && dot < slash)) return name;
  return name.replace(/[./]/g, (separator) => (separator === '/' ? '.' : '/'));
}

/** The Linux namespace a namespaced sysctl belongs to (the kubelet's own grouping). */
export function sysctlNamespace(name: string): 'net' | 'ipc' | undefined {
  const dotted = dottedSysctl(name);
  if (dotted.startsWith('net.')) return 'net';
  if (dotted.startsWith('kernel.shm') || dotted.startsWith('kernel.msg') || dotted === 'kernel.sem' || dotted.startsWith('fs.mqueue.')) return 'ipc';
  return undefined;
}

/** A path under the node's profile directory: relative, without `..` segments. */
export function localDescendingPathErrors(value: string): string[] {
  const errors: string[] = [];
  if (value.startsWith('/') || /^[A-Za-z]:[\\/]/.test(value) || value.startsWith('\\')) errors.push('must be a relative path');
  if (value.split(/[\\/]/).includes('..')) errors.push("must not contain '..'");
  return errors;
}

function isIPv4(text: string): boolean {
  const parts = text.split('.');
  // The API server reads IPs the lenient (legacy) way: leading zeros are accepted.
  return parts.length === 4 && parts.every((part) => /^\d{1,3}$/.test(part) && Number(part) <= 255);
}

function isIPv6(text: string): boolean {
  let rest = text;
  const lastColon = rest.lastIndexOf(':');
  const tail = rest.slice(lastColon + 1);
  // An embedded IPv4 tail (::ffff:10.0.0.1) counts as two groups.
  if (tail.includes('.')) {
    if (!isIPv4(tail)) return false;
    rest = `${rest.slice(0, lastColon + 1)}0:0`;
  }
  if (!/^[0-9A-Fa-f:]+$/.test(rest)) return false;
  const hex = (group: string): boolean => /^[0-9A-Fa-f]{1,4}$/.test(group);
  const halves = rest.split('::');
  if (halves.length > 2) return false;
  if (halves.length === 1) {
    const groups = rest.split(':');
    return groups.length === 8 && groups.every(hex);
  }
  const head = halves[0] === '' ? [] : halves[0].split(':');
  const rear = halves[1] === '' ? [] : halves[1].split(':');
  return head.every(hex) && rear.every(hex) && head.length + rear.length <= 7;
}

export function isValidIP(text: string): boolean {
  return isIPv4(text) || (text.includes(':') && isIPv6(text));
}

export const IP_MESSAGE = 'must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)';

/** dnsConfig search domains with relaxed validation (1.33+): `_` allowed, so SRV-style names pass. */
export function dnsSubdomainWithUnderscoreErrors(value: string): string[] {
  const errors: string[] = [];
  if (value.length > 253) errors.push('must be no more than 253 characters');
  if (!DNS_SUBDOMAIN_UNDERSCORE.test(value))
    errors.push("a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character");
  return errors;
}

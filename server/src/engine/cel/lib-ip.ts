// Kubernetes' IP and CIDR libraries for CEL. The library is stricter than the legacy parser the
// API server uses for built-in fields: no leading zeros, no zones, no IPv4-mapped IPv6 addresses.
// https://kubernetes.io/docs/reference/using-api/cel/#kubernetes-ip-address-library
import { celFunc, celMethod, CelScalar, type CelFunc, type CelValue } from '@bufbuild/cel';
import { parseIp, type ParsedIp } from '../k8s/ip-address';
import { textOf, textType, textValue } from './opaque-types';

const { STRING, BOOL, INT } = CelScalar;
const IP_TYPE = textType('IP');
const CIDR_TYPE = textType('CIDR');

interface Cidr {
  ip: ParsedIp;
  prefix: number;
}

/** The address when `text` is one the CEL library accepts. */
export function strictIp(text: string): ParsedIp | undefined {
  if (text.includes('%')) return undefined;
  if (/(^|[.:])0\d/.test(text) && !text.includes(':')) return undefined;
  const ip = parseIp(text);
  if (!ip) return undefined;
  // parseIp reads ::ffff:a.b.c.d as IPv4; the CEL library refuses that form.
  if (ip.family === 'IPv4' && text.includes(':')) return undefined;
  return ip;
}

export function strictCidr(text: string): Cidr | undefined {
  const slash = text.indexOf('/');
  if (slash < 0 || !/^(0|[1-9]\d{0,2})$/.test(text.slice(slash + 1))) return undefined;
  const ip = strictIp(text.slice(0, slash));
  const prefix = Number(text.slice(slash + 1));
  if (!ip || prefix > ip.bytes.length * 8) return undefined;
  return { ip, prefix };
}

/** The canonical text: dotted decimal, or RFC 5952 (lowercase, longest zero run compressed). */
export function canonicalIp(ip: ParsedIp): string {
  if (ip.family === 'IPv4') return ip.bytes.join('.');
  const groups: number[] = [];
  for (let index = 0; index < 16; index += 2) groups.push((ip.bytes[index] << 8) | ip.bytes[index + 1]);
  let bestStart = -1;
  let bestLength = 1;
  for (let start = 0; start < 8; start++) {
    let length = 0;
    while (start + length < 8 && groups[start + length] === 0) length++;
    if (length > bestLength) {
      bestStart = start;
      bestLength = length;
    }
  }
  const hex = groups.map((group) => group.toString(16));
  if (bestStart < 0) return hex.join(':');
  return `${hex.slice(0, bestStart).join(':')}::${hex.slice(bestStart + bestLength).join(':')}`;
}

function ipOf(value: CelValue): ParsedIp {
  const ip = strictIp(textOf(value));
  if (!ip) throw new Error('invalid IP');
  return ip;
}

function cidrOf(value: CelValue): Cidr {
  const cidr = strictCidr(textOf(value));
  if (!cidr) throw new Error('invalid CIDR');
  return cidr;
}

function masked(cidr: Cidr): ParsedIp {
  const bytes = cidr.ip.bytes.map((byte, index) => {
    const bits = Math.max(0, Math.min(8, cidr.prefix - index * 8));
    return byte & ((0xff << (8 - bits)) & 0xff);
  });
  return { family: cidr.ip.family, bytes };
}

function contains(cidr: Cidr, ip: ParsedIp, prefix: number): boolean {
  if (ip.family !== cidr.ip.family || prefix < cidr.prefix) return false;
  const inner = masked({ ip, prefix: cidr.prefix }).bytes;
  return masked(cidr).bytes.every((byte, index) => byte === inner[index]);
}

function isLoopback(ip: ParsedIp): boolean {
  return ip.family === 'IPv4' ? ip.bytes[0] === 127 : ip.bytes.slice(0, 15).every((byte) => byte === 0) && ip.bytes[15] === 1;
}

function isUnspecified(ip: ParsedIp): boolean {
  return ip.bytes.every((byte) => byte === 0);
}

function isLinkLocalMulticast(ip: ParsedIp): boolean {
  return ip.family === 'IPv4' ? ip.bytes[0] === 224 && ip.bytes[1] === 0 && ip.bytes[2] === 0 : ip.bytes[0] === 0xff && (ip.bytes[1] & 0x0f) === 0x02;
}

function isLinkLocalUnicast(ip: ParsedIp): boolean {
  return ip.family === 'IPv4' ? ip.bytes[0] === 169 && ip.bytes[1] === 254 : ip.bytes[0] === 0xfe && (ip.bytes[1] & 0xc0) === 0x80;
}

function isGlobalUnicast(ip: ParsedIp): boolean {
  if (isUnspecified(ip) || isLoopback(ip) || isLinkLocalUnicast(ip)) return false;
  if (ip.family === 'IPv4') return ip.bytes[0] < 224 && !ip.bytes.every((byte) => byte === 255);
  return ip.bytes[0] !== 0xff;
}

function ipMethod(name: string, test: (ip: ParsedIp) => boolean): CelFunc {
  return celMethod(name, IP_TYPE, [], BOOL, function (this: CelValue) {
    return test(ipOf(this));
  });
}

export const IP_FUNCS: readonly CelFunc[] = [
  celFunc('isIP', [STRING], BOOL, (text: string) => strictIp(text) !== undefined),
  celFunc('ip', [STRING], IP_TYPE, (text: string) => {
    if (!strictIp(text)) throw new Error(`IP Address "${text}" parse error during conversion from string`);
    return textValue('IP', text) as never;
  }),
  celFunc('ip.isCanonical', [STRING], BOOL, (text: string) => {
    const ip = strictIp(text);
    if (!ip) throw new Error(`IP Address "${text}" parse error`);
    return canonicalIp(ip) === text;
  }),
  celFunc('string', [IP_TYPE], STRING, (value: CelValue) => canonicalIp(ipOf(value))),
  celMethod('family', IP_TYPE, [], INT, function (this: CelValue) {
    return ipOf(this).family === 'IPv4' ? 4n : 6n;
  }),
  ipMethod('isUnspecified', isUnspecified),
  ipMethod('isLoopback', isLoopback),
  ipMethod('isLinkLocalMulticast', isLinkLocalMulticast),
  ipMethod('isLinkLocalUnicast', isLinkLocalUnicast),
  ipMethod('isGlobalUnicast', isGlobalUnicast),
  celFunc('isCIDR', [STRING], BOOL, (text: string) => strictCidr(text) !== undefined),
  celFunc('cidr', [STRING], CIDR_TYPE, (text: string) => {
    if (!strictCidr(text)) throw new Error(`network address "${text}" parse error during conversion from string`);
    return textValue('CIDR', text) as never;
  }),
  celFunc('string', [CIDR_TYPE], STRING, (value: CelValue) => {
    const cidr = cidrOf(value);
    return `${canonicalIp(cidr.ip)}/${cidr.prefix}`;
  }),
  celMethod('containsIP', CIDR_TYPE, [STRING], BOOL, function (this: CelValue, text: string) {
    const ip = strictIp(text);
    if (!ip) throw new Error('invalid IP');
    return contains(cidrOf(this), ip, ip.bytes.length * 8);
  }),
  celMethod('containsIP', CIDR_TYPE, [IP_TYPE], BOOL, function (this: CelValue, other: CelValue) {
    const ip = ipOf(other);
    return contains(cidrOf(this), ip, ip.bytes.length * 8);
  }),
  celMethod('containsCIDR', CIDR_TYPE, [STRING], BOOL, function (this: CelValue, text: string) {
    const inner = strictCidr(text);
    if (!inner) throw new Error('invalid CIDR');
    return contains(cidrOf(this), inner.ip, inner.prefix);
  }),
  celMethod('containsCIDR', CIDR_TYPE, [CIDR_TYPE], BOOL, function (this: CelValue, other: CelValue) {
    const inner = cidrOf(other);
    return contains(cidrOf(this), inner.ip, inner.prefix);
  }),
  celMethod('ip', CIDR_TYPE, [], IP_TYPE, function (this: CelValue) {
    return textValue('IP', canonicalIp(cidrOf(this).ip)) as never;
  }),
  celMethod('masked', CIDR_TYPE, [], CIDR_TYPE, function (this: CelValue) {
    const cidr = cidrOf(this);
    return textValue('CIDR', `${canonicalIp(masked(cidr))}/${cidr.prefix}`) as never;
  }),
  celMethod('prefixLength', CIDR_TYPE, [], INT, function (this: CelValue) {
    return BigInt(cidrOf(this).prefix);
  }),
];

// CIDR blocks (`10.0.0.0/8`, `fd00::/64`) as the API server parses them (ParseCIDRSloppy):
// an IP address, '/', and a prefix length that fits the family. NetworkPolicy ipBlock and
// Service loadBalancerSourceRanges use them.
// https://kubernetes.io/docs/concepts/services-networking/network-policies/#networkpolicy-resource
import { parseIp, type IpFamily } from './ip-address';

export interface ParsedCidr {
  family: IpFamily;
  /** The address bytes as written (host bits included). */
  bytes: number[];
  prefix: number;
}

export const CIDR_MESSAGE = 'must be a valid CIDR value, (e.g. 10.9.8.0/24 or 2001:db8::/64)';

export function parseCidr(text: string): ParsedCidr | undefined {
  const slash = text.indexOf('/');
  if (slash < 0) return undefined;
  const prefixText = text.slice(slash + 1);
  if (!/^\d{1,3}$/.test(prefixText)) return undefined;
  // The mapped form ::ffff:a.b.c.d/n is IPv6 to the CIDR parser: keep the family as written.
  const address = text.slice(0, slash);
  const ip = parseIp(address);
  if (!ip) return undefined;
  const family: IpFamily = address.includes(':') ? 'IPv6' : 'IPv4';
  const bytes = family === 'IPv6' && ip.family === 'IPv4' ? [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff, ...ip.bytes] : ip.bytes;
  const prefix = Number(prefixText);
  if (prefix > bytes.length * 8) return undefined;
  return { family, bytes, prefix };
}

function sameBits(a: number[], b: number[], bits: number): boolean {
  for (let bit = 0; bit < bits; bit++) {
    const byte = bit >> 3;
    const mask = 0x80 >> (bit & 7);
    if ((a[byte] & mask) !== (b[byte] & mask)) return false;
  }
  return true;
}

/** `inner` lies inside `outer` and is strictly smaller (a longer prefix). */
export function isStrictSubset(inner: ParsedCidr, outer: ParsedCidr): boolean {
  if (inner.bytes.length !== outer.bytes.length) return false;
  return inner.prefix > outer.prefix && sameBits(inner.bytes, outer.bytes, outer.prefix);
}

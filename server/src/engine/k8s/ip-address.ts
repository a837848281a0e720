// IP addresses the way the API server reads them (k8s.io/utils/net ParseIPSloppy): dotted-quad
// IPv4 (leading zeros tolerated, read as decimal, like the legacy parser does) and textual IPv6
// with `::` compression and an optional trailing IPv4 part. Zones (`%eth0`) are not IPs.
// https://kubernetes.io/docs/concepts/services-networking/dual-stack/

export type IpFamily = 'IPv4' | 'IPv6';

export interface ParsedIp {
  family: IpFamily;
  /** 4 bytes for IPv4, 16 for IPv6. */
  bytes: number[];
}

const IPV4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/;
const HEX_GROUP = /^[0-9a-fA-F]{1,4}$/;

function parseIpv4(text: string): number[] | undefined {
  const match = IPV4.exec(text);
  if (!match) return undefined;
  const bytes = match.slice(1, 5).map(Number);
  return bytes.every((byte) => byte <= 255) ? bytes : undefined;
}

function groupsOf(part: string): number[] | undefined {
  if (part === '') return [];
  const groups: number[] = [];
  const pieces = part.split(':');
  for (let index = 0; index < pieces.length; index++) {
    const piece = pieces[index];
    if (index === pieces.length - 1 && piece.includes('.')) {
      const v4 = parseIpv4(piece);
      if (!v4) return undefined;
      groups.push((v4[0] << 8) | v4[1], (v4[2] << 8) | v4[3]);
      continue;
    }
    if (!HEX_GROUP.test(piece)) return undefined;
    groups.push(parseInt(piece, 16));
  }
  return groups;
}

function parseIpv6(text: string): number[] | undefined {
  if (text.length > 45) return undefined;
  const halves = text.split('::');
  if (halves.length > 2) return undefined;
  const head = groupsOf(halves[0]);
  const tail = halves.length === 2 ? groupsOf(halves[1]) : [];
  if (!head || !tail) return undefined;
  // An IPv4 tail is only allowed at the very end.
  if (halves.length === 2 && halves[0].includes('.')) return undefined;
  const missing = 8 - head.length - tail.length;
  if (halves.length === 1 ? missing !== 0 : missing < 1) return undefined;
  const groups = [...head, ...new Array<number>(halves.length === 2 ? missing : 0).fill(0), ...tail];
  return groups.flatMap((group) => [group >> 8, group & 0xff]);
}

/** The address, or undefined when the text is not an IP address. */
export function parseIp(text: string): ParsedIp | undefined {
  if (text.includes(':')) {
    const bytes = parseIpv6(text);
    if (!bytes) return undefined;
    // An IPv4-mapped IPv6 address (::ffff:a.b.c.d) is an IPv4 address to Go's net package.
    const mapped = bytes.slice(0, 10).every((byte) => byte === 0) && bytes[10] === 0xff && bytes[11] === 0xff;
    return mapped ? { family: 'IPv4', bytes: bytes.slice(12) } : { family: 'IPv6', bytes };
  }
  const bytes = parseIpv4(text);
  return bytes ? { family: 'IPv4', bytes } : undefined;
}

export function isIpAddress(text: string): boolean {
  return parseIp(text) !== undefined;
}

/**
 * Why an address may not be used as a Service external IP (upstream ValidateNonSpecialIP), or
 * undefined when it may: unspecified, loopback, link-local and link-local multicast addresses.
 */
export function specialIpProblem(ip: ParsedIp): string | undefined {
  const b = ip.bytes;
  if (ip.family === 'IPv4') {
    if (b.every((byte) => byte === 0)) return 'may not be unspecified (0.0.0.0)';
    if (b[0] === 127) return 'may not be in the loopback range (127.0.0.0/8, ::1/128)';
    if (b[0] === 169 && b[1] === 254) return 'may not be in the link-local range (169.254.0.0/16, fe80::/10)';
    if (b[0] === 224 && b[1] === 0 && b[2] === 0) return 'may not be in the link-local multicast range (224.0.0.0/24, ff02::/10)';
    return undefined;
  }
  if (b.every((byte) => byte === 0)) return 'may not be unspecified (::)';
  if (b.slice(0, 15).every((byte) => byte === 0) && b[15] === 1) return 'may not be in the loopback range (127.0.0.0/8, ::1/128)';
  if (b[0] === 0xfe && (b[1] & 0xc0) === 0x80) return 'may not be in the link-local range (169.254.0.0/16, fe80::/10)';
  if (b[0] === 0xff && (b[1] & 0x0f) === 0x02) return 'may not be in the link-local multicast range (224.0.0.0/24, ff02::/10)';
  return undefined;
}

import net from 'node:net';

/**
 * Address ranges an outgoing request must not reach by default (SSRF): loopback, link-local
 * (incl. cloud metadata), private, CGNAT, "this network", multicast and reserved ranges, in IPv4,
 * IPv6 and the IPv6 forms that embed an IPv4 address (mapped, NAT64, 6to4).
 */
const BLOCKED_V4: [string, number, string][] = [
  ['0.0.0.0', 8, 'this network'],
  ['10.0.0.0', 8, 'private'],
  ['100.64.0.0', 10, 'carrier-grade NAT'],
  ['127.0.0.0', 8, 'loopback'],
  ['169.254.0.0', 16, 'link-local / cloud metadata'],
  ['172.16.0.0', 12, 'private'],
  ['192.0.0.0', 24, 'IETF protocol assignments'],
  ['192.0.2.0', 24, 'documentation'],
  ['192.168.0.0', 16, 'private'],
  ['198.18.0.0', 15, 'benchmarking'],
  ['198.51.100.0', 24, 'documentation'],
  ['203.0.113.0', 24, 'documentation'],
  ['224.0.0.0', 4, 'multicast'],
  ['240.0.0.0', 4, 'reserved / broadcast'],
];

const BLOCKED_V6: [string, number, string][] = [
  ['::', 128, 'unspecified'],
  ['::1', 128, 'loopback'],
  ['::', 96, 'IPv4-compatible (deprecated)'],
  ['fc00::', 7, 'unique local (private)'],
  ['fe80::', 10, 'link-local'],
  ['fec0::', 10, 'site-local'],
  ['ff00::', 8, 'multicast'],
  ['2001:db8::', 32, 'documentation'],
  ['100::', 64, 'discard'],
];

const blocked = new net.BlockList();
for (const [address, prefix] of BLOCKED_V4) blocked.addSubnet(address, prefix, 'ipv4');
for (const [address, prefix] of BLOCKED_V6) blocked.addSubnet(address, prefix, 'ipv6');

/** Removes URL brackets and a zone id: `[fe80::1%eth0]` → `fe80::1`. */
export function normalizeIp(address: string): string {
  let ip = address.trim();
  if (ip.startsWith('[') && ip.endsWith(']')) ip = ip.slice(1, -1);
  const zone = ip.indexOf('%');
  return (zone === -1 ? ip : ip.slice(0, zone)).toLowerCase();
}

/** The IPv4 address embedded in an IPv6 one (mapped ::ffff:a.b.c.d, compatible ::a.b.c.d, NAT64, 6to4). */
export function embeddedIpv4(ipv6: string): string | undefined {
  const words = expandIpv6(ipv6);
  if (!words) return undefined;
  const v4 = (hi: number, lo: number): string => `${hi >> 8}.${hi & 255}.${lo >> 8}.${lo & 255}`;
  const zeros = (from: number, to: number): boolean => words.slice(from, to).every((w) => w === 0);
  // ::ffff:a.b.c.d (mapped), ::ffff:0:a.b.c.d (translated); ::a.b.c.d (compatible) is blocked as ::/96
  if (zeros(0, 5) && words[5] === 0xffff) return v4(words[6]!, words[7]!);
  if (zeros(0, 4) && words[4] === 0xffff && words[5] === 0) return v4(words[6]!, words[7]!);
  // 64:ff9b::/96 NAT64
  if (words[0] === 0x64 && words[1] === 0xff9b && zeros(2, 6)) return v4(words[6]!, words[7]!);
  // 2002:AABB:CCDD::/16 6to4
  if (words[0] === 0x2002) return v4(words[1]!, words[2]!);
  return undefined;
}

function expandIpv6(ip: string): number[] | undefined {
  if (net.isIPv6(ip) === false) return undefined;
  let text = ip;
  const dotted = /(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (dotted) {
    const parts = dotted[1]!.split('.').map(Number);
    const hi = ((parts[0]! << 8) | parts[1]!).toString(16);
    const lo = ((parts[2]! << 8) | parts[3]!).toString(16);
    text = `${text.slice(0, dotted.index)}${hi}:${lo}`;
  }
  const [head = '', tail] = text.split('::');
  const headWords = head === '' ? [] : head.split(':');
  const tailWords = tail === undefined || tail === '' ? [] : tail.split(':');
  const fill = tail === undefined ? 0 : 8 - headWords.length - tailWords.length;
  const words = [...headWords, ...Array<string>(fill).fill('0'), ...tailWords].map((w) => parseInt(w, 16));
  return words.length === 8 && words.every((w) => Number.isInteger(w)) ? words : undefined;
}

/** Why an address is off limits, or undefined when it is a public address. */
export function blockedReason(address: string): string | undefined {
  const ip = normalizeIp(address);
  const family = net.isIP(ip);
  if (family === 4) {
    return blocked.check(ip, 'ipv4') ? describe(ip, BLOCKED_V4) : undefined;
  }
  if (family === 6) {
    const inner = embeddedIpv4(ip);
    if (inner !== undefined) {
      const reason = blockedReason(inner);
      if (reason) return `${reason} (IPv4 ${inner} inside IPv6)`;
    }
    return blocked.check(ip, 'ipv6') ? describe(ip, BLOCKED_V6) : undefined;
  }
  return 'not an IP address';
}

function describe(ip: string, table: [string, number, string][]): string {
  const family = net.isIP(ip) === 4 ? 'ipv4' : 'ipv6';
  for (const [address, prefix, label] of table) {
    const one = new net.BlockList();
    one.addSubnet(address, prefix, family);
    if (one.check(ip, family)) return label;
  }
  return 'blocked range';
}

/** A list of CIDRs / single IPs; `contains` also understands IPv4 addresses inside IPv6. */
export interface CidrList {
  contains(address: string): boolean;
}

/** Parses "10.0.0.0/8", "192.168.1.5", "fd00::/8". Returns undefined when the text is no IP/CIDR. */
export function parseCidr(
  text: string,
): { address: string; prefix: number; family: 'ipv4' | 'ipv6' } | undefined {
  const [rawAddress = '', rawPrefix, extra] = text.trim().split('/');
  if (extra !== undefined) return undefined;
  const address = normalizeIp(rawAddress);
  const kind = net.isIP(address);
  if (kind === 0) return undefined;
  const max = kind === 4 ? 32 : 128;
  const prefix = rawPrefix === undefined ? max : /^\d{1,3}$/.test(rawPrefix) ? Number(rawPrefix) : NaN;
  if (!Number.isInteger(prefix) || prefix < 0 || prefix > max) return undefined;
  return { address, prefix, family: kind === 4 ? 'ipv4' : 'ipv6' };
}

export function cidrList(entries: string[]): CidrList {
  const list = new net.BlockList();
  let empty = true;
  for (const entry of entries) {
    const cidr = parseCidr(entry);
    if (!cidr) continue;
    list.addSubnet(cidr.address, cidr.prefix, cidr.family);
    empty = false;
  }
  return {
    contains(address) {
      if (empty) return false;
      const ip = normalizeIp(address);
      const family = net.isIP(ip);
      if (family === 4) return list.check(ip, 'ipv4');
      if (family !== 6) return false;
      const inner = embeddedIpv4(ip);
      return list.check(ip, 'ipv6') || (inner !== undefined && list.check(inner, 'ipv4'));
    },
  };
}

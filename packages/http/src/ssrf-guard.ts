import dns from 'node:dns';
import net from 'node:net';
import { NetworkDownError, NodeError } from '@shopwire/sdk';
import { blockedReason, cidrList, normalizeIp, parseCidr } from './ip-ranges.js';

/** Which destinations outgoing requests may reach. Default: public internet only. */
export interface NetworkPolicy {
  /** allow loopback, private, link-local, ... addresses (trusted single-user setups, tests) */
  allowPrivateNetworks?: boolean;
  /** exceptions: host names (`erp.lan`, `*.corp.example`) or IPs / CIDRs (`10.1.2.0/24`) */
  allowedHosts?: string[];
}

export interface ResolvedAddress {
  address: string;
  family: 4 | 6;
}

export type ResolveHost = (hostname: string) => Promise<ResolvedAddress[]>;

export interface SsrfGuard {
  /**
   * Checks a URL's host before connecting. Returns the address to connect to (the connection is
   * pinned to it, so a second DNS answer cannot swap in a private address), or undefined when the
   * policy allows any address (then the normal lookup is used).
   */
  check(url: URL): Promise<ResolvedAddress | undefined>;
}

const defaultResolve: ResolveHost = async (hostname) => {
  const found = await dns.promises.lookup(hostname, { all: true, verbatim: true });
  return found.map((a) => ({ address: a.address, family: a.family === 6 ? 6 : 4 }));
};

export function createSsrfGuard(
  policy: NetworkPolicy = {},
  resolve: ResolveHost = defaultResolve,
): SsrfGuard {
  const allowed = (policy.allowedHosts ?? []).map((h) => h.trim().toLowerCase()).filter(Boolean);
  const allowedCidrs = cidrList(allowed.filter((h) => parseCidr(h) !== undefined));
  const allowedNames = allowed.filter((h) => parseCidr(h) === undefined);

  const nameAllowed = (host: string): boolean =>
    allowedNames.some((name) =>
      name.startsWith('*.') ? host.endsWith(name.slice(1)) && host.length > name.length - 1 : host === name,
    );

  function refuse(address: string, host: string, reason: string): never {
    throw new NodeError(
      `requests to private or local addresses are blocked (${address}); an admin can allow them with SHOPWIRE_ALLOW_PRIVATE_NETWORKS=true or SHOPWIRE_HTTP_ALLOWED_HOSTS`,
      { code: 'SSRF_BLOCKED', retryable: false, description: `${host} resolves to ${address}: ${reason}` },
    );
  }

  function verify(address: string, host: string): void {
    const reason = blockedReason(address);
    if (reason !== undefined && !allowedCidrs.contains(address)) refuse(normalizeIp(address), host, reason);
  }

  return {
    async check(url) {
      if (policy.allowPrivateNetworks) return undefined;
      // WHATWG URL already normalised odd IPv4 forms (0x7f.1, 2130706433) to dotted quads
      const host = normalizeIp(url.hostname).replace(/\.$/, '');
      const trusted = nameAllowed(host);
      const literal = net.isIP(host);
      if (literal !== 0) {
        if (!trusted) verify(host, host);
        return { address: host, family: literal === 6 ? 6 : 4 };
      }
      const addresses = await resolve(host);
      if (addresses.length === 0)
        throw new NetworkDownError(`${host} did not resolve to any address`, { sent: false });
      // every answer must pass: a round-robin record with one private entry is refused
      if (!trusted) for (const entry of addresses) verify(entry.address, host);
      return addresses[0];
    },
  };
}

import zlib from 'node:zlib';
import { NodeError } from '@shopwire/sdk';
import { afterEach, describe, expect, it } from 'vitest';
import { createHttpClient } from './create-http-client.js';
import { blockedReason } from './ip-ranges.js';
import type { ResolveHost } from './ssrf-guard.js';
import { sendJson, startTestServer } from './test-server.js';
import type { TestServer } from './test-server.js';

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const MESSAGE =
  'requests to private or local addresses are blocked (127.0.0.1); an admin can allow them with SHOPWIRE_ALLOW_PRIVATE_NETWORKS=true or SHOPWIRE_HTTP_ALLOWED_HOSTS';

/** A fake DNS: *.shopwire.test names resolve to loopback, others come from the table. */
function fakeDns(table: Record<string, string[]> = {}): ResolveHost & { calls: string[] } {
  const calls: string[] = [];
  const resolve = async (host: string) => {
    calls.push(host);
    const found = table[host] ?? (host.endsWith('.shopwire.test') ? ['127.0.0.1'] : undefined);
    if (!found) throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${host}`), { code: 'ENOTFOUND' });
    return found.map((address) => ({ address, family: (address.includes(':') ? 6 : 4) as 4 | 6 }));
  };
  return Object.assign(resolve, { calls });
}

async function failure(promise: Promise<unknown>): Promise<NodeError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(NodeError);
  return error as NodeError;
}

describe('blockedReason', () => {
  it('blocks loopback, link-local, metadata, private, CGNAT, this-network and multicast, in every IP form', () => {
    const blocked = [
      '127.0.0.1',
      '127.255.255.254',
      '::1',
      '[::1]',
      '0.0.0.0',
      '0.1.2.3',
      '169.254.169.254',
      '169.254.0.1',
      'fd00:ec2::254',
      'fe80::1',
      'fe80::1%eth0',
      '10.0.0.1',
      '10.255.255.255',
      '172.16.0.1',
      '172.31.255.255',
      '192.168.0.1',
      '100.64.0.1',
      '100.127.255.255',
      'fc00::1',
      'fdff::1',
      '224.0.0.1',
      '239.255.255.250',
      'ff02::1',
      '255.255.255.255',
      '::',
      '::ffff:127.0.0.1',
      '::ffff:7f00:1',
      '::ffff:169.254.169.254',
      '::ffff:a9fe:a9fe',
      '::ffff:10.0.0.1',
      '::ffff:0:7f00:1',
      '64:ff9b::7f00:1',
      '64:ff9b::10.0.0.1',
      '2002:7f00:1::1',
      '2002:a9fe:a9fe::',
      '::127.0.0.1',
      '0:0:0:0:0:ffff:c0a8:0101',
    ];
    for (const address of blocked) expect(blockedReason(address), address).toBeDefined();
  });

  it('lets public addresses through', () => {
    const open = [
      '8.8.8.8',
      '1.1.1.1',
      '93.184.216.34',
      '172.32.0.1',
      '172.15.255.255',
      '100.128.0.1',
      '100.63.255.255',
      '11.0.0.1',
      '2606:4700:4700::1111',
      '2a00:1450::1',
      '::ffff:8.8.8.8',
      '64:ff9b::808:808',
    ];
    for (const address of open) expect(blockedReason(address), address).toBeUndefined();
  });
});

describe('createHttpClient SSRF guard', () => {
  it('refuses loopback by default with a clear, non-retryable error, and nothing reaches the server', async () => {
    server = await startTestServer((_req, res) => sendJson(res, 200, { secret: true }));
    const port = new URL(server.url).port;
    const client = createHttpClient({ sleep: async () => undefined });
    const error = await failure(client.request({ url: `${server.url}/admin` }));
    expect(error.code).toBe('SSRF_BLOCKED');
    expect(error.retryable).toBe(false);
    expect(error.message).toBe(MESSAGE);
    // odd spellings of the same address: URL normalises them, the guard checks the result
    for (const url of [
      `http://0x7f.0.0.1:${port}/`,
      `http://2130706433:${port}/`,
      `http://127.1:${port}/`,
      `http://[::ffff:127.0.0.1]:${port}/`,
      `http://[::1]:${port}/`,
      `http://localhost:${port}/`,
      `http://0.0.0.0:${port}/`,
    ]) {
      expect((await failure(client.request({ url }))).code, url).toBe('SSRF_BLOCKED');
    }
    expect(server.requests).toHaveLength(0);
  });

  it('refuses a host when ANY of its DNS answers is private (metadata included)', async () => {
    const dns = fakeDns({
      'mixed.example': ['93.184.216.34', '10.0.0.7'],
      'metadata.example': ['169.254.169.254'],
      'metadata6.example': ['fd00:ec2::254'],
    });
    const client = createHttpClient({ resolveHost: dns, maxRetries: 0 });
    const mixed = await failure(client.request({ url: 'http://mixed.example/' }));
    expect(mixed.code).toBe('SSRF_BLOCKED');
    expect(mixed.message).toContain('(10.0.0.7)');
    expect(mixed.description).toContain('mixed.example resolves to 10.0.0.7');
    expect(
      (await failure(client.request({ url: 'http://metadata.example/latest/meta-data' }))).message,
    ).toContain('169.254.169.254');
    expect((await failure(client.request({ url: 'https://metadata6.example/' }))).message).toContain(
      'fd00:ec2::254',
    );
  });

  it('pins the socket to the checked address (no second DNS lookup) and keeps the Host header', async () => {
    server = await startTestServer((req, res) => sendJson(res, 200, { host: req.headers.host }));
    const port = new URL(server.url).port;
    const dns = fakeDns();
    // the name does not exist in real DNS: the request only works if the checked address is used
    const client = createHttpClient({ resolveHost: dns, allowedHosts: ['127.0.0.0/8'] });
    const response = await client.request({ url: `http://api.shopwire.test:${port}/x` });
    expect(response.body).toEqual({ host: `api.shopwire.test:${port}` });
    expect(dns.calls).toEqual(['api.shopwire.test']);
  });

  it('allows listed hosts and CIDRs, nothing else', async () => {
    server = await startTestServer((_req, res) => sendJson(res, 200, { ok: true }));
    const port = new URL(server.url).port;
    const byCidr = createHttpClient({ allowedHosts: ['127.0.0.1/32'] });
    expect((await byCidr.request({ url: `${server.url}/a` })).body).toEqual({ ok: true });
    const byName = createHttpClient({ resolveHost: fakeDns(), allowedHosts: ['*.shopwire.test'] });
    expect((await byName.request({ url: `http://erp.shopwire.test:${port}/b` })).status).toBe(200);
    const other = createHttpClient({ allowedHosts: ['10.0.0.0/8', 'erp.lan'] });
    expect((await failure(other.request({ url: `${server.url}/c` }))).code).toBe('SSRF_BLOCKED');
    const open = createHttpClient({ allowPrivateNetworks: true });
    expect((await open.request({ url: `${server.url}/d` })).status).toBe(200);
    expect(server.requests.map((r) => r.url)).toEqual(['/a', '/b', '/d']);
  });

  it('re-checks every redirect hop: an allowed host cannot bounce the request to a private address', async () => {
    server = await startTestServer((req, res) => {
      const port = new URL(`http://${req.headers.host}`).port;
      if (req.url === '/to-private')
        return void res.writeHead(302, { location: `http://127.0.0.1:${port}/secret` }).end();
      if (req.url === '/to-metadata')
        return void res.writeHead(307, { location: 'http://169.254.169.254/latest' }).end();
      if (req.url === '/to-file') return void res.writeHead(302, { location: 'file:///etc/passwd' }).end();
      if (req.url === '/post')
        return void res.writeHead(303, { location: `http://other.shopwire.test:${port}/landed` }).end();
      if (req.url?.startsWith('/loop'))
        return void res.writeHead(302, { location: `/loop${req.url.length}` }).end();
      sendJson(res, 200, { url: req.url, method: req.method, auth: req.headers.authorization ?? null });
    });
    const port = new URL(server.url).port;
    const client = createHttpClient({
      resolveHost: fakeDns(),
      allowedHosts: ['public.shopwire.test', 'other.shopwire.test'],
    });
    const base = `http://public.shopwire.test:${port}`;
    expect((await failure(client.request({ url: `${base}/to-private` }))).code).toBe('SSRF_BLOCKED');
    expect((await failure(client.request({ url: `${base}/to-metadata` }))).message).toContain(
      '169.254.169.254',
    );
    expect((await failure(client.request({ url: `${base}/to-file` }))).code).toBe('HTTP_BAD_REQUEST');
    expect(server.requests.map((r) => r.url)).toEqual(['/to-private', '/to-metadata', '/to-file']);

    // a 303 after POST becomes a GET; credentials are not carried to another origin
    const landed = await client.request({
      method: 'POST',
      url: `${base}/post`,
      json: { a: 1 },
      headers: { authorization: 'Bearer s3cret' },
    });
    expect(landed.body).toEqual({ url: '/landed', method: 'GET', auth: null });

    const loop = await failure(client.request({ url: `${base}/loop` }));
    expect(loop.code).toBe('HTTP_TOO_MANY_REDIRECTS');
    expect(server.requests.filter((r) => r.url.startsWith('/loop'))).toHaveLength(6);
  });

  it('decompresses gzip bodies like fetch', async () => {
    server = await startTestServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json', 'content-encoding': 'gzip' });
      res.end(zlib.gzipSync(JSON.stringify({ zipped: true })));
    });
    const response = await createHttpClient({ allowPrivateNetworks: true }).request({ url: server.url });
    expect(response.body).toEqual({ zipped: true });
  });
});

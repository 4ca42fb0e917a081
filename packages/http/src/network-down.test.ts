import net from 'node:net';
import { NetworkDownError, NodeError } from '@shopwire/sdk';
import { afterEach, describe, expect, it } from 'vitest';
import { CircuitBreaker } from './circuit-breaker.js';
import { createHttpClient } from './create-http-client.js';

/** A raw TCP server that counts accepted connections and handles each as `mode` says. */
interface RawServer {
  url: string;
  accepts: number;
  mode: 'destroy' | 'silent' | 'ok' | 'error500' | 'partial';
  close(): Promise<void>;
}

const servers: RawServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

async function rawServer(mode: RawServer['mode']): Promise<RawServer> {
  const sockets = new Set<net.Socket>();
  const server = net.createServer((socket) => {
    state.accepts += 1;
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => undefined);
    let head = '';
    socket.on('data', (chunk: Buffer) => {
      head += chunk.toString('latin1');
      if (!head.includes('\r\n\r\n')) return;
      head = '';
      // the request has arrived in full; what the "server" does with it:
      if (state.mode === 'destroy') socket.destroy();
      else if (state.mode === 'ok')
        socket.write(
          'HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: 11\r\n\r\n{"ok":true}',
        );
      else if (state.mode === 'error500') socket.write('HTTP/1.1 500 Oops\r\ncontent-length: 0\r\n\r\n');
      else if (state.mode === 'partial') {
        socket.write('HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: 100\r\n\r\n{"a":');
        setTimeout(() => socket.destroy(), 20);
      }
      // silent: never answers
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  const state: RawServer = {
    url: `http://127.0.0.1:${port}`,
    accepts: 0,
    mode,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
  servers.push(state);
  return state;
}

/** A port nothing listens on (bound once, then released). */
async function refusedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

const noSleep = async (): Promise<void> => undefined;

describe('network failures end in NETWORK_DOWN', () => {
  it('a refused connection: sent false, retried inside the call first', async () => {
    const port = await refusedPort();
    const waits: number[] = [];
    const client = createHttpClient({
      allowPrivateNetworks: true,
      sleep: async (ms) => void waits.push(ms),
      circuitBreaker: false,
    });
    const error = await client
      .request({ method: 'POST', url: `http://127.0.0.1:${port}/orders`, json: { a: 1 }, maxRetries: 2 })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NetworkDownError);
    const down = error as NetworkDownError;
    expect(down).toMatchObject({ code: 'NETWORK_DOWN', retryable: true, sent: false });
    expect(down.toData()).toMatchObject({ code: 'NETWORK_DOWN', sent: false, retryable: true });
    expect(down.message).toContain('ECONNREFUSED');
    // nothing was delivered, so even a POST is tried again inside the call
    expect(waits).toHaveLength(2);
  });

  it('a server that drops the connection after reading the request: sent true', async () => {
    const server = await rawServer('destroy');
    const client = createHttpClient({ allowPrivateNetworks: true, sleep: noSleep, circuitBreaker: false });
    const error = (await client
      .request({ url: `${server.url}/items`, maxRetries: 2 })
      .catch((e: unknown) => e)) as NetworkDownError;
    expect(error).toBeInstanceOf(NetworkDownError);
    expect(error.sent).toBe(true);
    expect(server.accepts).toBe(3); // a GET may be sent again: 1 + 2 retries
  });

  it('a POST that may have arrived is not sent again inside the call', async () => {
    const server = await rawServer('destroy');
    const client = createHttpClient({ allowPrivateNetworks: true, sleep: noSleep, circuitBreaker: false });
    const error = (await client
      .request({ method: 'POST', url: `${server.url}/sms`, json: { to: '+1' }, maxRetries: 3 })
      .catch((e: unknown) => e)) as NetworkDownError;
    expect(error).toMatchObject({ code: 'NETWORK_DOWN', sent: true });
    expect(server.accepts).toBe(1);
    // with an idempotency key the server dedupes: re-sending is safe
    const keyed = (await client
      .request({
        method: 'POST',
        url: `${server.url}/charge`,
        headers: { 'idempotency-key': 'k-1' },
        maxRetries: 2,
      })
      .catch((e: unknown) => e)) as NetworkDownError;
    expect(keyed.sent).toBe(true);
    expect(server.accepts).toBe(4);
  });

  it('a timeout after the request was written: sent true', async () => {
    const server = await rawServer('silent');
    const client = createHttpClient({ allowPrivateNetworks: true, sleep: noSleep, circuitBreaker: false });
    const error = (await client
      .request({ url: server.url, timeoutMs: 150, maxRetries: 0 })
      .catch((e: unknown) => e)) as NetworkDownError;
    expect(error).toMatchObject({ code: 'NETWORK_DOWN', sent: true });
    expect(error.message).toContain('timed out after 150 ms');
  });

  it('a response that breaks off mid-body: sent true, not repeated', async () => {
    const server = await rawServer('partial');
    const client = createHttpClient({ allowPrivateNetworks: true, sleep: noSleep, circuitBreaker: false });
    const error = (await client
      .request({ url: server.url, maxRetries: 2 })
      .catch((e: unknown) => e)) as NetworkDownError;
    expect(error).toMatchObject({ code: 'NETWORK_DOWN', sent: true });
    expect(error.message).toContain('response broke off');
    expect(server.accepts).toBe(1);
  });

  it('an unresolvable host: sent false', async () => {
    const client = createHttpClient({
      allowPrivateNetworks: false,
      resolveHost: async () => [],
      sleep: noSleep,
      circuitBreaker: false,
    });
    const error = (await client
      .request({ url: 'http://shop.invalid/x', maxRetries: 1 })
      .catch((e: unknown) => e)) as NetworkDownError;
    expect(error).toMatchObject({ code: 'NETWORK_DOWN', sent: false });
  });
});

describe('circuit breaker in the client', () => {
  it('opens after N failures (no connection while open), probes after the cooldown, closes on success', async () => {
    const server = await rawServer('destroy');
    let now = 0;
    const breaker = new CircuitBreaker({ failureThreshold: 3, cooldownMs: 30_000, now: () => now });
    const client = createHttpClient({ allowPrivateNetworks: true, sleep: noSleep, circuitBreaker: breaker });
    const call = () => client.request({ url: `${server.url}/p`, maxRetries: 0 }).catch((e: unknown) => e);
    for (let i = 0; i < 3; i++) expect(await call()).toMatchObject({ code: 'NETWORK_DOWN', sent: true });
    expect(server.accepts).toBe(3);
    expect(breaker.state(server.url)).toBe('open');

    // open: fails fast without touching the network, and says nothing was sent
    const fast = (await call()) as NetworkDownError;
    expect(fast).toMatchObject({ code: 'NETWORK_DOWN', sent: false });
    expect(fast.message).toContain('circuit open');
    expect(server.accepts).toBe(3);

    // half-open: one probe goes through; it fails, so the circuit opens again
    now += 30_000;
    expect(await call()).toMatchObject({ code: 'NETWORK_DOWN', sent: true });
    expect(server.accepts).toBe(4);
    expect(await call()).toMatchObject({ sent: false });
    expect(server.accepts).toBe(4);

    // the host recovers: the next probe succeeds and the circuit closes
    server.mode = 'ok';
    now += 30_000;
    const ok = await client.request({ url: `${server.url}/p` });
    expect(ok.body).toEqual({ ok: true });
    expect(breaker.state(server.url)).toBe('closed');
    expect((await client.request({ url: `${server.url}/p` })).status).toBe(200);
  });

  it('in-call retries count too, and the rest of the call stops at the open circuit', async () => {
    const server = await rawServer('destroy');
    const breaker = new CircuitBreaker({ failureThreshold: 2, cooldownMs: 60_000 });
    const client = createHttpClient({ allowPrivateNetworks: true, sleep: noSleep, circuitBreaker: breaker });
    const error = (await client
      .request({ url: server.url, maxRetries: 5 })
      .catch((e: unknown) => e)) as NetworkDownError;
    // two attempts reached the server before the circuit opened; the third never left
    expect(server.accepts).toBe(2);
    expect(error).toMatchObject({ code: 'NETWORK_DOWN', sent: true });
  });

  it('HTTP error statuses are answers, not network failures', async () => {
    const server = await rawServer('error500');
    const breaker = new CircuitBreaker({ failureThreshold: 2 });
    const client = createHttpClient({ allowPrivateNetworks: true, sleep: noSleep, circuitBreaker: breaker });
    for (let i = 0; i < 4; i++) {
      const error = await client.request({ url: server.url, maxRetries: 0 }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(NodeError);
      expect((error as NodeError).code).toBe('HTTP_ERROR');
    }
    expect(breaker.state(server.url)).toBe('closed');
  });
});

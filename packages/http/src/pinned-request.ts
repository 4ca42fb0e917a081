import http from 'node:http';
import https from 'node:https';
import type { LookupFunction } from 'node:net';
import { Readable } from 'node:stream';
import zlib from 'node:zlib';
import { markSocketConnected } from './network-error.js';
import type { ResolvedAddress } from './ssrf-guard.js';

export interface SendInit {
  method: string;
  headers: Headers;
  body: string | Uint8Array | undefined;
  signal: AbortSignal;
}

/** One HTTP exchange, no redirects followed. `pinned` fixes the address the socket connects to. */
export type SendOnce = (url: URL, init: SendInit, pinned: ResolvedAddress | undefined) => Promise<Response>;

const NULL_BODY = new Set([101, 204, 205, 304]);

/**
 * A node:http(s) transport whose DNS lookup returns the address the SSRF guard already checked,
 * so the TLS name (SNI, certificate) stays the host while the socket goes to the checked IP.
 * Returns a WHATWG Response so the rest of the client is transport-agnostic.
 */
export function createPinnedTransport(): { send: SendOnce; close(): void } {
  const agents = {
    http: new http.Agent({ keepAlive: true, timeout: 60_000 }),
    https: new https.Agent({ keepAlive: true, timeout: 60_000 }),
  };

  const send: SendOnce = (url, init, pinned) =>
    new Promise<Response>((resolve, reject) => {
      const secure = url.protocol === 'https:';
      const headers: Record<string, string> = {};
      init.headers.forEach((value, key) => {
        headers[key] = value;
      });
      headers['accept'] ??= '*/*';
      headers['accept-encoding'] ??= 'gzip, deflate, br';
      const lookup: LookupFunction | undefined = pinned
        ? (_host, options, callback) => {
            if ((options as { all?: boolean }).all)
              (callback as unknown as (e: null, a: { address: string; family: number }[]) => void)(null, [
                pinned,
              ]);
            else callback(null, pinned.address, pinned.family);
          }
        : undefined;
      const request = (secure ? https : http).request(url, {
        method: init.method,
        headers,
        agent: secure ? agents.https : agents.http,
        signal: init.signal,
        ...(lookup ? { lookup } : {}),
      });
      // whether the request can have reached the server: not before its socket connected
      let connected = false;
      request.once('socket', (socket) => {
        if (!socket.connecting)
          connected = true; // a kept-alive socket
        else socket.once(secure ? 'secureConnect' : 'connect', () => void (connected = true));
      });
      request.once('error', (error) => reject(markSocketConnected(error, connected)));
      request.once('response', (res) => {
        const status = res.statusCode ?? 0;
        if (status < 200 || status > 599) {
          res.destroy();
          return reject(new Error(`invalid HTTP status ${status}`));
        }
        const responseHeaders = new Headers();
        for (let i = 0; i + 1 < res.rawHeaders.length; i += 2) {
          try {
            responseHeaders.append(res.rawHeaders[i]!, res.rawHeaders[i + 1]!);
          } catch {
            // a header value fetch would reject: drop it rather than fail the response
          }
        }
        if (NULL_BODY.has(status) || init.method === 'HEAD') {
          res.resume();
          return resolve(
            new Response(null, { status, statusText: res.statusMessage ?? '', headers: responseHeaders }),
          );
        }
        const stream = decode(res, responseHeaders.get('content-encoding'));
        stream.once('error', () => undefined); // surfaced through the web stream
        const body = Readable.toWeb(stream) as ReadableStream<Uint8Array>;
        resolve(
          new Response(body, { status, statusText: res.statusMessage ?? '', headers: responseHeaders }),
        );
      });
      request.end(
        init.body === undefined
          ? undefined
          : typeof init.body === 'string'
            ? init.body
            : Buffer.from(init.body),
      );
    });

  return {
    send,
    close() {
      agents.http.destroy();
      agents.https.destroy();
    },
  };
}

/** fetch decompresses transparently; keep that behaviour. */
function decode(res: http.IncomingMessage, encoding: string | null): Readable {
  const kind = encoding?.trim().toLowerCase();
  const decoder =
    kind === 'gzip' || kind === 'x-gzip'
      ? zlib.createGunzip()
      : kind === 'deflate'
        ? zlib.createInflate()
        : kind === 'br'
          ? zlib.createBrotliDecompress()
          : undefined;
  if (!decoder) return res;
  res.once('error', (error) => decoder.destroy(error));
  return res.pipe(decoder);
}

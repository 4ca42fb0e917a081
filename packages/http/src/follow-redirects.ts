import { NodeError } from '@shopwire/sdk';
import type { SendInit, SendOnce } from './pinned-request.js';
import type { SsrfGuard } from './ssrf-guard.js';

const REDIRECTS = new Set([301, 302, 303, 307, 308]);
const CREDENTIAL_HEADERS = ['authorization', 'cookie', 'proxy-authorization'];

export interface FollowOptions {
  url: URL;
  init: SendInit;
  guard: SsrfGuard;
  send: SendOnce;
  maxRedirects: number;
}

/**
 * Sends a request and follows redirects by hand, so every hop's host goes through the SSRF guard
 * (an allowed public host must not bounce us to 169.254.169.254) and is pinned to its checked address.
 */
export async function sendFollowingRedirects(options: FollowOptions): Promise<Response> {
  let url = options.url;
  let init = options.init;
  for (let hop = 0; ; hop++) {
    const pinned = await options.guard.check(url);
    const response = await options.send(url, init, pinned);
    const location = response.headers.get('location');
    if (!REDIRECTS.has(response.status) || location === null) return response;
    await response.body?.cancel().catch(() => undefined);
    if (hop >= options.maxRedirects) {
      throw new NodeError(
        `${init.method} ${url.origin}${url.pathname}: more than ${options.maxRedirects} redirects`,
        {
          code: 'HTTP_TOO_MANY_REDIRECTS',
          retryable: false,
        },
      );
    }
    let next: URL;
    try {
      next = new URL(location, url);
    } catch {
      throw new NodeError(`redirect to an invalid URL from ${url.origin}${url.pathname}`, {
        code: 'HTTP_BAD_REQUEST',
      });
    }
    if (next.protocol !== 'http:' && next.protocol !== 'https:') {
      throw new NodeError(`redirect to unsupported protocol ${next.protocol}`, { code: 'HTTP_BAD_REQUEST' });
    }
    init = redirectedInit(init, response.status, next.origin !== url.origin);
    url = next;
  }
}

function redirectedInit(init: SendInit, status: number, crossOrigin: boolean): SendInit {
  const headers = new Headers(init.headers);
  // fetch's rules: 303 (and 301/302 after POST) become a GET without a body
  const toGet =
    (status === 303 && init.method !== 'HEAD') ||
    ((status === 301 || status === 302) && init.method === 'POST');
  if (crossOrigin) for (const name of CREDENTIAL_HEADERS) headers.delete(name);
  if (!toGet) return { ...init, headers };
  for (const name of ['content-type', 'content-length', 'content-encoding']) headers.delete(name);
  return { ...init, method: 'GET', headers, body: undefined };
}

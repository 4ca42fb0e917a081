import { MAX_JSON_DEPTH, jsonDepthExceeds, rememberJsonText } from '@shopwire/sdk';
import type { JsonValue } from '@shopwire/sdk';
import { errorResponse } from './webhook-response.js';
import type { WebhookHttpResponse } from './types.js';

export type BodyResult =
  { ok: true; rawBody: Uint8Array; body: JsonValue } | { ok: false; response: WebhookHttpResponse };

const EMPTY = new Uint8Array(0);
const REMEMBER_BODY_TEXT_CHARS = 16_384;

/**
 * Reads a request body under a byte limit and parses it by a STRICT content type. The raw bytes
 * are kept for signature checks. Unknown types are not interpreted at all (body null).
 */
export async function readWebhookBody(request: Request, maxBytes: number): Promise<BodyResult> {
  const declared = request.headers.get('content-length');
  if (declared !== null && Number(declared) > maxBytes) return tooLarge(maxBytes);
  const raw = await readLimited(request, maxBytes, declared !== null);
  return parseWebhookBody(raw, request.headers.get('content-type'), maxBytes);
}

/** Node's IncomingMessage (under @hono/node-server): skips building a web Request and stream. */
export interface NodeIncoming {
  headers: Record<string, string | string[] | undefined>;
  on(event: 'data', listener: (chunk: Buffer) => void): unknown;
  on(event: 'end' | 'close', listener: () => void): unknown;
  on(event: 'error', listener: (error: Error) => void): unknown;
  pause(): unknown;
}

export async function readNodeWebhookBody(incoming: NodeIncoming, maxBytes: number): Promise<BodyResult> {
  const declared = incoming.headers['content-length'];
  if (typeof declared === 'string' && Number(declared) > maxBytes) return tooLarge(maxBytes);
  const raw = await new Promise<Uint8Array | undefined>((resolve, reject) => {
    const chunks: Buffer[] = [];
    let total = 0;
    let done = false;
    incoming.on('data', (chunk) => {
      if (done) return;
      total += chunk.length;
      if (total > maxBytes) {
        done = true;
        incoming.pause();
        resolve(undefined);
      } else chunks.push(chunk);
    });
    incoming.on('end', () => {
      if (done) return;
      done = true;
      resolve(
        chunks.length === 1 ? (chunks[0] as Buffer) : chunks.length === 0 ? EMPTY : Buffer.concat(chunks),
      );
    });
    incoming.on('error', (error) => {
      if (!done) reject(error);
    });
  });
  const type = incoming.headers['content-type'];
  return parseWebhookBody(raw, typeof type === 'string' ? type : null, maxBytes);
}

function parseWebhookBody(
  raw: Uint8Array | undefined,
  contentType: string | null,
  maxBytes: number,
): BodyResult {
  if (raw === undefined) return tooLarge(maxBytes);
  const type = (contentType ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  if (type.startsWith('multipart/')) {
    return {
      ok: false,
      response: errorResponse(
        415,
        'UNSUPPORTED_MEDIA_TYPE',
        'multipart/form-data bodies are not supported yet; send JSON or application/x-www-form-urlencoded',
      ),
    };
  }
  if (raw.length === 0) return { ok: true, rawBody: raw, body: null };
  if (type === 'application/json' || type.endsWith('+json')) {
    let body: JsonValue;
    let text: string;
    try {
      text = decode(raw);
      body = JSON.parse(text) as JsonValue;
    } catch (error) {
      return {
        ok: false,
        response: errorResponse(400, 'INVALID_BODY', `body is not valid JSON: ${(error as Error).message}`),
      };
    }
    if (jsonDepthExceeds(body)) {
      return {
        ok: false,
        response: errorResponse(400, 'INVALID_BODY', `body is nested deeper than ${MAX_JSON_DEPTH} levels`),
      };
    }
    // a big body is stored and sent to the sandbox as the request's own text, not serialized
    // again (a small one is quicker to serialize than to splice in)
    if (body !== null && typeof body === 'object' && text.length >= REMEMBER_BODY_TEXT_CHARS)
      rememberJsonText(body, text);
    return { ok: true, rawBody: raw, body };
  }
  if (type === 'application/x-www-form-urlencoded') {
    const fields: Record<string, string> = {};
    for (const [key, value] of new URLSearchParams(decode(raw))) fields[key] = value;
    return { ok: true, rawBody: raw, body: fields };
  }
  if (type.startsWith('text/')) return { ok: true, rawBody: raw, body: decode(raw) };
  return { ok: true, rawBody: raw, body: null };
}

async function readLimited(
  request: Request,
  maxBytes: number,
  hasLength: boolean,
): Promise<Uint8Array | undefined> {
  if (!request.body) return EMPTY;
  if (hasLength) {
    // the HTTP parser stops at Content-Length, which is already checked against the limit
    const buffer = new Uint8Array(await request.arrayBuffer());
    return buffer.length > maxBytes ? undefined : buffer;
  }
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.length;
    if (total > maxBytes) {
      await reader.cancel().catch(() => undefined);
      return undefined;
    }
    chunks.push(value);
  }
  if (chunks.length === 1) return chunks[0];
  const out = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.length;
  }
  return out;
}

const decoder = new TextDecoder();
function decode(bytes: Uint8Array): string {
  return decoder.decode(bytes);
}

function tooLarge(maxBytes: number): BodyResult {
  return {
    ok: false,
    response: errorResponse(
      413,
      'PAYLOAD_TOO_LARGE',
      `the body is larger than the limit of ${maxBytes} bytes`,
    ),
  };
}

import type { HttpRequest } from '@shopwire/sdk';

type ResponseType = NonNullable<HttpRequest['responseType']>;

const TEXT_TYPES = /^(text\/|application\/(xml|javascript|x-www-form-urlencoded|.*\+xml))/i;
const JSON_TYPES = /^application\/(.*\+)?json/i;

/** Turns a fetch Response into a plain body: parsed JSON, text, or base64 for binary data. */
export async function parseBody(response: Response, type: ResponseType): Promise<unknown> {
  const contentType = response.headers.get('content-type') ?? '';
  const bytes = new Uint8Array(await response.arrayBuffer());
  if (type === 'binary') return Buffer.from(bytes).toString('base64');
  const text = new TextDecoder().decode(bytes);
  if (type === 'text') return text;
  if (type === 'json') return text === '' ? null : parseJsonOrText(text);
  // auto
  if (bytes.length === 0) return null;
  if (JSON_TYPES.test(contentType)) return parseJsonOrText(text);
  if (TEXT_TYPES.test(contentType) || contentType === '')
    return looksLikeJson(text) ? parseJsonOrText(text) : text;
  return Buffer.from(bytes).toString('base64');
}

function parseJsonOrText(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    // servers that label HTML error pages as JSON: keep the text rather than failing the parse
    return text;
  }
}

function looksLikeJson(text: string): boolean {
  const start = text.trimStart()[0];
  return start === '{' || start === '[';
}

/** A short, single-line excerpt of a body for error messages. */
export function bodySnippet(body: unknown, max = 200): string {
  const text =
    typeof body === 'string' ? body : body === null || body === undefined ? '' : JSON.stringify(body);
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max)}…` : flat;
}

export function headersToRecord(headers: Headers): Record<string, string> {
  const out: Record<string, string> = {};
  headers.forEach((value, key) => {
    out[key] = value;
  });
  return out;
}

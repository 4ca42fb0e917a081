/**
 * A minimal MIME reader, enough for what nodemailer writes: folded headers, RFC 2047 encoded words,
 * RFC 2231 parameters (filename*0*=utf-8''…), nested multipart, base64 / quoted-printable / 7bit / 8bit.
 */

export interface MimePart {
  headers: Record<string, string>;
  contentType: string;
  params: Record<string, string>;
  disposition?: string;
  fileName?: string;
  /** decoded body bytes (transfer encoding removed) */
  content: Buffer;
  parts: MimePart[];
}

export interface ParsedEmail {
  from: string;
  to: string[];
  cc: string[];
  subject: string;
  messageId: string;
  text?: string;
  html?: string;
  attachments: { fileName: string; contentType: string; content: Buffer }[];
  headers: Record<string, string>;
}

function splitHead(raw: Buffer): { head: string; body: Buffer } {
  const text = raw.toString('latin1');
  let at = text.indexOf('\r\n\r\n');
  let sep = 4;
  if (at < 0) {
    at = text.indexOf('\n\n');
    sep = 2;
  }
  if (at < 0) return { head: text, body: Buffer.alloc(0) };
  return { head: text.slice(0, at), body: raw.subarray(at + sep) };
}

function parseHeaders(head: string): Record<string, string> {
  const headers: Record<string, string> = {};
  const unfolded = head.replace(/\r?\n[ \t]+/g, ' ');
  for (const line of unfolded.split(/\r?\n/)) {
    const colon = line.indexOf(':');
    if (colon <= 0) continue;
    const name = line.slice(0, colon).trim().toLowerCase();
    const value = Buffer.from(line.slice(colon + 1).trim(), 'latin1').toString('utf8');
    headers[name] = headers[name] === undefined ? value : `${headers[name]}, ${value}`;
  }
  return headers;
}

/** `text/plain; charset=utf-8; name*0*=utf-8''a%20b` → value + params (RFC 2231 joined and decoded). */
export function parseHeaderValue(value: string): { value: string; params: Record<string, string> } {
  const [first, ...rest] = value.split(/;(?=(?:[^"]*"[^"]*")*[^"]*$)/);
  const raw: Record<string, { parts: string[]; encoded: boolean }> = {};
  for (const piece of rest) {
    const eq = piece.indexOf('=');
    if (eq < 0) continue;
    const key = piece.slice(0, eq).trim().toLowerCase();
    let val = piece.slice(eq + 1).trim();
    if (val.startsWith('"') && val.endsWith('"')) val = val.slice(1, -1).replace(/\\(.)/g, '$1');
    const m = /^([^*]+)(?:\*(\d+))?(\*)?$/.exec(key);
    if (!m) continue;
    const name = m[1]!;
    const entry = (raw[name] ??= { parts: [], encoded: false });
    entry.parts[Number(m[2] ?? 0)] = val;
    if (m[3]) entry.encoded = true;
  }
  const params: Record<string, string> = {};
  for (const [name, { parts, encoded }] of Object.entries(raw)) {
    let joined = parts.join('');
    if (encoded) joined = decodeURIComponent(joined.replace(/^[^']*'[^']*'/, ''));
    params[name] = decodeWords(joined);
  }
  return { value: (first ?? '').trim().toLowerCase(), params };
}

/** RFC 2047: =?UTF-8?Q?caf=C3=A9?= and =?UTF-8?B?Y2Fmw6k=?= */
export function decodeWords(text: string): string {
  return text
    .replace(/\?=\s+=\?/g, '?==?')
    .replace(/=\?([^?]+)\?([bBqQ])\?([^?]*)\?=/g, (_m, _charset: string, enc: string, data: string) =>
      enc.toUpperCase() === 'B'
        ? Buffer.from(data, 'base64').toString('utf8')
        : decodeQuotedPrintable(data.replace(/_/g, ' ')).toString('utf8'),
    );
}

export function decodeQuotedPrintable(text: string): Buffer {
  const soft = text.replace(/=\r?\n/g, '');
  const bytes: number[] = [];
  for (let i = 0; i < soft.length; i++) {
    const ch = soft[i]!;
    if (ch === '=' && /^[0-9A-Fa-f]{2}$/.test(soft.slice(i + 1, i + 3))) {
      bytes.push(parseInt(soft.slice(i + 1, i + 3), 16));
      i += 2;
    } else bytes.push(ch.charCodeAt(0) & 0xff);
  }
  return Buffer.from(bytes);
}

function decodeBody(body: Buffer, encoding: string | undefined): Buffer {
  switch ((encoding ?? '7bit').toLowerCase()) {
    case 'base64':
      return Buffer.from(body.toString('latin1').replace(/\s+/g, ''), 'base64');
    case 'quoted-printable':
      return decodeQuotedPrintable(body.toString('latin1'));
    default:
      return body;
  }
}

export function parsePart(raw: Buffer): MimePart {
  const { head, body } = splitHead(raw);
  const headers = parseHeaders(head);
  const type = parseHeaderValue(headers['content-type'] ?? 'text/plain; charset=us-ascii');
  const disposition = headers['content-disposition']
    ? parseHeaderValue(headers['content-disposition'])
    : undefined;
  const part: MimePart = {
    headers,
    contentType: type.value,
    params: type.params,
    ...(disposition ? { disposition: disposition.value } : {}),
    content: Buffer.alloc(0),
    parts: [],
  };
  const fileName = disposition?.params.filename ?? type.params.name;
  if (fileName) part.fileName = fileName;
  const boundary = type.params.boundary;
  if (type.value.startsWith('multipart/') && boundary) {
    const text = body.toString('latin1');
    const delimiter = `--${boundary}`;
    const chunks = text.split(
      new RegExp(`\\r?\\n?${delimiter.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?:--)?[ \\t]*\\r?\\n?`),
    );
    // chunk 0 is the preamble, the last one the epilogue
    for (const chunk of chunks.slice(1))
      if (chunk.trim() !== '') part.parts.push(parsePart(Buffer.from(chunk, 'latin1')));
    return part;
  }
  part.content = decodeBody(body, headers['content-transfer-encoding']);
  return part;
}

function leaves(part: MimePart): MimePart[] {
  return part.parts.length ? part.parts.flatMap(leaves) : [part];
}

const addresses = (value: string | undefined): string[] =>
  value
    ? value
        .split(/,(?=(?:[^"]*"[^"]*")*[^"]*$)/)
        .map((a) => decodeWords(a.trim()))
        .filter(Boolean)
    : [];

export function parseEmail(raw: Buffer): ParsedEmail {
  const root = parsePart(raw);
  const email: ParsedEmail = {
    from: decodeWords(root.headers.from ?? ''),
    to: addresses(root.headers.to),
    cc: addresses(root.headers.cc),
    subject: decodeWords(root.headers.subject ?? ''),
    messageId: root.headers['message-id'] ?? '',
    attachments: [],
    headers: root.headers,
  };
  for (const leaf of leaves(root)) {
    const isAttachment =
      leaf.disposition === 'attachment' || (leaf.fileName !== undefined && leaf.disposition !== 'inline');
    if (isAttachment) {
      email.attachments.push({
        fileName: leaf.fileName ?? 'attachment',
        contentType: leaf.contentType,
        content: leaf.content,
      });
    } else if (leaf.contentType === 'text/plain' && email.text === undefined) {
      email.text = leaf.content.toString('utf8').replace(/\r\n/g, '\n'); // SMTP line ends → \n, as mail readers show them
    } else if (leaf.contentType === 'text/html' && email.html === undefined) {
      email.html = leaf.content.toString('utf8').replace(/\r\n/g, '\n');
    }
  }
  return email;
}

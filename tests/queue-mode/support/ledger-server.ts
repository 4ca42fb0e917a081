import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A local "external system" that records every request it gets: method, path, Idempotency-Key,
 * body, and whether its answer was delivered (`completed`) or the caller went away first
 * (`aborted`: canceled, killed or shut-down worker). Answers are held back by query parameters:
 * `delay=ms` for every request, `firstDelay=ms` only for the first request of an idempotency key
 * (so a replay after a crash or a hand-back answers at once).
 */
export interface LedgerEntry {
  seq: number;
  method: string;
  path: string;
  /** Idempotency-Key header */
  key: string | undefined;
  body: unknown;
  receivedAt: number;
  /** when the caller went away (aborted) */
  abortedAt: number | undefined;
  completed: boolean;
  aborted: boolean;
}

export interface Ledger {
  url: string;
  entries(): LedgerEntry[];
  /** requests whose path starts with `pathPrefix` */
  on(pathPrefix: string): LedgerEntry[];
  /** requests in flight (neither answered nor aborted) */
  inFlight(pathPrefix?: string): LedgerEntry[];
  close(): Promise<void>;
}

export async function startLedger(): Promise<Ledger> {
  const entries: LedgerEntry[] = [];
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://ledger');
    const keyHeader = req.headers['idempotency-key'];
    const key = Array.isArray(keyHeader) ? keyHeader[0] : keyHeader;
    const entry: LedgerEntry = {
      seq: entries.length + 1,
      method: req.method ?? '',
      path: url.pathname,
      key,
      body: undefined,
      receivedAt: Date.now(),
      abortedAt: undefined,
      completed: false,
      aborted: false,
    };
    const firstOfKey = key === undefined || !entries.some((e) => e.key === key);
    entries.push(entry);
    const firstDelay = Number(url.searchParams.get('firstDelay') ?? NaN);
    const delay =
      firstOfKey && Number.isFinite(firstDelay) ? firstDelay : Number(url.searchParams.get('delay') ?? 0);
    res.on('close', () => {
      if (res.writableFinished) return;
      entry.aborted = true;
      entry.abortedAt = Date.now();
    });
    void readBody(req).then((body) => {
      entry.body = body;
      setTimeout(() => {
        if (entry.aborted || res.destroyed) return;
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ ok: true, seq: entry.seq, key: key ?? null }), () => {
          entry.completed = true;
        });
      }, delay);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    entries: () => [...entries],
    on: (prefix) => entries.filter((e) => e.path.startsWith(prefix)),
    inFlight: (prefix = '/') =>
      entries.filter((e) => e.path.startsWith(prefix) && !e.completed && !e.aborted),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

async function readBody(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  try {
    for await (const chunk of req) chunks.push(chunk as Buffer);
  } catch {
    return undefined; // the caller went away mid-body
  }
  const text = Buffer.concat(chunks).toString('utf8');
  if (!text) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

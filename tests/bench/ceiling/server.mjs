// The "ceiling" for S1, rebuilt here so every machine measures its own: a bare Hono
// handler that persists one row per request (better-sqlite3, WAL, synchronous=NORMAL, as the real
// server) and runs the sum in a reused isolated-vm context in a forked child (one IPC round trip).
// No engine, no history of steps, no auth: what any webhook server here must at least pay.
// Env: PORT, CEILING_DB (the SQLite file). Prints "ready" once it listens.
import { fork } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { Hono } from 'hono';
import { serve } from '@hono/node-server';

const here = path.dirname(fileURLToPath(import.meta.url));
const db = new Database(process.env.CEILING_DB);
db.pragma('journal_mode = WAL');
db.pragma('synchronous = NORMAL');
db.exec('CREATE TABLE IF NOT EXISTS runs (id INTEGER PRIMARY KEY, body TEXT NOT NULL, total REAL NOT NULL)');
const insert = db.prepare('INSERT INTO runs (body, total) VALUES (?, ?)');

const child = fork(path.join(here, 'sum-child.mjs'), { serialization: 'json' });
const waiting = new Map();
let nextId = 0;
child.on('message', (reply) => {
  const resolve = waiting.get(reply.id);
  waiting.delete(reply.id);
  resolve?.(reply);
});
const sum = (items) =>
  new Promise((resolve) => {
    const id = nextId++;
    waiting.set(id, resolve);
    child.send({ id, items });
  });

const app = new Hono();
app.post('/webhook/bench-s1', async (c) => {
  const text = await c.req.text();
  let body;
  try {
    body = JSON.parse(text);
  } catch {
    return c.json({ error: 'body is not JSON' }, 400);
  }
  if (!Array.isArray(body?.items)) return c.json({ error: 'items must be an array' }, 400);
  const reply = await sum(body.items);
  if (reply.error) return c.json({ error: reply.error }, 500);
  insert.run(text, reply.total);
  return c.json({ ...body, total: reply.total });
});

serve({ fetch: app.fetch, port: Number(process.env.PORT), hostname: '127.0.0.1' }, () => {
  console.log('ready');
});
const stop = () => {
  child.kill();
  db.close();
  process.exit(0);
};
process.once('SIGTERM', stop);
process.once('SIGINT', stop);

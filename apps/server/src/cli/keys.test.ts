import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAuditPruner } from '../access/audit-pruner.js';
import { createLogger } from '../logger.js';
import { setupOwner, startTestServer, type TestServer } from '../test-support/test-server.js';
import { runCli } from './run-cli.js';

let server: TestServer;
let cookie = '';
beforeAll(async () => {
  server = await startTestServer();
  cookie = await setupOwner(server);
}, 60_000);
afterAll(async () => {
  await server.stop();
});

async function cli(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli({
    argv,
    env: { SHOPWIRE_DATA_DIR: server.dataDir, SHOPWIRE_LOG_LEVEL: 'warn' },
    io: { out: (l) => out.push(l), err: (l) => err.push(l) },
  });
  return { code, out, err };
}

describe('shopwire keys rotate', () => {
  it('re-encrypts every credential under a new key while the server keeps serving them', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) {
      const res = await server.request('POST', '/api/v1/credentials', {
        cookie,
        json: { name: `c${i}`, type: 'core.httpHeaderAuth', data: { name: 'X-Key', value: `value-${i}` } },
      });
      ids.push(res.json.id);
    }
    const before = Object.keys(await server.store.vault.keyUsage());
    expect(before).toHaveLength(1);

    const first = await cli('keys', 'rotate', '--batch', '2');
    expect(first.code).toBe(0);
    const newKey = first.out[0]!;
    expect(newKey).not.toBe(before[0]);
    expect(await server.store.vault.keyUsage()).toEqual({ [newKey]: 5 });
    // the running server decrypts rows of the new key (re-reads the key file on the miss)
    for (const [i, id] of ids.entries())
      expect((await server.store.credentials.getDecrypted(id))?.data['value']).toBe(`value-${i}`);
    const test = await server.request('GET', `/api/v1/credentials/${ids[0]}`, { cookie });
    expect(test.json.fields).toEqual({ name: 'X-Key' });
    // new credentials written by the server use the new key
    await server.request('POST', '/api/v1/credentials', {
      cookie,
      json: { name: 'late', type: 'core.httpHeaderAuth', data: { name: 'X', value: 'late-value' } },
    });
    expect(await server.store.vault.keyUsage()).toEqual({ [newKey]: 6 });

    const second = await cli('keys', 'rotate');
    expect(second.code).toBe(0);
    expect(second.out[0]).not.toBe(newKey);
    const audit = await server.store.audit.list({ action: 'keys.rotate' });
    expect(audit.items).toHaveLength(2);
    expect(audit.items[1]).toMatchObject({
      actorLabel: 'cli',
      targetId: newKey,
      details: { reencrypted: 5 },
    });

    expect((await cli('keys', 'spin')).code).toBe(2);
    expect((await cli('keys', 'rotate', '--batch', '0')).code).toBe(2);
  });

  it('creates scoped API keys from the CLI (manage by default)', async () => {
    const bad = await cli('api-key', 'create', '--name', 'x', '--scope', 'root');
    expect(bad.code).toBe(2);
    expect(bad.err.join('\n')).toMatch(/--scope must be one of read, execute, manage/);
    const read = (await cli('api-key', 'create', '--name', 'reader', '--scope', 'read')).out[0]!;
    const manage = (await cli('api-key', 'create', '--name', 'default')).out[0]!;
    expect((await server.request('GET', '/api/v1/me', { apiKey: read })).json.apiKeyScope).toBe('read');
    expect(
      (await server.request('PUT', '/api/v1/variables/A', { apiKey: read, json: { value: '1' } })).status,
    ).toBe(403);
    expect(
      (await server.request('PUT', '/api/v1/variables/A', { apiKey: manage, json: { value: '1' } })).status,
    ).toBe(200);
    const list = await cli('api-key', 'list');
    expect(list.out.join('\n')).toMatch(/reader\tread\t/);
  });
});

describe('audit retention', () => {
  it('prunes entries older than the retention period', async () => {
    await server.store.audit.append({ action: 'test.old' });
    const logger = createLogger({ level: 'warn', write: () => undefined });
    const future = Date.now() + 400 * 86_400_000;
    const keep = startAuditPruner({ store: server.store, logger, retentionDays: 500, now: () => future });
    expect(await keep.pruneNow()).toBe(0);
    keep.stop();
    const prune = startAuditPruner({ store: server.store, logger, retentionDays: 365, now: () => future });
    expect(await prune.pruneNow()).toBeGreaterThan(0);
    prune.stop();
    expect((await server.store.audit.list({ action: 'test.old' })).items).toEqual([]);
  });
});

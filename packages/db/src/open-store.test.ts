import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { openStore } from './open-store.js';
import { newExecution, sampleWorkflow, tempStore, testKeyring, type TempStore } from './test-helpers.js';

let t: TempStore | undefined;
afterEach(async () => {
  await t?.cleanup();
  t = undefined;
});

describe('openStore', () => {
  it('migrates a fresh file (WAL, default project) and re-opens idempotently', async () => {
    t = await tempStore();
    await t.reopen();
    await t.reopen();
    await t.store.close();
    const raw = new Database(t.file, { readonly: true });
    try {
      expect(raw.pragma('journal_mode', { simple: true })).toBe('wal');
      const migrations = raw.prepare('select name from kysely_migration').all() as { name: string }[];
      expect(migrations.map((m) => m.name)).toEqual(['0001-initial', '0002-start-document-reference', '0003-accounts-audit']);
      expect(raw.prepare('select id from projects').all()).toEqual([{ id: 'default' }]);
    } finally {
      raw.close();
    }
    t.store = await openStore({ dialect: 'sqlite', file: t.file, keyring: t.keyring });
  });

  it('keeps data across close and reopen', async () => {
    t = await tempStore();
    const wf = await t.store.workflows.create({ projectId: 'default', document: sampleWorkflow() });
    const ex = await t.store.executions.create(newExecution({ workflowId: wf.id }));
    await t.store.journal.stepStarted({ executionId: ex.id, nodeId: 'hook', nodeName: 'Webhook', runIndex: 0, status: 'running', startedAt: ex.createdAt });
    const cred = await t.store.credentials.create({ projectId: 'default', name: 'Shop', type: 'shopify', data: { token: 't0p' } });
    await t.store.variables.set('default', 'SHOP', 'acme');
    await t.store.nodeState.set(wf.id, 'poll', 'lastId', 42);

    const store = await t.reopen();
    expect((await store.workflows.get(wf.id))?.document.name).toBe('Orders');
    expect((await store.executions.get(ex.id))?.status).toBe('queued');
    expect(await store.executions.steps(ex.id)).toHaveLength(1);
    expect((await store.credentials.getDecrypted(cred.id))?.data).toEqual({ token: 't0p' });
    expect(await store.variables.asMap('default')).toEqual({ SHOP: 'acme' });
    expect(await store.nodeState.get(wf.id, 'poll', 'lastId')).toBe(42);
  });

  it('creates the directory of the database file', async () => {
    t = await tempStore();
    const nested = await openStore({ dialect: 'sqlite', file: `${t.dir}/a/b/shopwire.db`, keyring: t.keyring });
    expect(await nested.users.count()).toBe(0);
    await nested.close();
  });

  it('works on :memory:', async () => {
    const store = await openStore({ dialect: 'sqlite', file: ':memory:', keyring: testKeyring() });
    const ex = await store.executions.create(newExecution());
    expect(await store.executions.get(ex.id)).toMatchObject({ id: ex.id, status: 'queued' });
    expect((await store.executions.getRunInput(ex.id))?.startItems).toEqual([{ json: { order: 1 } }]);
    await store.close();
  });

  it('close() flushes writes that were issued but not awaited', async () => {
    t = await tempStore();
    const ex = await t.store.executions.create(newExecution());
    const pending = t.store.executions.update(ex.id, { status: 'success', finishedAt: ex.createdAt });
    await t.store.close();
    await pending;
    t.store = await openStore({ dialect: 'sqlite', file: t.file, keyring: t.keyring });
    expect((await t.store.executions.get(ex.id))?.status).toBe('success');
  });
});

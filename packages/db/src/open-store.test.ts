import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { openStore } from './open-store.js';
import {
  forEachDialect,
  newExecution,
  sampleWorkflow,
  tempStore,
  testKeyring,
  TEST_PG_URL,
  type TempStore,
} from './test-helpers.js';

let t: TempStore | undefined;
afterEach(async () => {
  await t?.cleanup();
  t = undefined;
});

const MIGRATIONS = ['0001-initial', '0002-start-document-reference', '0003-accounts-audit'];

forEachDialect('openStore', (dialect) => {
  it('migrates a fresh database (default project) and re-opens idempotently', async () => {
    t = await tempStore({ dialect });
    await t.reopen();
    await t.reopen();
    const migrations = await t.exec<{ name: string }>('select name from kysely_migration order by name');
    expect(migrations.map((m) => m.name)).toEqual(MIGRATIONS);
    expect(await t.exec('select id from projects')).toEqual([{ id: 'default' }]);
  });

  it('keeps data across close and reopen', async () => {
    t = await tempStore({ dialect });
    const wf = await t.store.workflows.create({ projectId: 'default', document: sampleWorkflow() });
    const ex = await t.store.executions.create(newExecution({ workflowId: wf.id }));
    await t.store.journal.stepStarted({
      executionId: ex.id,
      nodeId: 'hook',
      nodeName: 'Webhook',
      runIndex: 0,
      status: 'running',
      startedAt: ex.createdAt,
    });
    const cred = await t.store.credentials.create({
      projectId: 'default',
      name: 'Shop',
      type: 'shopify',
      data: { token: 't0p' },
    });
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

  it('close() flushes writes that were issued but not awaited', async () => {
    t = await tempStore({ dialect });
    const ex = await t.store.executions.create(newExecution());
    const pending = t.store.executions.update(ex.id, { status: 'success', finishedAt: ex.createdAt });
    await t.store.close();
    await pending;
    t.store = await t.openOther();
    expect((await t.store.executions.get(ex.id))?.status).toBe('success');
  });

  it('group commit: writes issued together commit in one transaction', async () => {
    t = await tempStore({ dialect });
    const before = t.store.stats();
    const created = await Promise.all(
      Array.from({ length: 25 }, () => t!.store.executions.create(newExecution())),
    );
    const after = t.store.stats();
    expect(after.writes - before.writes).toBe(25);
    expect(after.transactions - before.transactions).toBe(1);
    expect(await t.store.executions.get(created[24]!.id)).toMatchObject({ status: 'queued' });
  });

  it('a failing write (unknown execution) fails alone; the writes batched with it commit', async () => {
    t = await tempStore({ dialect });
    const ex = await t.store.executions.create(newExecution());
    const results = await Promise.allSettled([
      t.store.executions.update(ex.id, { status: 'running' }),
      t.store.workflows.create({ projectId: 'default', document: sampleWorkflow('A') }),
      t.store.executions.update('ex_missing', { status: 'success' }),
    ]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'fulfilled', 'rejected']);
    expect((await t.store.executions.get(ex.id))?.status).toBe('running');
  });
});

describe('openStore [sqlite only]', () => {
  it('uses WAL', async () => {
    t = await tempStore();
    await t.store.close();
    const raw = new Database(t.file, { readonly: true });
    try {
      expect(raw.pragma('journal_mode', { simple: true })).toBe('wal');
    } finally {
      raw.close();
    }
    t.store = await openStore({ dialect: 'sqlite', file: t.file, keyring: t.keyring });
  });

  it('creates the directory of the database file', async () => {
    t = await tempStore();
    const nested = await openStore({
      dialect: 'sqlite',
      file: `${t.dir}/a/b/shopwire.db`,
      keyring: t.keyring,
    });
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
});

describe('openStore [postgres options]', () => {
  it('rejects an unsafe schema name before connecting', async () => {
    await expect(
      openStore({
        dialect: 'postgres',
        connectionString: TEST_PG_URL,
        schema: 'x"; drop table users; --',
        keyring: testKeyring(),
      }),
    ).rejects.toThrow(/invalid PostgreSQL schema name/);
  });
});

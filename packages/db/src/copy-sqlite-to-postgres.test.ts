import { afterEach, expect, it } from 'vitest';
import { copySqliteToPostgres } from './copy-sqlite-to-postgres.js';
import { openStore } from './open-store.js';
import {
  describePostgres,
  newExecution,
  pgQuery,
  randomSchema,
  sampleWorkflow,
  tempStore,
  TEST_PG_URL,
  type TempStore,
} from './test-helpers.js';

let t: TempStore | undefined;
const schemas: string[] = [];
afterEach(async () => {
  await t?.cleanup();
  t = undefined;
  for (const s of schemas.splice(0)) await pgQuery(`DROP SCHEMA IF EXISTS "${s}" CASCADE`);
});

/** a SQLite store with rows in every kind of table */
async function filledSqlite(): Promise<TempStore> {
  const temp = await tempStore();
  const s = temp.store;
  const user = await s.users.create({ email: 'o@example.com', name: 'O', role: 'owner', passwordHash: 'x' });
  await s.accounts.setTotp(user.id, { secret: 'JBSWY3DPEHPK3PXP', enabled: true });
  await s.apiKeys.create({ name: 'ci', userId: user.id, keyHash: 'h1', prefix: 'sw_1' });
  const project = await s.projects.create({ name: 'Shop B' });
  await s.projects.setMember(project.id, user.id, 'editor');
  const wf = await s.workflows.create({ projectId: 'default', document: sampleWorkflow() });
  for (let i = 0; i < 30; i++) {
    const ex = await s.executions.create(newExecution({ workflowId: wf.id }));
    await s.journal.stepFinished({
      executionId: ex.id,
      nodeId: 'hook',
      nodeName: 'Webhook',
      runIndex: 0,
      status: 'success',
      startedAt: ex.createdAt,
      output: { main: [{ json: { i } }] },
    });
  }
  await s.credentials.create({ projectId: 'default', name: 'Shop', type: 't', data: { token: 'secret' } });
  await s.variables.set('default', 'SHOP', 'acme');
  await s.nodeState.set(wf.id, 'poll', 'last', 7);
  await s.audit.append({
    action: 'test',
    actorId: user.id,
    actorLabel: 'o',
    targetType: 'user',
    targetId: user.id,
    details: { a: 1 },
  });
  await s.close();
  return temp;
}

describePostgres('copySqliteToPostgres', () => {
  it('copies every table in batches, verifies counts, and the PG store reads it all back', async () => {
    t = await filledSqlite();
    const schema = randomSchema();
    schemas.push(schema);
    const progress: string[] = [];
    const report = await copySqliteToPostgres({
      from: t.file,
      to: TEST_PG_URL,
      schema,
      batchSize: 7,
      onProgress: (table) => progress.push(table),
    });
    expect(report.alreadyCopied).toBe(false);
    const rows = Object.fromEntries(report.tables.map((r) => [r.table, r.rows]));
    expect(rows).toMatchObject({
      executions: 30,
      execution_steps: 30,
      execution_start: 30,
      projects: 2,
      users: 1,
      credentials: 1,
      audit_log: 1,
    });
    const order = report.tables.map((r) => r.table);
    expect(order.indexOf('executions')).toBeLessThan(order.indexOf('execution_steps'));
    expect(order.indexOf('users')).toBeLessThan(order.indexOf('project_members'));
    expect(progress.filter((p) => p === 'executions').length).toBe(5); // 30 rows, 7 per batch

    const pgStore = await openStore({
      dialect: 'postgres',
      connectionString: TEST_PG_URL,
      schema,
      keyring: t.keyring,
    });
    try {
      const [cred] = await pgStore.credentials.list();
      expect((await pgStore.credentials.getDecrypted(cred!.id))?.data).toEqual({ token: 'secret' });
      const list = await pgStore.executions.list({ limit: 250 });
      expect(list.items).toHaveLength(30);
      expect((await pgStore.executions.steps(list.items[0]!.id))[0]?.output).toBeDefined();
      expect(await pgStore.variables.asMap('default')).toEqual({ SHOP: 'acme' });
      const [user] = await pgQuery<{ id: string }>('select id from users', [], schema);
      expect((await pgStore.accounts.getTotp(user!.id)).secret).toBe('JBSWY3DPEHPK3PXP');
    } finally {
      await pgStore.close();
    }
  });

  it('a re-run is a no-op; other data in the target is refused unless force', async () => {
    t = await filledSqlite();
    const schema = randomSchema();
    schemas.push(schema);
    await copySqliteToPostgres({ from: t.file, to: TEST_PG_URL, schema });
    expect((await copySqliteToPostgres({ from: t.file, to: TEST_PG_URL, schema })).alreadyCopied).toBe(true);

    await pgQuery(
      `insert into variables (id, project_id, key, value) values ('var_extra', 'default', 'X', '1')`,
      [],
      schema,
    );
    await expect(copySqliteToPostgres({ from: t.file, to: TEST_PG_URL, schema })).rejects.toThrow(
      /already holds data \(.*variables.*\); use --force/,
    );
    const forced = await copySqliteToPostgres({ from: t.file, to: TEST_PG_URL, schema, force: true });
    expect(forced.alreadyCopied).toBe(false);
    expect(await pgQuery('select key from variables', [], schema)).toEqual([{ key: 'SHOP' }]);
  });

  it('names bad input', async () => {
    await expect(copySqliteToPostgres({ from: '/nonexistent/x.db', to: TEST_PG_URL })).rejects.toThrow(
      /from/,
    );
    t = await tempStore();
    await expect(copySqliteToPostgres({ from: t.file, to: 'mysql://x' })).rejects.toThrow(/to/);
  });
});

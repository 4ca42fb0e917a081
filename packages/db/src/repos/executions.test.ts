import { afterEach, describe, expect, it } from 'vitest';
import { ValidationError, type ExecutionStatus } from '@shopwire/sdk';
import { forEachDialect, newExecution, tempStore, type TempStore } from '../test-helpers.js';
import { deterministicId } from '../ids.js';

forEachDialect('executions', (dialect) => {
  let t: TempStore;
  let clockMs = Date.parse('2026-03-01T00:00:00.000Z');
  const clock = () => new Date(clockMs);
  afterEach(() => t.cleanup());

  describe('executions', () => {
    it('create is a durable enqueue with the snapshot and start items kept apart', async () => {
      t = await tempStore({ dialect });
      const ex = await t.store.executions.create(
        newExecution({ responseMode: 'lastNode', retryOf: 'ex_old', destinationNodeId: 'set' }),
      );
      expect(ex.id).toMatch(/^ex_[0-9A-Za-z]{21}$/);
      expect(ex).toMatchObject({
        status: 'queued',
        responseMode: 'lastNode',
        retryOf: 'ex_old',
        destinationNodeId: 'set',
        claimedBy: null,
      });
      expect(await t.store.executions.get(ex.id)).toEqual(ex);
      const input = await t.store.executions.getRunInput(ex.id);
      expect(input?.startItems).toEqual([{ json: { order: 1 } }]);
      expect(input?.document.nodes.map((n) => n.id)).toEqual(['hook', 'set']);
      expect(await t.store.executions.get('ex_missing')).toBeUndefined();
      expect(await t.store.executions.getRunInput('ex_missing')).toBeUndefined();
    });

    it('update patches fields, error as JSON, booleans; unknown id throws', async () => {
      t = await tempStore({ dialect });
      const ex = await t.store.executions.create(newExecution());
      await t.store.executions.update(ex.id, {
        status: 'error',
        error: { code: 'NODE_ERROR', message: 'boom', nodeId: 'set' },
        finishedAt: '2026-01-01T00:00:01.000Z',
        dataBytes: 1234,
        truncated: true,
      });
      expect(await t.store.executions.get(ex.id)).toMatchObject({
        status: 'error',
        error: { code: 'NODE_ERROR', message: 'boom', nodeId: 'set' },
        dataBytes: 1234,
        truncated: true,
      });
      await t.store.executions.update(ex.id, { error: null, truncated: false });
      expect(await t.store.executions.get(ex.id)).toMatchObject({
        error: null,
        truncated: false,
        status: 'error',
      });
      await expect(t.store.executions.update('ex_missing', { status: 'success' })).rejects.toMatchObject({
        code: 'NOT_FOUND',
      });
    });

    it('takeOver only from the named claimer; cancelIdle; releaseWait releases a wait once', async () => {
      t = await tempStore({ dialect });
      const now = new Date().toISOString();
      const id = (await t.store.executions.create(newExecution())).id;
      expect(await t.store.executions.claim(id, 'dead-worker', now)).toBe(true);
      expect(await t.store.executions.claim(id, 'other', now)).toBe(false);
      expect(await t.store.executions.takeOver(id, 'someone-else', 'other')).toBe(false);
      expect(await t.store.executions.takeOver(id, 'dead-worker', 'other')).toBe(true);
      expect(await t.store.executions.takeOver(id, 'dead-worker', 'third')).toBe(false);
      expect((await t.store.executions.get(id))?.claimedBy).toBe('other');
      // running on a live claimer: not canceled here; on a dead one: canceled
      expect(await t.store.executions.cancelIdle(id, now)).toBe(false);
      expect(await t.store.executions.cancelIdle(id, now, 'dead-worker')).toBe(false);
      expect(await t.store.executions.cancelIdle(id, now, 'other')).toBe(true);
      expect((await t.store.executions.get(id))?.status).toBe('canceled');
      expect(await t.store.executions.takeOver(id, 'other', 'third')).toBe(false);
      const queued = (await t.store.executions.create(newExecution())).id;
      expect(await t.store.executions.cancelIdle(queued, now)).toBe(true);

      const waiting = (await t.store.executions.create(newExecution())).id;
      await t.store.executions.update(waiting, { status: 'waiting', waitUntil: now, claimedBy: 'w1' });
      const other = await t.openOther();
      try {
        const results = await Promise.all([
          t.store.executions.releaseWait(waiting),
          other.executions.releaseWait(waiting),
        ]);
        expect(results.filter(Boolean)).toHaveLength(1);
      } finally {
        await other.close();
      }
      expect(await t.store.executions.get(waiting)).toMatchObject({
        status: 'queued',
        waitUntil: null,
        claimedBy: null,
      });
    });

    it('createOnce: of concurrent creates of one id (two connections) exactly one wins', async () => {
      t = await tempStore({ dialect });
      const other = await t.openOther();
      try {
        const id = deterministicId('ex', Date.parse('2026-03-01T10:00:00Z'), 'schedule\nwf\nnode\ntick');
        expect(id).toMatch(/^ex_[0-9A-Za-z]{21}$/);
        expect(deterministicId('ex', Date.parse('2026-03-01T10:00:00Z'), 'schedule\nwf\nnode\ntick')).toBe(
          id,
        );
        const results = await Promise.all([
          t.store.executions.createOnce(newExecution(), id),
          other.executions.createOnce(newExecution(), id),
          t.store.executions.createOnce(newExecution(), id),
        ]);
        expect(results.filter((r) => r !== undefined)).toHaveLength(1);
        expect((await t.store.executions.get(id))?.status).toBe('queued');
        expect(await t.store.executions.getRunInput(id)).toBeDefined();
      } finally {
        await other.close();
      }
    });

    it('claim is atomic: of concurrent claims (two connections) exactly one wins', async () => {
      t = await tempStore({ dialect });
      const other = await t.openOther();
      try {
        const ids = await Promise.all(
          Array.from({ length: 20 }, async () => (await t.store.executions.create(newExecution())).id),
        );
        for (const id of ids) {
          const now = new Date().toISOString();
          const results = await Promise.all([
            t.store.executions.claim(id, 'a', now),
            other.executions.claim(id, 'b', now),
            t.store.executions.claim(id, 'c', now),
          ]);
          expect(results.filter(Boolean)).toHaveLength(1);
          const row = await other.executions.get(id);
          expect(row?.status).toBe('running');
          expect(row?.startedAt).toBe(now);
          expect(['a', 'b', 'c'][results.indexOf(true)]).toBe(row?.claimedBy);
        }
      } finally {
        await other.close();
      }
    });

    it('listQueued (oldest first), listOrphaned, listDueWaits and nextWaitAt', async () => {
      t = await tempStore({ dialect, now: clock });
      const mk = async () => {
        clockMs += 1000;
        return (await t.store.executions.create(newExecution())).id;
      };
      const [q1, q2, r1, r2, r3, w1, w2, done] = [
        await mk(),
        await mk(),
        await mk(),
        await mk(),
        await mk(),
        await mk(),
        await mk(),
        await mk(),
      ];
      const now = '2026-03-01T01:00:00.000Z';
      await t.store.executions.claim(r1!, 'live', now);
      await t.store.executions.claim(r2!, 'dead', now);
      await t.store.executions.claim(r3!, 'dead2', now);
      await t.store.executions.update(w1!, { status: 'waiting', waitUntil: '2026-03-02T00:00:00.000Z' });
      await t.store.executions.update(w2!, { status: 'waiting', waitUntil: '2026-03-01T12:00:00.000Z' });
      await t.store.executions.update(done!, { status: 'success', waitUntil: '2026-03-01T00:00:00.000Z' });

      expect((await t.store.executions.listQueued(10)).map((e) => e.id)).toEqual([q1, q2]);
      expect((await t.store.executions.listQueued(1)).map((e) => e.id)).toEqual([q1]);
      expect((await t.store.executions.listOrphaned(['live'])).map((e) => e.id)).toEqual([r2, r3]);
      expect((await t.store.executions.listOrphaned(['live', 'dead2'])).map((e) => e.id)).toEqual([r2]);
      expect((await t.store.executions.listOrphaned([])).map((e) => e.id)).toEqual([r1, r2, r3]);
      expect(await t.store.executions.nextWaitAt()).toBe('2026-03-01T12:00:00.000Z');
      expect(
        (await t.store.executions.listDueWaits('2026-03-01T11:59:59.999Z', 10)).map((e) => e.id),
      ).toEqual([]);
      expect(
        (await t.store.executions.listDueWaits('2026-03-01T12:00:00.000Z', 10)).map((e) => e.id),
      ).toEqual([w2]);
      expect(
        (await t.store.executions.listDueWaits('2026-03-03T00:00:00.000Z', 10)).map((e) => e.id),
      ).toEqual([w2, w1]);
      await t.store.executions.update(w2!, { status: 'queued', waitUntil: null });
      expect(await t.store.executions.nextWaitAt()).toBe('2026-03-02T00:00:00.000Z');
    });

    it('list filters and pages with an opaque cursor, newest first, ties broken by id', async () => {
      t = await tempStore({ dialect, now: clock });
      const statuses: ExecutionStatus[] = ['success', 'error', 'success', 'canceled'];
      const all: string[] = [];
      for (let i = 0; i < 23; i++) {
        if (i % 3 === 0) clockMs += 1000; // several share a created_at
        const ex = await t.store.executions.create(
          newExecution({ workflowId: i % 2 ? 'wf_a' : 'wf_b', projectId: i < 20 ? 'default' : 'p2' }),
        );
        await t.store.executions.update(ex.id, { status: statuses[i % 4]! });
        all.push(ex.id);
      }
      const pageAll = async (filter: Parameters<typeof t.store.executions.list>[0]) => {
        const ids: string[] = [];
        let cursor: string | undefined;
        let pages = 0;
        do {
          const page = await t.store.executions.list({ ...filter, ...(cursor ? { cursor } : {}) });
          ids.push(...page.items.map((e) => e.id));
          cursor = page.nextCursor ?? undefined;
          pages += 1;
        } while (cursor);
        return { ids, pages };
      };
      const { ids, pages } = await pageAll({ limit: 5 });
      expect(pages).toBe(5);
      expect(new Set(ids).size).toBe(23);
      const rows = await Promise.all(ids.map((id) => t.store.executions.get(id)));
      const keys = rows.map((r) => `${r!.createdAt}|${r!.id}`);
      expect(keys).toEqual([...keys].sort().reverse());

      const wfA = await pageAll({ workflowId: 'wf_a', limit: 4 });
      expect(wfA.ids.sort()).toEqual(all.filter((_, i) => i % 2).sort());
      const errors = await t.store.executions.list({ status: ['error', 'canceled'] });
      expect(errors.items.map((e) => e.status).every((s) => s === 'error' || s === 'canceled')).toBe(true);
      expect(errors.items).toHaveLength(11); // i % 4 in {1, 3} for i < 23
      expect((await t.store.executions.list({ projectId: 'p2' })).items).toHaveLength(3);
      expect((await t.store.executions.list({ status: [] })).items).toEqual([]);

      const first = rows[rows.length - 1]!.createdAt;
      const inRange = await t.store.executions.list({ from: first, to: first });
      expect(inRange.items.every((e) => e.createdAt === first)).toBe(true);
      expect(inRange.items.length).toBeGreaterThan(0);
      expect((await t.store.executions.list({ limit: 1000 })).items).toHaveLength(23);
      await expect(t.store.executions.list({ cursor: 'garbage!' })).rejects.toThrow(ValidationError);
    });

    it('a corrupt error column does not fail the list; steps survive corrupt payloads', async () => {
      t = await tempStore({ dialect });
      const ex = await t.store.executions.create(newExecution());
      await t.store.journal.stepFinished({
        executionId: ex.id,
        nodeId: 'hook',
        nodeName: 'Webhook',
        runIndex: 0,
        status: 'success',
        startedAt: ex.createdAt,
        output: { main: [] },
      });
      await t.exec('update executions set error = ? where id = ?', ['{oops', ex.id]);
      await t.exec('update execution_steps set output = ? where execution_id = ?', ['[broken', ex.id]);
      await t.exec('update execution_start set document = ? where execution_id = ?', ['nope', ex.id]);
      const { items } = await t.store.executions.list({});
      expect(items[0]?.error).toMatchObject({ code: 'CORRUPT_ROW' });
      expect(items[0]?.error?.message).toContain(ex.id);
      const [step] = await t.store.executions.steps(ex.id);
      expect(step).toMatchObject({ truncated: true, error: { code: 'CORRUPT_ROW' } });
      expect(step?.output).toBeUndefined();
      await expect(t.store.executions.getRunInput(ex.id)).rejects.toMatchObject({ code: 'CORRUPT_ROW' });
    });

    it('delete removes the execution with its steps and start data', async () => {
      t = await tempStore({ dialect });
      const ex = await t.store.executions.create(newExecution());
      const keep = await t.store.executions.create(newExecution());
      for (const id of [ex.id, keep.id]) {
        await t.store.journal.stepStarted({
          executionId: id,
          nodeId: 'hook',
          nodeName: 'Webhook',
          runIndex: 0,
          status: 'running',
          startedAt: ex.createdAt,
        });
      }
      expect(await t.store.executions.delete(ex.id)).toBe(true);
      expect(await t.store.executions.delete(ex.id)).toBe(false);
      expect(await t.store.executions.get(ex.id)).toBeUndefined();
      expect(await t.store.executions.getRunInput(ex.id)).toBeUndefined();
      expect(await t.store.executions.steps(ex.id)).toEqual([]);
      expect(await t.store.executions.steps(keep.id)).toHaveLength(1);
    });
  });
});

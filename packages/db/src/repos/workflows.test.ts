import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ShopwireError, ValidationError } from '@shopwire/sdk';
import { forEachDialect, sampleWorkflow, tempStore, type TempStore } from '../test-helpers.js';

forEachDialect('workflows', (dialect) => {
  let t: TempStore;
  beforeEach(async () => {
    t = await tempStore({ dialect });
  });
  afterEach(() => t.cleanup());

  describe('workflows', () => {
    it('creates version 1 and adds a version on every save', async () => {
      const wf = await t.store.workflows.create({
        projectId: 'default',
        document: sampleWorkflow('Orders'),
        createdBy: 'us_1',
      });
      expect(wf).toMatchObject({ version: 1, active: false, name: 'Orders', projectId: 'default' });
      expect(wf.document.id).toBe(wf.id);
      const v2 = await t.store.workflows.update(wf.id, {
        document: sampleWorkflow('Orders v2'),
        expectedVersion: 1,
        updatedBy: 'us_2',
      });
      expect(v2).toMatchObject({ version: 2, name: 'Orders v2' });
      expect((await t.store.workflows.get(wf.id))?.document.name).toBe('Orders v2');
      const versions = await t.store.workflows.versions(wf.id);
      expect(versions.map((v) => [v.version, v.document.name, v.createdBy])).toEqual([
        [2, 'Orders v2', 'us_2'],
        [1, 'Orders', 'us_1'],
      ]);
      expect((await t.store.workflows.getVersion(wf.id, 1))?.document.name).toBe('Orders');
      expect(await t.store.workflows.getVersion(wf.id, 9)).toBeUndefined();
    });

    it('throws CONFLICT on a stale expectedVersion and NOT_FOUND for unknown ids', async () => {
      const wf = await t.store.workflows.create({ projectId: 'default', document: sampleWorkflow() });
      await t.store.workflows.update(wf.id, { document: sampleWorkflow('B'), expectedVersion: 1 });
      const stale = t.store.workflows.update(wf.id, { document: sampleWorkflow('C'), expectedVersion: 1 });
      await expect(stale).rejects.toBeInstanceOf(ShopwireError);
      await expect(stale).rejects.toMatchObject({ code: 'CONFLICT' });
      expect((await t.store.workflows.get(wf.id))?.version).toBe(2);
      await expect(t.store.workflows.update('wf_nope', { document: sampleWorkflow() })).rejects.toMatchObject(
        { code: 'NOT_FOUND' },
      );
    });

    it('validates documents and migrates legacy ones on the way in', async () => {
      await expect(
        t.store.workflows.create({ projectId: 'default', document: { name: '', nodes: [] } as never }),
      ).rejects.toThrow(ValidationError);
      const legacy = { name: 'Old', nodes: [{ id: 'a', name: 'A', type: 'core.set', parameters: { x: 1 } }] };
      const wf = await t.store.workflows.create({ projectId: 'default', document: legacy as never });
      expect((await t.store.workflows.get(wf.id))?.document.nodes[0]?.params).toEqual({ x: 1 });
    });

    it('lists with project, search and active filters; setActive; delete', async () => {
      const a = await t.store.workflows.create({
        projectId: 'default',
        document: sampleWorkflow('Shopify orders'),
      });
      const b = await t.store.workflows.create({
        projectId: 'default',
        document: sampleWorkflow('Low stock 100%'),
      });
      await t.store.workflows.create({ projectId: 'p2', document: sampleWorkflow('Other project') });
      await t.store.workflows.setActive(b.id, true);
      expect((await t.store.workflows.list({})).length).toBe(3);
      expect((await t.store.workflows.list({ projectId: 'default' })).map((w) => w.id).sort()).toEqual(
        [a.id, b.id].sort(),
      );
      expect((await t.store.workflows.list({ search: 'ORDERS' })).map((w) => w.id)).toEqual([a.id]);
      expect((await t.store.workflows.list({ search: '100%' })).map((w) => w.id)).toEqual([b.id]);
      expect((await t.store.workflows.list({ search: '_' })).length).toBe(0);
      expect((await t.store.workflows.list({ active: true })).map((w) => w.id)).toEqual([b.id]);
      expect((await t.store.workflows.list({ active: false })).length).toBe(2);

      await t.store.webhooks.replaceForWorkflow(a.id, [
        { workflowId: a.id, nodeId: 'hook', method: 'POST', path: 'orders', projectId: 'default' },
      ]);
      expect(await t.store.workflows.delete(a.id)).toBe(true);
      expect(await t.store.workflows.delete(a.id)).toBe(false);
      expect(await t.store.workflows.get(a.id)).toBeUndefined();
      expect(await t.store.workflows.versions(a.id)).toEqual([]);
      expect(await t.store.webhooks.all()).toEqual([]);
      await expect(t.store.workflows.setActive(a.id, true)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    });

    it('a corrupt row does not fail the list: it carries loadError; get names the row', async () => {
      const good = await t.store.workflows.create({ projectId: 'default', document: sampleWorkflow('Good') });
      const bad = await t.store.workflows.create({ projectId: 'default', document: sampleWorkflow('Bad') });
      const bad2 = await t.store.workflows.create({ projectId: 'default', document: sampleWorkflow('Bad2') });
      await t.exec('update workflows set document = ? where id = ?', ['{not json', bad.id]);
      await t.exec('update workflows set document = ? where id = ?', [
        '{"name":"x","nodes":"nope"}',
        bad2.id,
      ]);

      const list = await t.store.workflows.list({});
      expect(list).toHaveLength(3);
      expect(list.find((w) => w.id === good.id)?.loadError).toBeUndefined();
      const broken = list.find((w) => w.id === bad.id);
      expect(broken?.loadError).toMatchObject({ code: 'CORRUPT_ROW' });
      expect(broken?.loadError?.message).toContain(bad.id);
      expect(broken?.document.nodes).toEqual([]);
      expect(list.find((w) => w.id === bad2.id)?.loadError?.message).toMatch(/nodes/);
      await expect(t.store.workflows.get(bad.id)).rejects.toMatchObject({ code: 'CORRUPT_ROW' });
    });
  });
});

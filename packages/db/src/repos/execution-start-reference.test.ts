import { afterEach, describe, expect, it } from 'vitest';
import { forEachDialect, newExecution, sampleWorkflow, tempStore, type TempStore } from '../test-helpers.js';

forEachDialect('execution-start-reference', (dialect) => {
  let t: TempStore;
  afterEach(() => t.cleanup());

  describe('executions of saved versions', () => {
    it('store the version by reference and still return the document to run', async () => {
      t = await tempStore({ dialect });
      const wf = await t.store.workflows.create({ projectId: 'default', document: sampleWorkflow('Saved') });
      const ex = await t.store.executions.create(
        newExecution({
          workflowId: wf.id,
          workflowVersion: wf.version,
          document: wf.document,
          savedVersion: true,
        }),
      );
      const [row] = await t.exec<{ document: string | null }>(
        'select document from execution_start where execution_id = ?',
        [ex.id],
      );
      expect(row).toEqual({ document: null });
      const input = await t.store.executions.getRunInput(ex.id);
      expect(input?.document.name).toBe('Saved');
      expect(input?.startItems).toEqual([{ json: { order: 1 } }]);
    });

    it('keep their document when the workflow is deleted', async () => {
      t = await tempStore({ dialect });
      const wf = await t.store.workflows.create({
        projectId: 'default',
        document: sampleWorkflow('Gone soon'),
      });
      const ex = await t.store.executions.create(
        newExecution({
          workflowId: wf.id,
          workflowVersion: wf.version,
          document: wf.document,
          savedVersion: true,
        }),
      );
      const copy = await t.store.executions.create(
        newExecution({ workflowId: wf.id, document: sampleWorkflow('Unsaved edit') }),
      );
      expect(await t.store.workflows.delete(wf.id)).toBe(true);
      expect((await t.store.executions.getRunInput(ex.id))?.document.name).toBe('Gone soon');
      expect((await t.store.executions.getRunInput(copy.id))?.document.name).toBe('Unsaved edit');
    });

    it('can be created already claimed by the worker that runs them', async () => {
      t = await tempStore({ dialect });
      const ex = await t.store.executions.create(newExecution({ claimedBy: 'me' }));
      expect(ex).toMatchObject({ status: 'running', claimedBy: 'me' });
      expect(ex.startedAt).toBe(ex.createdAt);
      expect(await t.store.executions.get(ex.id)).toEqual(ex);
      expect(await t.store.executions.claim(ex.id, 'other', new Date().toISOString())).toBe(false);
    });
  });
});

import type { StepRecord, WebhookResponse } from '@shopwire/sdk';
import { describe, expect, it } from 'vitest';
import context from './fixtures/context.json' with { type: 'json' };
import { createHarness, items, loadWorkflow } from './test-support/harness.js';

describe('node context', () => {
  it('gives nodes credentials, state, logs, idempotency keys, respond and sub-workflows', async () => {
    const calls: unknown[] = [];
    const h = createHarness({
      executeSubworkflow: async (request) => {
        calls.push(request);
        return request.items.map((i) => ({ json: { ...i.json, child: true } }));
      },
    });
    const responses: WebhookResponse[] = [];
    const steps: StepRecord[] = [];
    const result = await h.run(loadWorkflow(context), {
      executionId: 'exec-c',
      mode: 'webhook',
      start: { nodeId: 'trigger', items: items({ a: 1 }, { a: 2 }) },
      onRespond: (r) => void responses.push(r),
      onStep: (s) => void steps.push(s),
    });
    expect(result.status).toBe('success');
    const out = h.journal.finished('ctx')[0];
    expect(out?.output?.['main']?.[0]?.json).toEqual({
      user: 'alice',
      stored: 2,
      key: 'exec-c:ctx:0:1',
      runIndex: 0,
      workflow: 'Context and side channels',
      timezone: 'Europe/Berlin',
      mode: 'webhook',
    });
    expect(h.state.get('wf-test/ctx/k')).toBe(2);
    expect(out?.logs?.map((l) => l.message)).toEqual(['hello from context']);
    expect(h.logs.map((l) => l.message)).toContain('hello from context');
    expect(responses).toEqual([{ status: 201, body: { count: 1 } }]);
    expect(result.response).toEqual({ status: 201, body: { count: 1 } });
    expect(calls).toEqual([
      {
        workflowId: 'child-wf',
        items: out?.output?.['main'],
        parentExecutionId: 'exec-c',
        projectId: 'project-1',
      },
    ]);
    expect(result.lastNode?.items[0]?.json).toMatchObject({ user: 'alice', child: true });
    // every node: started then finished, awaited in order, mirrored to onStep
    expect(steps.map((s) => `${s.nodeId}:${s.status}`)).toEqual([
      'trigger:running',
      'trigger:success',
      'ctx:running',
      'ctx:success',
      'respond:running',
      'respond:success',
      'sub:running',
      'sub:success',
    ]);
    // the journal: every finished run, and the start of every action that is not idempotent (the
    // trigger may run again: it finished before its start was due, and wrote one row)
    expect(h.journal.events.map((e) => `${e.step.nodeId}:${e.kind}`)).toEqual([
      'trigger:finished',
      'ctx:started',
      'ctx:finished',
      'respond:started',
      'respond:finished',
      'sub:started',
      'sub:finished',
    ]);
  });

  it('fails clearly without a sub-workflow runner or a selected credential', async () => {
    const h = createHarness();
    const noSub = await h.run(loadWorkflow(context));
    expect(noSub.error).toMatchObject({
      code: 'SUBWORKFLOW_UNAVAILABLE',
      nodeId: 'sub',
      nodeName: 'Run child',
    });
    const noCredential = await h.run(
      loadWorkflow(
        context,
        (doc) => void ((doc['nodes'] as Record<string, unknown>[])[1]!['credentials'] = {}),
      ),
    );
    expect(noCredential.error).toMatchObject({
      code: 'VALIDATION',
      field: 'credentials.api',
      nodeName: 'Context',
    });
  });
});

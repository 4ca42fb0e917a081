import { describe, expect, it } from 'vitest';
import { NodeError } from '@shopwire/sdk';
import type { Item } from '@shopwire/sdk';
import { createTestContext, items, outputJson, runNode } from '@shopwire/testing';
import { executeWorkflow } from './execute-workflow.js';
import { noOp } from './no-op.js';
import { respondToWebhook } from './respond-to-webhook.js';
import { stopAndError } from './stop-and-error.js';
import { wait } from './wait.js';

const now = new Date('2025-05-01T12:00:00.000Z');

describe('flow nodes', () => {
  it('wait returns a durable wait for a duration or a date (past or invalid → now)', async () => {
    const input = items({ a: 1 });
    expect(await runNode({ node: wait, items: input, params: { amount: 90, unit: 'seconds' }, now })).toEqual(
      { wait: { until: '2025-05-01T12:01:30.000Z' }, items: input },
    );
    expect(
      await runNode({ node: wait, items: input, params: { amount: 2, unit: 'days' }, now }),
    ).toMatchObject({ wait: { until: '2025-05-03T12:00:00.000Z' } });
    expect(
      await runNode({
        node: wait,
        items: input,
        params: { mode: 'until', until: '2025-12-24T09:00:00+01:00' },
        now,
      }),
    ).toMatchObject({ wait: { until: '2025-12-24T08:00:00.000Z' } });
    expect(
      await runNode({ node: wait, items: input, params: { mode: 'until', until: '2020-01-01' }, now }),
    ).toMatchObject({ wait: { until: now.toISOString() } });
    expect(
      await runNode({ node: wait, items: input, params: { mode: 'until', until: 'someday' }, now }),
    ).toMatchObject({ wait: { until: now.toISOString() } });
  });

  it('respond to webhook sends the chosen body, status and headers and passes items on', async () => {
    const input = items({ id: 1 }, { id: 2 });
    const respond = async (params: Record<string, unknown>) => {
      const { ctx, responses } = createTestContext({ node: respondToWebhook, items: input, params });
      expect(await respondToWebhook.run!(ctx)).toBe(input);
      return responses[0];
    };
    expect(await respond({})).toEqual({ status: 200, headers: {}, body: { id: 1 } });
    expect(
      await respond({ respondWith: 'allItems', statusCode: 201, headers: [{ name: 'X-Id', value: '9' }] }),
    ).toEqual({ status: 201, headers: { 'x-id': '9' }, body: [{ id: 1 }, { id: 2 }] });
    expect(await respond({ respondWith: 'json', body: '{"ok":true}' })).toMatchObject({ body: { ok: true } });
    expect(await respond({ respondWith: 'text', body: 'thanks' })).toEqual({
      status: 200,
      headers: { 'content-type': 'text/plain; charset=utf-8' },
      body: 'thanks',
    });
    expect(await respond({ respondWith: 'noData', statusCode: 204 })).toEqual({ status: 204, headers: {} });
  });

  it('execute workflow runs once with all items or once per item', async () => {
    const calls: { id: string; items: Item[] }[] = [];
    const executeWorkflowFn = async (id: string, list: Item[]) => {
      calls.push({ id, items: list });
      return list.map((item) => ({ json: { ...item.json, by: id } }));
    };
    const input = items({ n: 1 }, { n: 2 });
    const once = await runNode({
      node: executeWorkflow,
      items: input,
      params: { workflowId: 'wf-9' },
      executeWorkflow: executeWorkflowFn,
    });
    expect(outputJson(once)).toEqual([
      { n: 1, by: 'wf-9' },
      { n: 2, by: 'wf-9' },
    ]);
    const each = await runNode({
      node: executeWorkflow,
      items: input,
      itemParams: [
        { workflowId: 'a', mode: 'eachItem' },
        { workflowId: 'b', mode: 'eachItem' },
      ],
      executeWorkflow: executeWorkflowFn,
    });
    expect(outputJson(each)).toEqual([
      { n: 1, by: 'a' },
      { n: 2, by: 'b' },
    ]);
    expect(calls.map((c) => c.items.length)).toEqual([2, 1, 1]);
  });

  it('stop and error throws with the message and code; no-op passes items', async () => {
    const error = await runNode({
      node: stopAndError,
      items: items({}),
      params: { message: 'Out of stock', code: 'OUT_OF_STOCK' },
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NodeError);
    expect(error).toMatchObject({ message: 'Out of stock', code: 'OUT_OF_STOCK' });
    await expect(runNode({ node: stopAndError, items: [], params: {} })).rejects.toThrow(/params\.message/);
    expect(outputJson(await runNode({ node: noOp, items: items({ x: 1 }) }))).toEqual([{ x: 1 }]);
  });
});

import { NodeError, defineNode, z } from '@shopwire/sdk';
import type { Item, JsonObject, JsonValue, NodeDefinition } from '@shopwire/sdk';
import { createDurabilityNodes } from './durability-nodes.js';

/** Call counters shared by one test's node set: runs per node id and measured concurrency. */
export interface TestCounters {
  calls: Map<string, number>;
  active: number;
  maxActive: number;
  /** events in the order they happened (durability tests) */
  order: string[];
}

const json = (items: Item[]): JsonObject[] => items.map((i) => i.json);

/** Pure test nodes (types `test.*`). A fresh set per test, so counters don't leak between tests. */
export function createTestNodes(): { nodes: NodeDefinition[]; counters: TestCounters } {
  const counters: TestCounters = { calls: new Map(), active: 0, maxActive: 0, order: [] };
  const count = (id: string): number => {
    const n = (counters.calls.get(id) ?? 0) + 1;
    counters.calls.set(id, n);
    return n;
  };
  const nodes: NodeDefinition[] = [
    defineNode({
      type: 'test.trigger',
      version: 1,
      displayName: 'Trigger',
      description: 'manual start',
      kind: 'trigger',
      group: 'Triggers',
      params: z.object({}),
      trigger: { type: 'manual' },
    }),
    defineNode({
      type: 'test.hook',
      version: 1,
      displayName: 'Hook',
      description: 'trigger with a run step',
      kind: 'trigger',
      group: 'Triggers',
      params: z.object({}),
      trigger: { type: 'manual' },
      run: async (ctx) => {
        count(ctx.node.id);
        return ctx.items.map((i) => ({ json: { ...i.json, received: true } }));
      },
    }),
    defineNode({
      type: 'test.passthrough',
      version: 1,
      displayName: 'Pass',
      description: 'returns its input',
      kind: 'transform',
      group: 'Flow',
      params: z.object({}),
      run: async (ctx) => {
        count(ctx.node.id);
        return ctx.items;
      },
    }),
    defineNode({
      type: 'test.set',
      version: 1,
      displayName: 'Set',
      description: 'merges values into each item',
      kind: 'transform',
      group: 'Transform',
      params: z.object({ values: z.record(z.string(), z.unknown()).default({}) }),
      run: async (ctx) => {
        count(ctx.node.id);
        return ctx.items.map((item, i) => ({
          json: { ...item.json, ...(ctx.itemParams[i]?.values as JsonObject) },
        }));
      },
    }),
    defineNode({
      type: 'test.if',
      version: 1,
      displayName: 'If',
      description: 'routes on a truthy field',
      kind: 'transform',
      group: 'Flow',
      params: z.object({ field: z.string() }),
      outputs: ['true', 'false'],
      run: async (ctx) => {
        count(ctx.node.id);
        const yes = ctx.items.filter((i) => Boolean(i.json[ctx.params.field]));
        return { true: yes, false: ctx.items.filter((i) => !yes.includes(i)) };
      },
    }),
    defineNode({
      type: 'test.switch',
      version: 1,
      displayName: 'Switch',
      description: 'routes on a field value',
      kind: 'transform',
      group: 'Flow',
      params: z.object({ field: z.string(), cases: z.array(z.string()) }),
      outputs: (p) => [...p.cases, 'fallback'],
      run: async (ctx) => {
        count(ctx.node.id);
        const out: Record<string, Item[]> = { fallback: [] };
        for (const c of ctx.params.cases) out[c] = [];
        for (const item of ctx.items) {
          const key = String(item.json[ctx.params.field]);
          (out[key] ?? out['fallback'])?.push(item);
        }
        return out;
      },
    }),
    defineNode({
      type: 'test.merge',
      version: 1,
      displayName: 'Merge',
      description: 'appends input 1 to input 0',
      kind: 'transform',
      group: 'Flow',
      params: z.object({}),
      inputs: 2,
      run: async (ctx) => {
        count(ctx.node.id);
        return [...(ctx.inputs[0] ?? []), ...(ctx.inputs[1] ?? [])];
      },
    }),
    defineNode({
      type: 'test.loop',
      version: 1,
      displayName: 'Loop',
      description: 'emits batches until done',
      kind: 'transform',
      group: 'Flow',
      params: z.object({ batchSize: z.number().int().min(1).default(1) }),
      inputs: 2,
      outputs: ['loop', 'done'],
      loop: true,
      run: async (ctx) => {
        count(ctx.node.id);
        type LoopState = { pending: JsonObject[]; results: JsonObject[] };
        let state = ctx.runState.get() as LoopState | null | undefined;
        const fresh = (ctx.inputs[0] ?? []).length > 0;
        if (fresh || !state) state = { pending: json(ctx.inputs[0] ?? []), results: [] };
        else state = { pending: state.pending, results: [...state.results, ...json(ctx.inputs[1] ?? [])] };
        if (state.pending.length > 0) {
          const batch = state.pending.slice(0, ctx.params.batchSize);
          ctx.runState.set({
            pending: state.pending.slice(batch.length),
            results: state.results,
          } as JsonValue);
          return { loop: batch.map((j) => ({ json: j })), done: [] };
        }
        ctx.runState.set(null);
        return { loop: [], done: state.results.map((j) => ({ json: j })) };
      },
    }),
    defineNode({
      type: 'test.failN',
      version: 1,
      displayName: 'Flaky',
      description: 'fails the first n runs',
      kind: 'action',
      group: 'Actions',
      params: z.object({ times: z.number().int() }),
      run: async (ctx) => {
        const n = count(ctx.node.id);
        if (n <= ctx.params.times)
          throw new NodeError(`flaky failure ${n}`, { code: 'FLAKY', retryable: true });
        return ctx.items.map((i) => ({ json: { ...i.json, attempts: n, key: ctx.idempotencyKey(0) } }));
      },
    }),
    defineNode({
      type: 'test.fail',
      version: 1,
      displayName: 'Fail',
      description: 'always fails',
      kind: 'action',
      group: 'Actions',
      params: z.object({ message: z.string().default('boom') }),
      run: async (ctx) => {
        count(ctx.node.id);
        throw new NodeError(ctx.params.message, { code: 'BOOM', itemIndex: 0 });
      },
    }),
    defineNode({
      type: 'test.wait',
      version: 1,
      displayName: 'Wait',
      description: 'pauses until a time',
      kind: 'action',
      group: 'Flow',
      params: z.object({ until: z.string() }),
      run: async (ctx) => {
        count(ctx.node.id);
        return { wait: { until: ctx.params.until }, items: ctx.items };
      },
    }),
    defineNode({
      type: 'test.slow',
      version: 1,
      displayName: 'Slow',
      description: 'sleeps via ctx.sleep',
      kind: 'action',
      group: 'Actions',
      params: z.object({ ms: z.number() }),
      run: async (ctx) => {
        count(ctx.node.id);
        counters.active += 1;
        counters.maxActive = Math.max(counters.maxActive, counters.active);
        try {
          await ctx.sleep(ctx.params.ms);
        } finally {
          counters.active -= 1;
        }
        return ctx.items;
      },
    }),
    defineNode({
      type: 'test.delay',
      version: 1,
      displayName: 'Delay',
      description: 'a transform that takes `ms` (may run again: no side effect)',
      kind: 'transform',
      group: 'Flow',
      params: z.object({ ms: z.number() }),
      run: async (ctx) => {
        count(ctx.node.id);
        await ctx.sleep(ctx.params.ms);
        return ctx.items;
      },
    }),
    defineNode({
      type: 'test.respond',
      version: 1,
      displayName: 'Respond',
      description: 'answers the webhook',
      kind: 'action',
      group: 'Flow',
      params: z.object({ status: z.number().default(200) }),
      run: async (ctx) => {
        count(ctx.node.id);
        ctx.respond({ status: ctx.params.status, body: { count: ctx.items.length } });
        return ctx.items;
      },
    }),
    defineNode({
      type: 'test.code',
      version: 1,
      displayName: 'Code',
      description: 'runs code in the sandbox',
      kind: 'transform',
      group: 'Transform',
      params: z.object({ code: z.string() }),
      rawParams: ['code'],
      run: async (ctx) => {
        count(ctx.node.id);
        const { now, timezone } = { now: ctx.now().toISOString(), timezone: ctx.workflow.timezone };
        const result = await ctx.sandbox.runCode({
          code: ctx.params.code,
          items: ctx.items,
          context: {
            nodes: {},
            vars: {},
            now,
            timezone,
            execution: { id: ctx.execution.id, mode: ctx.execution.mode },
            workflow: { id: ctx.workflow.id, name: ctx.workflow.name, active: false },
          },
        });
        return result.items;
      },
    }),
    defineNode({
      type: 'test.subworkflow',
      version: 1,
      displayName: 'Run workflow',
      description: 'calls a sub-workflow',
      kind: 'action',
      group: 'Flow',
      params: z.object({ workflowId: z.string() }),
      run: async (ctx) => {
        count(ctx.node.id);
        return ctx.executeWorkflow(ctx.params.workflowId, ctx.items);
      },
    }),
    defineNode({
      type: 'test.context',
      version: 1,
      displayName: 'Context',
      description: 'reports what the context offers',
      kind: 'action',
      group: 'Utility',
      params: z.object({ key: z.string().default('k') }),
      credentials: [{ name: 'api', type: 'test.api' }],
      run: async (ctx) => {
        count(ctx.node.id);
        ctx.logger.info('hello from context');
        const credential = await ctx.credential('api');
        await ctx.state.set(ctx.params.key, ctx.items.length);
        return [
          {
            json: {
              user: String(credential['user']),
              stored: (await ctx.state.get(ctx.params.key)) ?? null,
              key: ctx.idempotencyKey(1),
              runIndex: ctx.runIndex,
              workflow: ctx.workflow.name,
              timezone: ctx.workflow.timezone,
              mode: ctx.execution.mode,
            },
          },
        ];
      },
    }),
    defineNode({
      type: 'test.strict',
      version: 1,
      displayName: 'Strict',
      description: 'has strict params',
      kind: 'action',
      group: 'Actions',
      params: z.object({ url: z.url(), count: z.number().int() }),
      run: async (ctx) => {
        count(ctx.node.id);
        return ctx.itemParams.map((p) => ({ json: p as JsonObject }));
      },
    }),
    ...createDurabilityNodes(count, counters.order),
  ];
  return { nodes, counters };
}

import { describe, expect, expectTypeOf, it } from 'vitest';
import {
  defineCredentialType,
  defineNode,
  definePackage,
  isIdempotentRun,
  nodeInputCount,
  nodeOutputs,
  z,
} from './index.js';
import type { NodeContext } from './index.js';

const ifNode = defineNode({
  type: 'test.if',
  version: 1,
  displayName: 'If',
  description: 'routes items',
  kind: 'transform',
  group: 'Flow',
  params: z.object({ field: z.string(), min: z.number().default(0) }),
  outputs: ['true', 'false'],
  async run(ctx) {
    expectTypeOf(ctx.params).toEqualTypeOf<{ field: string; min: number }>();
    expectTypeOf(ctx.itemParams).toEqualTypeOf<{ field: string; min: number }[]>();
    return { true: ctx.items, false: [] };
  },
});

describe('defineNode', () => {
  it('types ctx.params from the zod schema', () => {
    expectTypeOf<Parameters<NonNullable<typeof ifNode.run>>[0]>().toEqualTypeOf<
      NodeContext<{ field: string; min: number }>
    >();
  });

  it('requires triggers to say how they start and other nodes to run', () => {
    expect(() =>
      defineNode({
        type: 't.trigger',
        version: 1,
        displayName: 'T',
        description: '',
        kind: 'trigger',
        group: 'Triggers',
        params: z.object({}),
      }),
    ).toThrow(/trigger must declare/);
    expect(() =>
      defineNode({
        type: 't.noop',
        version: 1,
        displayName: 'N',
        description: '',
        kind: 'transform',
        group: 'Flow',
        params: z.object({}),
      }),
    ).toThrow(/run\(ctx\) is required/);
  });

  it('derives inputs and outputs from params when they are functions', () => {
    const sw = defineNode({
      type: 't.switch',
      version: 1,
      displayName: 'S',
      description: '',
      kind: 'transform',
      group: 'Flow',
      params: z.object({ cases: z.number() }),
      inputs: (p) => p.cases,
      outputs: (p) => Array.from({ length: p.cases }, (_, i) => String(i)),
      run: async () => [],
    });
    expect(nodeOutputs(sw as never, { cases: 3 })).toEqual(['0', '1', '2']);
    expect(nodeInputCount(sw as never, { cases: 2 })).toBe(2);
    expect(nodeOutputs(ifNode as never, {})).toEqual(['true', 'false']);
  });

  it('refuses a package that declares the same node twice', () => {
    expect(() => definePackage({ name: 'p', nodes: [ifNode as never, ifNode as never] })).toThrow(/twice/);
  });

  it('declares credential types with secret fields', () => {
    const cred = defineCredentialType({
      type: 't.key',
      displayName: 'Key',
      schema: z.object({ key: z.string() }),
      secretFields: ['key'],
      authenticate: (data, request) => ({ ...request, headers: { ...request.headers, 'x-key': data.key } }),
    });
    expect(cred.authenticate?.({ key: 'k' }, { url: 'http://x' }).headers).toEqual({ 'x-key': 'k' });
  });
});

describe('isIdempotentRun', () => {
  const action = (idempotent?: boolean | ((p: { method: string }) => boolean)) =>
    defineNode({
      type: 'test.call',
      version: 1,
      displayName: 'Call',
      description: 'calls out',
      kind: 'action',
      group: 'Actions',
      params: z.object({ method: z.string() }),
      ...(idempotent === undefined ? {} : { idempotent }),
      run: async (ctx) => ctx.items,
    });

  it('is false unless declared', () => {
    expect(isIdempotentRun(action(), [{ method: 'GET' }])).toBe(false);
    expect(isIdempotentRun(action(true), [{ method: 'POST' }])).toBe(true);
    expect(isIdempotentRun(action(false), [{ method: 'GET' }])).toBe(false);
  });

  it('derived from params: every item of the run must qualify; a throwing check counts as no', () => {
    const byMethod = action((p) => p.method === 'GET');
    expect(isIdempotentRun(byMethod, [{ method: 'GET' }, { method: 'GET' }])).toBe(true);
    expect(isIdempotentRun(byMethod, [{ method: 'GET' }, { method: 'POST' }])).toBe(false);
    const broken = action(() => {
      throw new Error('bad params');
    });
    expect(isIdempotentRun(broken, [{ method: 'GET' }])).toBe(false);
  });
});

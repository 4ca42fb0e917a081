import { describe, expect, it } from 'vitest';
import { NodeError } from './errors.js';
import { runPerItem } from './per-item.js';
import type { NodeContext } from './define-node.js';

function ctx(items: number, params: { n: number }[]): NodeContext<{ n: number }> {
  return {
    items: Array.from({ length: items }, (_, i) => ({ json: { i } })),
    itemParams: params,
    params: params[0],
    node: { id: 'node-1' },
  } as unknown as NodeContext<{ n: number }>;
}

describe('runPerItem', () => {
  it('runs once per item with its params and pairs outputs (arrays become several items)', async () => {
    const out = await runPerItem(
      ctx(2, [{ n: 1 }, { n: 2 }]),
      { extra: 'x' },
      async ({ params, index, extra }) =>
        index === 0 ? { n: params.n, extra } : [{ n: params.n }, { n: params.n * 10 }, 'not an object'],
    );
    expect(out).toEqual([
      { json: { n: 1, extra: 'x' }, pairedItem: 0 },
      { json: { n: 2 }, pairedItem: 1 },
      { json: { n: 20 }, pairedItem: 1 },
    ]);
  });

  it('runs once without input and names the failing item', async () => {
    expect(await runPerItem(ctx(0, [{ n: 7 }]), {}, async ({ params }) => ({ n: params.n }))).toHaveLength(1);
    const failing = runPerItem(ctx(2, [{ n: 1 }, { n: 2 }]), {}, async ({ index }) => {
      if (index === 1) throw new NodeError('upstream said no', { httpStatus: 402 });
      return {};
    });
    await expect(failing).rejects.toMatchObject({ itemIndex: 1, nodeId: 'node-1', httpStatus: 402 });
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { explain, startHarness, type Harness } from './harness.js';

/** Weekly RFM over Shopify orders → Champions + Loyal added to the Klaviyo VIP list. */

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => h?.close());

/** RFM computed here from the fake's orders, independently of the analytics node. */
function expectedVips(orders: { email: string; at: number; total: number }[], now: number): string[] {
  const byCustomer = new Map<string, { last: number; count: number; money: number }>();
  for (const o of orders) {
    const c = byCustomer.get(o.email) ?? { last: 0, count: 0, money: 0 };
    c.last = Math.max(c.last, o.at);
    c.count += 1;
    c.money += o.total;
    byCustomer.set(o.email, c);
  }
  const rows = [...byCustomer].map(([email, c]) => ({
    email,
    recency: Math.floor((now - c.last) / 86_400_000),
    frequency: c.count,
    monetary: Math.round(c.money * 100) / 100,
  }));
  const n = rows.length;
  // score = ceil(5 · cume_dist), ties share the higher rank; recency ranks the other way
  const score = (value: number, all: number[], better: 'high' | 'low') =>
    Math.ceil((5 * all.filter((v) => (better === 'high' ? v <= value : v >= value)).length) / n);
  const r = rows.map((x) => x.recency);
  const f = rows.map((x) => x.frequency);
  const m = rows.map((x) => x.monetary);
  return rows
    .filter((x) => {
      const R = score(x.recency, r, 'low');
      const FM = Math.floor((score(x.frequency, f, 'high') + score(x.monetary, m, 'high')) / 2 + 0.5);
      return (R === 5 && FM >= 4) || ((R === 4 || R === 3) && FM >= 4);
    })
    .map((x) => x.email)
    .sort();
}

describe('template weekly-vip-rfm-klaviyo', () => {
  it('puts exactly the Champions and Loyal customers on the VIP list', async () => {
    const { shopify, klaviyo } = h.fakes;
    const listId = klaviyo.createList('VIP');
    const workflowId = await h.use('weekly-vip-rfm-klaviyo', {
      patch: (wf) => {
        wf.nodes.find((n: { id: string }) => n.id === 'list').params.listId = listId;
      },
    });
    const now = Date.now();
    const orders = shopify.state.orders
      .filter((o) => o.financialStatus === 'PAID' && Date.parse(o.createdAt) >= now - 365 * 86_400_000)
      .map((o) => {
        const email = shopify.state.customers.find((c) => c.id === o.customerId)?.email ?? o.email ?? '';
        return { email: email.toLowerCase(), at: Date.parse(o.createdAt), total: Number(o.total) };
      })
      .filter((o) => o.email);
    const expected = expectedVips(orders, now);
    expect(expected.length).toBeGreaterThan(5);

    const execution = await h.run(workflowId, 'schedule');
    expect(execution.status, await explain(h, execution)).toBe('success');
    expect(klaviyo.listMembers(listId).sort()).toEqual(expected);

    // next week, unchanged customers: same list, no duplicates
    expect((await h.run(workflowId, 'schedule')).status).toBe('success');
    expect(klaviyo.listMembers(listId).sort()).toEqual(expected);
  });
});

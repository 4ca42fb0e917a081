import { describe, expect, it } from 'vitest';
import { items, outputJson, runNode } from '@shopwire/testing';
import { rfmNode } from './rfm.js';

const orders = items(
  { customer: { email: 'a' }, createdAt: '2024-06-29T12:00:00Z', total: '500' },
  { customer: { email: 'a' }, createdAt: '2024-03-01T12:00:00Z', total: 400 },
  { customer: { email: 'b' }, createdAt: '2024-06-20T12:00:00Z', total: 40 },
  { customer: { email: 'c' }, createdAt: '2024-01-10T12:00:00Z', total: 700 },
  { customer: { email: 'c' }, createdAt: '2023-12-01T12:00:00Z', total: 0 },
  { customer: { email: 'd' }, createdAt: '2023-06-01T12:00:00Z', total: 20 },
);
const params = {
  customerField: 'customer.email',
  dateField: 'createdAt',
  amountField: 'total',
  asOf: '2024-06-30',
};

describe('analytics.rfm', () => {
  it('aggregates orders per customer and scores them (hand-derived)', async () => {
    // recency a 0, b 9, c 171, d 394 → R 5, 4, 3 (⌈5·2/4⌉ = 3), 2 (⌈5·1/4⌉ = 2)
    // frequency a 2, b 1, c 2, d 1 → #≤1 = 2 → 3; #≤2 = 4 → 5
    // monetary a 900, b 40, c 700, d 20 → 5, 3, 4, 2
    const rows = outputJson(await runNode({ node: rfmNode, items: orders, params })) as Record<
      string,
      unknown
    >[];
    expect(rows.map((r) => [r.customer, r.frequency, r.monetary, r.recencyDays, r.rfm, r.segment])).toEqual([
      ['a', 2, 900, 0, '555', 'Champions'],
      ['b', 1, 40, 9, '433', 'Potential loyalist'], // FM = 3
      ['c', 2, 700, 171, '354', 'Loyal'], // FM = round(4.5) = 5; R 3 × FM 5
      ['d', 1, 20, 394, '232', 'At risk'], // FM = round(2.5) = 3; R 2 × FM 3
    ]);
    expect(rows[0]!.lastOrderAt).toBe('2024-06-29T12:00:00.000Z');
  });

  it('customer summaries: customers with no orders are left out', async () => {
    const rows = outputJson(
      await runNode({
        node: rfmNode,
        items: items(
          { id: 1, last: '2024-06-01', n: 3, spent: 90 },
          { id: 2, last: null, n: 0, spent: 0 },
          { id: 3, last: '2024-06-01', n: 3, spent: 90 },
        ),
        params: {
          input: 'customers',
          customerField: 'id',
          dateField: 'last',
          frequencyField: 'n',
          amountField: 'spent',
          asOf: '2024-06-30',
        },
      }),
    ) as Record<string, unknown>[];
    // two identical customers: every score ties → 5 (ties share the higher rank)
    expect(rows.map((r) => [r.customer, r.rfm, r.recencyDays])).toEqual([
      ['1', '555', 29],
      ['3', '555', 29],
    ]);
  });

  it('no orders → no items; asOf defaults to now', async () => {
    expect(outputJson(await runNode({ node: rfmNode, items: [], params }))).toEqual([]);
    const rows = outputJson(
      await runNode({
        node: rfmNode,
        items: items({ customerId: 'z', createdAt: '2024-01-01T00:00:00Z', total: 1 }),
        now: new Date('2024-01-11T00:00:00Z'),
      }),
    ) as Record<string, unknown>[];
    expect(rows[0]).toMatchObject({ customer: 'z', recencyDays: 10, rfm: '555', segment: 'Champions' });
  });

  it('bad data names the field and item', async () => {
    await expect(
      runNode({ node: rfmNode, items: items({ customerId: 'a', createdAt: 'yesterday', total: 1 }) }),
    ).rejects.toThrow(/createdAt: item 0: expected a date/);
    await expect(
      runNode({ node: rfmNode, items: items({ customerId: 'a', createdAt: '2024-01-01', total: 'n/a' }) }),
    ).rejects.toThrow(/total: item 0: expected a number, got "n\/a"/);
    await expect(
      runNode({ node: rfmNode, items: items({ createdAt: '2024-01-01', total: 1 }) }),
    ).rejects.toThrow(/customerId: item 0: no customer/);
    await expect(runNode({ node: rfmNode, params: { asOf: 'soon' } })).rejects.toThrow(/asOf/);
  });
});

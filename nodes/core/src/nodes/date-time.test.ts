import { describe, expect, it } from 'vitest';
import { items, outputJson, runNode } from '@shopwire/testing';
import { dateTime } from './date-time.js';

const now = new Date('2025-07-14T21:30:00.000Z');

describe('core.dateTime', () => {
  it('formats a field in the workflow time zone by default', async () => {
    const result = await runNode({
      node: dateTime,
      items: items({ order: { createdAt: '2025-07-14T21:30:00Z' } }),
      params: {
        operation: 'format',
        field: 'order.createdAt',
        format: 'dd/MM/yyyy HH:mm',
        outputField: 'order.local',
      },
      timezone: 'Asia/Tokyo',
    });
    expect(outputJson(result)).toEqual([
      { order: { createdAt: '2025-07-14T21:30:00Z', local: '15/07/2025 06:30' } },
    ]);
  });

  it('adds, subtracts, takes the start of a unit and diffs', async () => {
    const base = { field: 'at', timezone: 'Europe/Paris' };
    const input = items({ at: '2025-03-29T12:00:00+01:00' });
    const run = (params: Record<string, unknown>) =>
      runNode({ node: dateTime, items: input, params: { ...base, ...params }, now }).then(
        (r) => outputJson(r)[0],
      );
    expect(await run({ operation: 'add', amount: 1, unit: 'days' })).toMatchObject({
      date: '2025-03-30T10:00:00.000Z',
    });
    expect(await run({ operation: 'subtract', amount: 2, unit: 'hours', format: 'HH:mm' })).toMatchObject({
      date: '10:00',
    });
    expect(await run({ operation: 'startOf', unit: 'months' })).toMatchObject({
      date: '2025-02-28T23:00:00.000Z',
    });
    expect(
      await run({ operation: 'diff', unit: 'days', compareTo: '2025-04-05T12:00:00+02:00' }),
    ).toMatchObject({ date: 7 });
    expect(await run({ operation: 'diff', unit: 'months' })).toMatchObject({ date: 3 });
  });

  it('parses with a format and gives now', async () => {
    const parsed = await runNode({
      node: dateTime,
      items: items({ d: '24/12/2025 09:00' }),
      params: { operation: 'parse', field: 'd', format: 'dd/MM/yyyy HH:mm', timezone: 'Europe/London' },
    });
    expect(outputJson(parsed)[0]).toMatchObject({ date: '2025-12-24T09:00:00.000Z' });
    const current = await runNode({
      node: dateTime,
      items: [],
      params: { operation: 'now', outputField: 'ts' },
      now,
    });
    expect(outputJson(current)).toEqual([{ ts: '2025-07-14T21:30:00.000Z' }]);
  });

  it('names bad dates and unknown time zones', async () => {
    await expect(
      runNode({ node: dateTime, items: items({ d: 'soon' }), params: { operation: 'format', field: 'd' } }),
    ).rejects.toThrow(/field "d" of item 0 is not a valid date/);
    await expect(
      runNode({ node: dateTime, items: items({}), params: { operation: 'now', timezone: 'Mars/Olympus' } }),
    ).rejects.toThrow(/timezone: unknown time zone/);
    await expect(
      runNode({
        node: dateTime,
        items: items({}),
        params: { operation: 'add', value: '2025-01-01', amount: 0.5, unit: 'months' },
      }),
    ).rejects.toThrow(/amount: months must be a whole number/);
  });
});

import { afterAll, describe, expect, it } from 'vitest';
import { ValidationError } from '@shopwire/sdk';
import { createSandboxPool } from './index.js';
import { expressionContext } from './test-helpers.js';

const pool = createSandboxPool({ size: 2 });
afterAll(() => pool.close());

async function evalOne(template: string, index = 0, context = expressionContext()): Promise<unknown> {
  const { values } = await pool.evaluateExpressions({ templates: [template], context, itemIndexes: [index] });
  const cell = values[0]?.[0];
  if (cell === undefined) throw new Error('no cell');
  if (!cell.ok) throw new Error(`${cell.error.code}: ${cell.error.message}`);
  return cell.value;
}

describe('expression typing and concatenation', () => {
  it('keeps the JS type of a single segment, whitespace around allowed', async () => {
    expect(await evalOne('{{ $json.qty * $json.price }}')).toBe(9);
    expect(await evalOne('  {{ $json.tags }}  ')).toEqual(['a', 'b']);
    expect(await evalOne('{{ { total: $json.qty } }}')).toEqual({ total: 2 });
    expect(await evalOne('{{ $json.qty > 1 }}')).toBe(true);
    expect(await evalOne('{{ null }}')).toBeNull();
    expect(await evalOne('{{ undefined }}')).toBeNull();
    expect(await evalOne('={{ $json.name }}')).toBe('Mug');
  });

  it('concatenates segments with literal text', async () => {
    expect(await evalOne('Total: {{ $json.qty * $json.price }} EUR')).toBe('Total: 9 EUR');
    expect(await evalOne('{{ $json.name }}-{{ $json.qty }}')).toBe('Mug-2');
    expect(await evalOne('x{{ {a:{b:1}} }}y{{ [1,2] }}')).toBe('x{"a":{"b":1}}y[1,2]');
    expect(await evalOne('[{{ null }}|{{ undefined }}|{{ true }}]')).toBe('[||true]');
    expect(await evalOne('{{ "}}" }} and {{ "{{" }}')).toBe('}} and {{');
    expect(await evalOne('no expression here')).toBe('no expression here');
  });

  it('evaluates every template for every item in one batch', async () => {
    const { values } = await pool.evaluateExpressions({
      templates: ['{{ $json.name }}', '{{ $index }}', 'n={{ $items.length }}'],
      context: expressionContext(),
    });
    expect(values).toEqual([
      [
        { ok: true, value: 'Mug' },
        { ok: true, value: 0 },
        { ok: true, value: 'n=2' },
      ],
      [
        { ok: true, value: 'Tee' },
        { ok: true, value: 1 },
        { ok: true, value: 'n=2' },
      ],
    ]);
  });

  it('evaluates once when there are no items', async () => {
    const { values } = await pool.evaluateExpressions({
      templates: ['{{ Object.keys($json).length }}'],
      context: expressionContext({ items: [] }),
    });
    expect(values).toEqual([[{ ok: true, value: 0 }]]);
  });

  it('lets an expression sort or change its own copy of the data without affecting other batches', async () => {
    expect(await evalOne('{{ $json.tags.sort().reverse() }}')).toEqual(['b', 'a']);
    expect(
      await evalOne('{{ $input.all().sort((a, b) => b.json.qty - a.json.qty).map(i => i.json.name) }}'),
    ).toEqual(['Mug', 'Tee']);
    expect(await evalOne('{{ ($json.name = "changed", $json.name) }}')).toBe('changed');
    expect(await evalOne('{{ $json.name }}')).toBe('Mug');
  });

  it('drops values JSON cannot hold', async () => {
    expect(await evalOne('{{ ({ a: 1, f: () => 1, u: undefined }) }}')).toEqual({ a: 1 });
    expect(await evalOne('{{ () => 1 }}')).toBeNull();
  });
});

describe('expression variables', () => {
  it('exposes $input, $items, $vars, $execution, $workflow', async () => {
    expect(
      await evalOne(
        '{{ $input.all().length }}|{{ $input.first().json.name }}|{{ $input.last().json.name }}|{{ $input.item.json.name }}',
        1,
      ),
    ).toBe('2|Mug|Tee|Tee');
    expect(await evalOne('{{ $items[1].json.qty }}')).toBe(1);
    expect(await evalOne('{{ $vars.shopName }}')).toBe('Corner Shop');
    expect(await evalOne('{{ $execution.id }} {{ $execution.mode }} {{ $execution.resumeUrl }}')).toBe(
      'exec-1 manual http://127.0.0.1/resume/exec-1',
    );
    expect(await evalOne('{{ $workflow }}')).toEqual({ id: 'wf-1', name: 'Orders', active: true });
  });

  it("reads other nodes with $('Name') and $node['Name'], paired by item index", async () => {
    expect(await evalOne("{{ $('Shopify Trigger').item.json.order }}", 1)).toBe(1002);
    expect(await evalOne("{{ $('Shopify Trigger').json.order }}", 0)).toBe(1001);
    expect(
      await evalOne(
        "{{ $('Shopify Trigger').first().json.order }}-{{ $('Shopify Trigger').last().json.order }}",
      ),
    ).toBe('1001-1002');
    expect(await evalOne("{{ $('Shopify Trigger').all().map(i => i.json.order) }}")).toEqual([1001, 1002]);
    expect(await evalOne("{{ $node['Shopify Trigger'].json.order }}", 1)).toBe(1002);
    expect(await evalOne('{{ $node.Single.item.json.only }}', 1)).toBe(true); // falls back to the first item
    expect(await evalOne('{{ Object.keys($node) }}')).toEqual(['Shopify Trigger', 'Single']);
  });

  it('names an unknown node in the error', async () => {
    await expect(evalOne("{{ $('Missing').json }}")).rejects.toThrow(
      "node 'Missing' is not available: it has not run or is not upstream",
    );
    await expect(evalOne("{{ $node['Missing'].json }}")).rejects.toThrow("node 'Missing' is not available");
  });

  it('gives timezone-aware $now, $today and DateTime', async () => {
    // 2024-03-10T23:30Z is already Monday 00:30 in Berlin (UTC+1)
    expect(await evalOne('{{ $now.toISO() }}')).toBe('2024-03-11T00:30:00.000+01:00');
    expect(await evalOne('{{ $now }}')).toBe('2024-03-11T00:30:00.000+01:00');
    expect(await evalOne('{{ $today.toISO() }}')).toBe('2024-03-11T00:00:00.000+01:00');
    expect(await evalOne('{{ $now.toMillis() }}')).toBe(Date.parse('2024-03-10T23:30:00.000Z'));
    expect(
      await evalOne('{{ $now.weekday }} {{ $now.year }} {{ $now.month }} {{ $now.day }} {{ $now.hour }}'),
    ).toBe('1 2024 3 11 0');
    expect(await evalOne("{{ $now.format('yyyy-MM-dd HH:mm:ss') }}")).toBe('2024-03-11 00:30:00');
    expect(await evalOne('{{ $now.plus({ days: 20 }).toISO() }}')).toBe('2024-03-31T00:30:00.000+01:00');
    // across the DST switch on 2024-03-31 the wall-clock time is kept
    expect(await evalOne('{{ $now.plus({ days: 21 }).toISO() }}')).toBe('2024-04-01T00:30:00.000+02:00');
    expect(await evalOne('{{ $now.minus({ months: 1, hours: 1 }).toISO() }}')).toBe(
      '2024-02-10T23:30:00.000+01:00',
    );
    expect(await evalOne("{{ $now.plus({ weeks: 1, minutes: 5, seconds: 7 }).format('dd HH:mm:ss') }}")).toBe(
      '18 00:35:07',
    );
    expect(await evalOne("{{ $now.startOf('week').toISO() }}")).toBe('2024-03-11T00:00:00.000+01:00');
    expect(await evalOne("{{ $now.startOf('month').toISO() }}")).toBe('2024-03-01T00:00:00.000+01:00');
    expect(await evalOne("{{ $now.startOf('year').toISO() }}")).toBe('2024-01-01T00:00:00.000+01:00');
    expect(await evalOne("{{ $now.endOf('month').toISO() }}")).toBe('2024-03-31T23:59:59.999+02:00');
    expect(await evalOne("{{ $now.endOf('day').format('HH:mm:ss') }}")).toBe('23:59:59');
    expect(await evalOne("{{ DateTime.fromISO('2024-01-31T10:00:00Z').plus({ months: 1 }).toISO() }}")).toBe(
      '2024-02-29T11:00:00.000+01:00',
    );
    expect(await evalOne("{{ DateTime.fromISO('2024-07-01 12:00').toISO() }}")).toBe(
      '2024-07-01T12:00:00.000+02:00',
    );
    expect(await evalOne('{{ typeof DateTime.now().toMillis() }}')).toBe('number');
    expect(await evalOne('{{ $now.valueOf() === $now.toMillis() && String($now) === $now.toISO() }}')).toBe(
      true,
    );
    const ny = expressionContext({ timezone: 'America/New_York' });
    expect(await evalOne("{{ $now.format('yyyy-MM-dd HH:mm') }} {{ $today.toISO() }}", 0, ny)).toBe(
      '2024-03-10 19:30 2024-03-10T00:00:00.000-05:00',
    );
    expect(await evalOne('{{ $now.toISO() }}', 0, expressionContext({ timezone: 'UTC' }))).toBe(
      '2024-03-10T23:30:00.000Z',
    );
  });

  it('makes DateTime values immutable', async () => {
    expect(await evalOne('{{ (() => { try { $now.ts = 1 } catch (e) { return "blocked" } })() }}')).toBe(
      'blocked',
    );
    expect(await evalOne('{{ (() => { const a = $now; a.plus({ days: 1 }); return a.toISO() })() }}')).toBe(
      '2024-03-11T00:30:00.000+01:00',
    );
  });
});

describe('expression errors are per cell', () => {
  it('fails only the cells of a template with a syntax error', async () => {
    const { values } = await pool.evaluateExpressions({
      templates: [
        '{{ $json.name }}',
        'bad {{ $json.( }}',
        '{{ $json.nope.deeper }}',
        '{{ (() => { throw new Error("custom") })() }}',
      ],
      context: expressionContext(),
    });
    expect(values).toHaveLength(2);
    for (const row of values) {
      expect(row[0]?.ok).toBe(true);
      expect(row[1]).toMatchObject({ ok: false, error: { code: 'SANDBOX_SYNTAX' } });
      expect(row[2]).toMatchObject({
        ok: false,
        error: { code: 'SANDBOX_RUNTIME', message: expect.stringContaining("reading 'deeper'") },
      });
      expect(row[3]).toEqual({ ok: false, error: { code: 'SANDBOX_RUNTIME', message: 'custom' } });
    }
  });

  it('reports values JSON cannot encode as a cell error', async () => {
    const { values } = await pool.evaluateExpressions({
      templates: ['{{ 10n }}', '{{ 1 }}'],
      context: expressionContext(),
      itemIndexes: [0],
    });
    expect(values[0]?.[0]).toMatchObject({
      ok: false,
      error: { code: 'SANDBOX_RUNTIME', message: expect.stringContaining('BigInt') },
    });
    expect(values[0]?.[1]).toEqual({ ok: true, value: 1 });
  });

  it('rejects bad requests with a ValidationError naming the field', async () => {
    const context = expressionContext();
    await expect(pool.evaluateExpressions({ templates: [1 as unknown as string], context })).rejects.toThrow(
      ValidationError,
    );
    await expect(
      pool.evaluateExpressions({ templates: ['{{1}}'], context, itemIndexes: [5] }),
    ).rejects.toThrow('itemIndexes.0');
    await expect(
      pool.evaluateExpressions({ templates: ['{{1}}'], context: { ...context, timezone: 'Mars/Base' } }),
    ).rejects.toThrow('context.timezone');
    await expect(
      pool.evaluateExpressions({ templates: ['{{1}}'], context: { ...context, now: 'yesterday' } }),
    ).rejects.toThrow('context.now');
  });
});

import { describe, expect, it } from 'vitest';
import type { Item, JsonObject } from './items.js';
import { itemsJson, jsonObjectsJson, jsonText, rememberJsonText } from './json-text.js';

describe('itemsJson', () => {
  it('is JSON.stringify when no text is known', () => {
    const items: Item[] = [
      { json: { a: 1, skip: undefined, f: () => 1, nested: { b: [1, 'x'] } } as never, pairedItem: 0 },
      { json: {}, binary: { f: { mimeType: 'text/plain', data: 'eA==', size: 1 } } },
    ];
    expect(itemsJson(items)).toBe(JSON.stringify(items));
    expect(itemsJson([])).toBe('[]');
  });

  it('writes a known body as its own text, which parses to the same items', () => {
    const text = '{ "orderId": 7,\n "lines": [ {"sku": "A", "qty": 2.0} ] }';
    const body = JSON.parse(text) as Record<string, never>;
    rememberJsonText(body, text);
    const items: Item[] = [
      { json: { body, headers: { 'content-type': 'application/json' }, gone: undefined as never } },
    ];
    const out = itemsJson(items);
    expect(out).toContain(text);
    expect(JSON.parse(out)).toEqual(JSON.parse(JSON.stringify(items)));
    // the item json itself may be known too
    const json = { id: 1 };
    rememberJsonText(json, '{"id":1}');
    expect(itemsJson([{ json, pairedItem: 3 }])).toBe('[{"json":{"id":1},"pairedItem":3}]');
    // and so may the whole list (a Code node's answer), however long
    const list: Item[] = Array.from({ length: 40 }, (_, i) => ({ json: { i } }));
    rememberJsonText(list, JSON.stringify(list, null, 1));
    expect(itemsJson(list)).toBe(JSON.stringify(list, null, 1));
  });

  it('does the same one level up for lists of item json (expression context)', () => {
    const body = JSON.parse('{"total": 39}') as Record<string, never>;
    rememberJsonText(body, '{"total": 39}');
    const values = [{ body, id: 'x', missing: undefined }, { plain: [1, 2] }] as unknown as JsonObject[];
    expect(jsonObjectsJson(values)).toBe('[{"body":{"total": 39},"id":"x"},{"plain":[1,2]}]');
    expect(JSON.parse(jsonObjectsJson(values))).toEqual(JSON.parse(JSON.stringify(values)));
    expect(jsonObjectsJson([{ a: { b: 1 } }])).toBe(JSON.stringify([{ a: { b: 1 } }]));
  });

  it('gives the known text of a value, or serializes it', () => {
    const json = { id: 2 };
    rememberJsonText(json, '{ "id": 2 }');
    expect(jsonText(json)).toBe('{ "id": 2 }');
    for (const value of [{ id: 3 }, [1], 'x', 4, null, true])
      expect(jsonText(value)).toBe(JSON.stringify(value));
    expect(jsonText(undefined)).toBeUndefined();
  });

  it('falls back to JSON.stringify for values with toJSON and for long lists', () => {
    const body = { a: 1 };
    rememberJsonText(body, '{"a": 1}');
    const withToJson = { json: { body, toJSON: () => ({ replaced: true }) } } as unknown as Item;
    expect(itemsJson([withToJson])).toBe(JSON.stringify([withToJson]));
    const many: Item[] = Array.from({ length: 17 }, () => ({ json: { body } }));
    expect(itemsJson(many)).toBe(JSON.stringify(many));
  });
});

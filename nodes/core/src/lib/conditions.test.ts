import { NodeError } from '@shopwire/sdk';
import { describe, expect, it } from 'vitest';
import { evaluateCondition, evaluateConditions } from './conditions.js';
import type { Condition, Operator } from './conditions.js';

const check = (left: unknown, operator: Operator, right?: unknown): boolean =>
  evaluateCondition({ left, operator, right } as Condition, 'conditions.0');

describe('conditions', () => {
  it('equals / notEquals compare loosely', () => {
    expect(check(1, 'equals', '1')).toBe(true);
    expect(check('TRUE', 'equals', true)).toBe(true);
    expect(check({ a: 1, b: 2 }, 'equals', { b: 2, a: 1 })).toBe(true);
    expect(check(null, 'equals', undefined)).toBe(true);
    expect(check('a', 'equals', 'A')).toBe(false);
    expect(check(2, 'notEquals', '3')).toBe(true);
    expect(check(0, 'equals', null)).toBe(false);
  });

  it('gt / gte / lt / lte order numbers, numeric strings and dates', () => {
    expect(check('10', 'gt', 9)).toBe(true);
    expect(check(10, 'gt', 10)).toBe(false);
    expect(check(10, 'gte', '10')).toBe(true);
    expect(check('2025-01-02', 'lt', '2025-01-10T00:00:00Z')).toBe(true);
    expect(check(3, 'lte', 2)).toBe(false);
    expect(check(null, 'lt', 5)).toBe(false);
    expect(check('b', 'gt', 'a')).toBe(true);
  });

  it('contains / notContains / startsWith / endsWith', () => {
    expect(check('Blue T-shirt', 'contains', 'T-shirt')).toBe(true);
    expect(check(['a', 2], 'contains', '2')).toBe(true);
    expect(check({ sku: 1 }, 'contains', 'sku')).toBe(true);
    expect(check('abc', 'notContains', 'x')).toBe(true);
    expect(check('SKU-12', 'startsWith', 'SKU')).toBe(true);
    expect(check('file.csv', 'endsWith', '.csv')).toBe(true);
    expect(check(null, 'startsWith', '')).toBe(false);
  });

  it('isEmpty / isNotEmpty / isTrue / isFalse', () => {
    for (const empty of [null, undefined, '', '  ', [], {}]) expect(check(empty, 'isEmpty')).toBe(true);
    expect(check(0, 'isEmpty')).toBe(false);
    expect(check('x', 'isNotEmpty')).toBe(true);
    expect(check('yes', 'isTrue')).toBe(true);
    expect(check(true, 'isTrue')).toBe(true);
    expect(check('maybe', 'isTrue')).toBe(false);
    expect(check('false', 'isFalse')).toBe(true);
    expect(check(0, 'isFalse')).toBe(true);
    expect(check('', 'isFalse')).toBe(false);
  });

  it('regex accepts bare and /literal/flags patterns and names a bad one', () => {
    expect(check('ORDER-123', 'regex', '^ORDER-\\d+$')).toBe(true);
    expect(check('order-1', 'regex', '/^ORDER/i')).toBe(true);
    expect(check('order-1', 'regex', '^ORDER')).toBe(false);
    expect(() => check('x', 'regex', '(')).toThrow(/conditions\.0\.right: invalid regular expression/);
  });

  it('combines with and/or and reports the item index', () => {
    const conditions = [
      { left: 5, operator: 'gt', right: 1 },
      { left: 'a', operator: 'equals', right: 'b' },
    ] as Condition[];
    expect(evaluateConditions({ conditions, combine: 'and' })).toBe(false);
    expect(evaluateConditions({ conditions, combine: 'or' })).toBe(true);
    expect(evaluateConditions({ conditions: [], combine: 'and' })).toBe(true);
    const bad = [{ left: 'x', operator: 'regex', right: '[' }] as Condition[];
    const error = (() => {
      try {
        evaluateConditions({ conditions: bad, combine: 'and', field: 'rules.1.conditions', itemIndex: 4 });
      } catch (e) {
        return e as NodeError;
      }
    })();
    expect(error).toBeInstanceOf(NodeError);
    expect(error?.itemIndex).toBe(4);
    expect(error?.message).toMatch(/^rules\.1\.conditions\.0\.right: .*\(item 4\)$/);
  });
});

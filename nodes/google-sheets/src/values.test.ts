import { describe, expect, it } from 'vitest';
import { columnLetter, getField, rangeStart, rowsToObjects, toCell } from './values.js';

describe('sheet values', () => {
  it('turns item fields into cells', () => {
    expect([toCell(null), toCell(3), toCell(true), toCell({ a: 1 }), toCell(Number.NaN)]).toEqual([
      '',
      3,
      true,
      '{"a":1}',
      '',
    ]);
    expect(getField({ a: { b: [{ c: 5 }] } }, 'a.b.0.c')).toBe(5);
    expect(getField({ 'a.b': 1 }, 'a.b')).toBe(1);
  });

  it('keys rows by the header, naming blank and duplicate columns', () => {
    expect(rowsToObjects({ header: ['sku', '', 'sku'], rows: [['A', 'x']], firstColumn: 1 })).toEqual([
      { sku: 'A', C: 'x', sku_2: '' },
    ]);
  });

  it('reads A1 starts and column letters', () => {
    expect(rangeStart("'My Sheet'!C5:D")).toEqual({ row: 5, column: 2 });
    expect(rangeStart('Sheet1')).toEqual({ row: 1, column: 0 });
    expect([columnLetter(0), columnLetter(25), columnLetter(26), columnLetter(701)]).toEqual([
      'A',
      'Z',
      'AA',
      'ZZ',
    ]);
  });
});

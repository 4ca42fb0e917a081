import { describe, expect, it } from 'vitest';
import { matchesSearch, parseSearch } from './search-query.js';

interface Row {
  email: string;
  created: string;
  total: number;
  tags: string[];
}
const fields = {
  email: (r: Row) => r.email,
  created_at: (r: Row) => r.created,
  total: (r: Row) => r.total,
  tag: (r: Row) => r.tags,
};
const row: Row = { email: 'ava@example.test', created: '2026-05-02T00:00:00Z', total: 40, tags: ['vip'] };
const match = (q: string) => matchesSearch(row, q, fields, (r) => r.email);

describe('Shopify search subset', () => {
  it('parses comparators, quotes and negation', () => {
    expect(parseSearch('created_at:>=2026-01-01 -tag:"a b" ava')).toEqual([
      { negate: false, field: 'created_at', op: '>=', value: '2026-01-01' },
      { negate: true, field: 'tag', op: '=', value: 'a b' },
      { negate: false, op: '=', value: 'ava' },
    ]);
  });

  it('matches fields, ranges, lists and free text', () => {
    expect(match('email:AVA@example.test')).toBe(true);
    expect(match('created_at:>2026-05-01 total:<=40')).toBe(true);
    expect(match('created_at:<2026-05-01')).toBe(false);
    expect(match('tag:vip -tag:wholesale')).toBe(true);
    expect(match('example')).toBe(true);
    expect(match('unknown_field:x')).toBe(true);
  });
});

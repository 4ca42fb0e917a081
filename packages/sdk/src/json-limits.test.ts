import { describe, expect, it } from 'vitest';
import { jsonDepthExceeds } from './json-limits.js';

function nested(depth: number): unknown {
  let value: unknown = 1;
  for (let i = 0; i < depth; i++) value = i % 2 ? [value] : { a: value };
  return value;
}

describe('jsonDepthExceeds', () => {
  it('counts object and array levels', () => {
    expect(jsonDepthExceeds(1, 0)).toBe(false);
    expect(jsonDepthExceeds({}, 0)).toBe(true);
    expect(jsonDepthExceeds(nested(3), 3)).toBe(false);
    expect(jsonDepthExceeds(nested(4), 3)).toBe(true);
    expect(jsonDepthExceeds({ a: [1, { b: 2 }], c: null }, 3)).toBe(false);
    expect(jsonDepthExceeds({ a: [1, { b: {} }], c: null }, 3)).toBe(true);
  });

  it('handles nesting far beyond the stack without overflowing', () => {
    expect(jsonDepthExceeds(JSON.parse('['.repeat(200_000) + ']'.repeat(200_000)))).toBe(true);
  });
});

import { describe, expect, it } from 'vitest';
import { quantity, squareIdempotencyKey } from './params.js';

describe('square params', () => {
  it('keeps short idempotency keys and hashes long ones to a stable key within the cap', () => {
    expect(squareIdempotencyKey('exec-1:node-1:0:0')).toBe('exec-1:node-1:0:0');
    const long = `exec-${'x'.repeat(60)}:node-1:0:3`;
    const hashed = squareIdempotencyKey(long);
    expect(hashed).toHaveLength(45);
    expect(squareIdempotencyKey(long)).toBe(hashed);
    expect(squareIdempotencyKey(`${long}4`)).not.toBe(hashed);
  });

  it('turns quantities into decimal strings and refuses other text', () => {
    expect(quantity.parse(2)).toBe('2');
    expect(quantity.parse('1.5')).toBe('1.5');
    expect(quantity.safeParse('two').success).toBe(false);
    expect(quantity.safeParse(-1).success).toBe(false);
  });
});

import { describe, expect, it } from 'vitest';
import { CircuitBreaker } from './circuit-breaker.js';

function clocked(options: { failureThreshold: number; cooldownMs: number }) {
  let now = 1_000;
  const breaker = new CircuitBreaker({ ...options, now: () => now });
  return { breaker, advance: (ms: number) => void (now += ms) };
}

describe('CircuitBreaker', () => {
  it('opens after N consecutive failures and refuses calls during the cooldown', () => {
    const { breaker, advance } = clocked({ failureThreshold: 3, cooldownMs: 1_000 });
    for (let i = 0; i < 2; i++) {
      expect(breaker.acquire('a')).toBe(true);
      breaker.failure('a');
    }
    expect(breaker.state('a')).toBe('closed');
    breaker.failure('a');
    expect(breaker.state('a')).toBe('open');
    expect(breaker.acquire('a')).toBe(false);
    expect(breaker.retryInMs('a')).toBe(1_000);
    advance(999);
    expect(breaker.acquire('a')).toBe(false);
    // other origins are not affected
    expect(breaker.acquire('b')).toBe(true);
  });

  it('a success resets the count: only consecutive failures open it', () => {
    const { breaker } = clocked({ failureThreshold: 2, cooldownMs: 1_000 });
    breaker.failure('a');
    breaker.success('a');
    breaker.failure('a');
    expect(breaker.state('a')).toBe('closed');
    breaker.failure('a');
    expect(breaker.state('a')).toBe('open');
  });

  it('half-open lets exactly one probe through; its success closes the circuit', () => {
    const { breaker, advance } = clocked({ failureThreshold: 1, cooldownMs: 500 });
    breaker.failure('a');
    advance(500);
    expect(breaker.state('a')).toBe('half-open');
    expect(breaker.acquire('a')).toBe(true);
    expect(breaker.acquire('a')).toBe(false); // the probe is in flight
    breaker.success('a');
    expect(breaker.state('a')).toBe('closed');
    expect(breaker.acquire('a')).toBe(true);
  });

  it('a failed probe re-opens the circuit for a new cooldown', () => {
    const { breaker, advance } = clocked({ failureThreshold: 1, cooldownMs: 500 });
    breaker.failure('a');
    advance(600);
    expect(breaker.acquire('a')).toBe(true);
    breaker.failure('a');
    expect(breaker.state('a')).toBe('open');
    expect(breaker.acquire('a')).toBe(false);
    advance(500);
    expect(breaker.acquire('a')).toBe(true);
  });

  it('a probe that never reports back, or is released, does not block the circuit', () => {
    const { breaker, advance } = clocked({ failureThreshold: 1, cooldownMs: 500 });
    breaker.failure('a');
    advance(500);
    expect(breaker.acquire('a')).toBe(true);
    breaker.release('a');
    expect(breaker.acquire('a')).toBe(true); // released: the next caller probes
    advance(499);
    expect(breaker.acquire('a')).toBe(false);
    advance(1);
    expect(breaker.acquire('a')).toBe(true); // the lost probe's lease ran out
  });
});

import { describe, expect, it } from 'vitest';
import { createLoginLimiter } from './login-limiter.js';

describe('login limiter', () => {
  it('locks an account after N failures in a row for the lockout time', () => {
    let t = 0;
    const limiter = createLoginLimiter({ maxFailures: 3, lockoutMs: 60_000, windowMax: 100, now: () => t });
    for (let i = 0; i < 3; i++) {
      expect(limiter.attempt('1.1.1.1', 'a@x')).toBeUndefined();
      limiter.failed('a@x');
    }
    expect(limiter.attempt('2.2.2.2', 'A@X')).toBe(60);
    expect(limiter.attempt('1.1.1.1', 'b@x')).toBeUndefined();
    t = 30_000;
    expect(limiter.attempt('1.1.1.1', 'a@x')).toBe(30);
    t = 60_001;
    expect(limiter.attempt('1.1.1.1', 'a@x')).toBeUndefined();
    limiter.failed('a@x'); // the count started over
    expect(limiter.attempt('1.1.1.1', 'a@x')).toBeUndefined();
  });

  it('resets the failure count on success', () => {
    const limiter = createLoginLimiter({ maxFailures: 2, lockoutMs: 60_000, windowMax: 100, now: () => 0 });
    limiter.failed('a@x');
    limiter.succeeded('a@x');
    limiter.failed('a@x');
    expect(limiter.attempt('ip', 'a@x')).toBeUndefined();
  });

  it('limits attempts per IP + email in a sliding window', () => {
    let t = 0;
    const limiter = createLoginLimiter({
      maxFailures: 1000,
      lockoutMs: 1,
      windowMax: 3,
      windowMs: 10_000,
      now: () => t,
    });
    for (let i = 0; i < 3; i++) {
      expect(limiter.attempt('ip', 'a@x')).toBeUndefined();
      t += 1000;
    }
    expect(limiter.attempt('ip', 'a@x')).toBe(7);
    expect(limiter.attempt('other-ip', 'a@x')).toBeUndefined();
    t = 10_001;
    expect(limiter.attempt('ip', 'a@x')).toBeUndefined();
  });

  it('does not count successful logins against the window', () => {
    const limiter = createLoginLimiter({ maxFailures: 5, lockoutMs: 60_000, windowMax: 2, now: () => 0 });
    for (let i = 0; i < 5; i++) {
      expect(limiter.attempt('ip', 'a@x')).toBeUndefined();
      limiter.succeeded('a@x', 'ip');
    }
    expect(limiter.attempt('ip', 'a@x')).toBeUndefined();
    limiter.failed('a@x');
    expect(limiter.attempt('ip', 'a@x')).toBeUndefined();
    limiter.failed('a@x');
    expect(limiter.attempt('ip', 'a@x')).toBe(300); // two guesses fill the window of two
  });
});

import { describe, expect, it } from 'vitest';
import { markSocketConnected, mayResend, networkErrorCode, requestMayHaveBeenSent } from './network-error.js';

const coded = (code: string, message = code): Error => Object.assign(new Error(message), { code });

describe('requestMayHaveBeenSent', () => {
  it('is false when no connection was made (refused, DNS, unreachable), wherever the code sits', () => {
    expect(requestMayHaveBeenSent(coded('ECONNREFUSED'))).toBe(false);
    expect(requestMayHaveBeenSent(new TypeError('fetch failed', { cause: coded('ENOTFOUND') }))).toBe(false);
    expect(requestMayHaveBeenSent(new AggregateError([coded('EHOSTUNREACH'), coded('ENETUNREACH')]))).toBe(
      false,
    );
    expect(networkErrorCode(new TypeError('fetch failed', { cause: coded('EAI_AGAIN') }))).toBe('EAI_AGAIN');
  });

  it('is true after a reset or a hang-up, and when nothing is known', () => {
    expect(requestMayHaveBeenSent(coded('ECONNRESET'))).toBe(true);
    expect(requestMayHaveBeenSent(new TypeError('fetch failed', { cause: coded('UND_ERR_SOCKET') }))).toBe(
      true,
    );
    expect(requestMayHaveBeenSent(new Error('socket hang up'))).toBe(true);
  });

  it("trusts the transport's mark: a timeout before the socket connected sent nothing", () => {
    const timeout = Object.assign(new Error('The operation was aborted'), { name: 'AbortError' });
    expect(requestMayHaveBeenSent(markSocketConnected(timeout, false))).toBe(false);
    expect(requestMayHaveBeenSent(markSocketConnected(coded('ECONNRESET'), true))).toBe(true);
  });
});

describe('mayResend', () => {
  it('allows idempotent methods and keyed requests only', () => {
    expect(mayResend('GET', new Headers())).toBe(true);
    expect(mayResend('PUT', new Headers())).toBe(true);
    expect(mayResend('POST', new Headers())).toBe(false);
    expect(mayResend('PATCH', new Headers())).toBe(false);
    expect(mayResend('POST', new Headers({ 'Idempotency-Key': 'k' }))).toBe(true);
  });
});

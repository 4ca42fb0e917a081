import { describe, expect, it } from 'vitest';
import { RunCancel } from './run-cancel.js';

describe('RunCancel', () => {
  it('calls each abort listener once, with the reason set, like an AbortSignal', () => {
    const cancel = new RunCancel();
    const seen: unknown[] = [];
    const first = (): void => void seen.push(['first', cancel.aborted, cancel.reason]);
    const gone = (): void => void seen.push('removed');
    cancel.addEventListener('abort', first);
    cancel.addEventListener('abort', first); // the same listener twice counts once
    cancel.addEventListener('abort', gone);
    cancel.removeEventListener('abort', gone);
    cancel.addEventListener('abort', () => {
      throw new Error('a listener bug');
    });
    cancel.addEventListener('abort', () => void seen.push('after the throwing one'));
    expect(cancel.aborted).toBe(false);
    cancel.abort('stop');
    cancel.abort('again'); // no second round, reason kept
    expect(seen).toEqual([['first', true, 'stop'], 'after the throwing one']);
    expect(cancel.reason).toBe('stop');
    // added after the abort: never called (the event has happened)
    cancel.addEventListener('abort', () => void seen.push('late'));
    expect(seen).toHaveLength(2);
  });

  it('has a default reason, as AbortController has', () => {
    const cancel = new RunCancel();
    cancel.abort();
    expect(cancel.reason).toBeInstanceOf(Error);
  });
});

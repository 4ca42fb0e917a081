import { describe, expect, it } from 'vitest';
import { createLogger } from './logger.js';

function capture(level: 'debug' | 'info' | 'warn' | 'error') {
  const lines: Record<string, unknown>[] = [];
  const logger = createLogger({
    level,
    write: (line) => lines.push(JSON.parse(line) as Record<string, unknown>),
  });
  return { logger, lines };
}

describe('createLogger', () => {
  it('writes JSON lines with time, level and msg, filtered by level', () => {
    const { logger, lines } = capture('info');
    logger.debug('hidden');
    logger.info('shown', { n: 1 });
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ level: 'info', msg: 'shown', n: 1 });
    expect(typeof lines[0]?.['time']).toBe('string');
  });

  it('redacts secret-looking keys at any depth', () => {
    const { logger, lines } = capture('debug');
    logger.warn('x', {
      password: 'p1',
      nested: { apiKey: 'k1', headers: { Authorization: 'Bearer t', Cookie: 'c' }, list: [{ token: 't2' }] },
      ok: 'visible',
    });
    const text = JSON.stringify(lines[0]);
    for (const secret of ['p1', 'k1', 'Bearer t', '"c"', 't2']) expect(text).not.toContain(secret);
    expect(text).toContain('visible');
  });

  it('serialises errors and adds child fields', () => {
    const { logger, lines } = capture('debug');
    logger.child({ component: 'test' }).error('failed', { error: new Error('boom') });
    expect(lines[0]).toMatchObject({ component: 'test', error: { name: 'Error', message: 'boom' } });
  });
});

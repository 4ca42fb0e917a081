import { describe, expect, it } from 'vitest';
import { cronHasSeconds, floorTick, isValidCron, previousCronTick } from './cron-match.js';

describe('previousCronTick', () => {
  it('finds the last tick of a 5-field expression', () => {
    const before = new Date('2025-03-05T10:17:30Z');
    expect(previousCronTick({ cron: '*/15 * * * *', timezone: 'UTC', before })?.toISOString()).toBe(
      '2025-03-05T10:15:00.000Z',
    );
    expect(previousCronTick({ cron: '0 9 * * 1-5', timezone: 'UTC', before })?.toISOString()).toBe(
      '2025-03-05T09:00:00.000Z',
    );
  });
  it('honours the timezone', () => {
    // 09:00 in New York (EST, UTC-5) is 14:00 UTC
    const before = new Date('2025-03-05T16:00:00Z');
    expect(previousCronTick({ cron: '0 9 * * *', timezone: 'America/New_York', before })?.toISOString()).toBe(
      '2025-03-05T14:00:00.000Z',
    );
  });
  it('handles seconds, weekday names and the 7-day horizon', () => {
    const before = new Date('2025-03-05T10:17:30Z'); // a Wednesday
    expect(previousCronTick({ cron: '10,40 * * * * *', timezone: 'UTC', before })?.toISOString()).toBe(
      '2025-03-05T10:17:10.000Z',
    );
    expect(previousCronTick({ cron: '0 8 * * mon', timezone: 'UTC', before })?.toISOString()).toBe(
      '2025-03-03T08:00:00.000Z',
    );
    expect(previousCronTick({ cron: '0 0 1 1 *', timezone: 'UTC', before })).toBeUndefined();
  });
  it('validates and floors', () => {
    expect(isValidCron('0 9 * * 1-5')).toBe(true);
    expect(isValidCron('not cron')).toBe(false);
    expect(cronHasSeconds('* * * * * *')).toBe(true);
    expect(floorTick(new Date('2025-01-01T00:00:01.900Z'), false).toISOString()).toBe(
      '2025-01-01T00:00:00.000Z',
    );
    expect(floorTick(new Date('2025-01-01T00:00:01.900Z'), true).toISOString()).toBe(
      '2025-01-01T00:00:01.000Z',
    );
  });
});

describe('previousCronTick in a half-hour timezone', () => {
  it('maps local minutes correctly (India, UTC+5:30)', () => {
    // 09:00 IST = 03:30 UTC
    const before = new Date('2025-03-05T04:00:00Z');
    expect(previousCronTick({ cron: '0 9 * * *', timezone: 'Asia/Kolkata', before })?.toISOString()).toBe(
      '2025-03-05T03:30:00.000Z',
    );
  });
});

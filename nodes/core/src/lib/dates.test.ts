import { describe, expect, it } from 'vitest';
import { addToDate, diffDates, formatDate, parseDate, startOf } from './dates.js';

const ms = (iso: string): number => Date.parse(iso);

describe('dates', () => {
  it('formats in a time zone with tokens and quoted text', () => {
    const at = ms('2025-07-14T21:30:05.123Z');
    expect(formatDate(at, 'yyyy-MM-dd HH:mm:ss.SSS XXX', 'Europe/Paris')).toBe(
      '2025-07-14 23:30:05.123 +02:00',
    );
    expect(formatDate(at, "EEE d MMM yy 'at' H:mm", 'Asia/Tokyo')).toBe('Tue 15 Jul 25 at 6:30');
    expect(formatDate(at, 'EEEE MMMM XXX', 'UTC')).toBe('Monday July Z');
    expect(formatDate(at, 'HH:mm XXX', 'America/New_York')).toBe('17:30 -04:00');
  });

  it('parses ISO, local ISO in the zone, epoch and custom formats', () => {
    expect(parseDate('2025-01-15T10:00:00Z', { timeZone: 'Europe/Paris' })).toBe(ms('2025-01-15T10:00:00Z'));
    expect(parseDate('2025-01-15 10:00', { timeZone: 'Europe/Paris' })).toBe(ms('2025-01-15T09:00:00Z'));
    expect(parseDate('2025-07-01', { timeZone: 'Europe/Paris' })).toBe(ms('2025-06-30T22:00:00Z'));
    expect(parseDate('1736935200000', { timeZone: 'UTC' })).toBe(1736935200000);
    expect(parseDate('15/01/2025 10:30', { timeZone: 'Europe/London', format: 'dd/MM/yyyy HH:mm' })).toBe(
      ms('2025-01-15T10:30:00Z'),
    );
    expect(parseDate('3 Mar 2025', { timeZone: 'UTC', format: 'd MMM yyyy' })).toBe(
      ms('2025-03-03T00:00:00Z'),
    );
    expect(parseDate('31/02/2025', { timeZone: 'UTC', format: 'dd/MM/yyyy' })).toBeUndefined();
    expect(parseDate('not a date', { timeZone: 'UTC' })).toBeUndefined();
  });

  it('adds days across a DST change by the calendar, hours by the clock', () => {
    const before = ms('2025-03-29T11:00:00Z'); // 12:00 in Paris, day before the spring change
    expect(new Date(addToDate(before, 1, 'days', 'Europe/Paris')).toISOString()).toBe(
      '2025-03-30T10:00:00.000Z',
    );
    expect(new Date(addToDate(before, 24, 'hours', 'Europe/Paris')).toISOString()).toBe(
      '2025-03-30T11:00:00.000Z',
    );
    expect(new Date(addToDate(ms('2025-01-31T12:00:00Z'), 1, 'months', 'UTC')).toISOString()).toBe(
      '2025-02-28T12:00:00.000Z',
    );
    expect(new Date(addToDate(ms('2024-02-29T00:00:00Z'), -1, 'years', 'UTC')).toISOString()).toBe(
      '2023-02-28T00:00:00.000Z',
    );
    expect(() => addToDate(before, 1.5, 'months', 'UTC')).toThrow(RangeError);
  });

  it('finds the start of day / week / month in the zone', () => {
    const at = ms('2025-07-16T01:30:00Z'); // Wed 16 Jul 03:30 in Paris; Tue 15 Jul in New York
    expect(new Date(startOf(at, 'days', 'Europe/Paris')).toISOString()).toBe('2025-07-15T22:00:00.000Z');
    expect(new Date(startOf(at, 'days', 'America/New_York')).toISOString()).toBe('2025-07-15T04:00:00.000Z');
    expect(new Date(startOf(at, 'weeks', 'Europe/Paris')).toISOString()).toBe('2025-07-13T22:00:00.000Z');
    expect(new Date(startOf(at, 'months', 'UTC')).toISOString()).toBe('2025-07-01T00:00:00.000Z');
    expect(new Date(startOf(at, 'years', 'UTC')).toISOString()).toBe('2025-01-01T00:00:00.000Z');
  });

  it('diffs in exact or calendar units', () => {
    const a = ms('2025-03-29T11:00:00Z');
    const b = ms('2025-03-30T10:00:00Z');
    expect(diffDates(a, b, 'hours', 'Europe/Paris')).toBe(23);
    expect(diffDates(a, b, 'days', 'Europe/Paris')).toBe(1);
    expect(diffDates(ms('2025-01-31T00:00:00Z'), ms('2025-03-30T00:00:00Z'), 'months', 'UTC')).toBe(1);
    expect(diffDates(ms('2020-05-01T00:00:00Z'), ms('2025-05-01T00:00:00Z'), 'years', 'UTC')).toBe(5);
    expect(diffDates(b, a, 'days', 'Europe/Paris')).toBe(-1);
  });
});

import { zonedParts, zonedToEpoch, zoneOffsetMs } from './zoned-time.js';
import type { ZonedParts } from './zoned-time.js';

/** Date maths and formatting in an IANA time zone with Intl only (no luxon/moment). */

export type DateUnit = 'seconds' | 'minutes' | 'hours' | 'days' | 'weeks' | 'months' | 'years';

const FIXED_MS: Partial<Record<DateUnit, number>> = { seconds: 1000, minutes: 60_000, hours: 3_600_000 };
const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const TOKENS = /'[^']*'|yyyy|yy|MMMM|MMM|MM|M|dd|d|EEEE|EEE|HH|H|mm|m|ss|s|SSS|XXX/g;

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');
const daysInMonth = (year: number, month: number): number => new Date(Date.UTC(year, month, 0)).getUTCDate();
const wallMs = (p: ZonedParts): number =>
  Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second, p.millisecond);

/** Formats with tokens yyyy yy MMMM MMM MM M dd d EEEE EEE HH H mm m ss s SSS XXX and 'quoted text'. */
export function formatDate(ms: number, format: string, timeZone: string): string {
  const p = zonedParts(ms, timeZone);
  const weekday = new Date(wallMs(p)).getUTCDay();
  const offset = Math.round(zoneOffsetMs(ms, timeZone) / 60_000);
  const values: Record<string, string> = {
    yyyy: pad(p.year, 4),
    yy: pad(p.year % 100),
    MMMM: MONTHS[p.month - 1]!,
    MMM: MONTHS[p.month - 1]!.slice(0, 3),
    MM: pad(p.month),
    M: String(p.month),
    dd: pad(p.day),
    d: String(p.day),
    EEEE: WEEKDAYS[weekday]!,
    EEE: WEEKDAYS[weekday]!.slice(0, 3),
    HH: pad(p.hour),
    H: String(p.hour),
    mm: pad(p.minute),
    m: String(p.minute),
    ss: pad(p.second),
    s: String(p.second),
    SSS: pad(p.millisecond, 3),
    XXX:
      offset === 0
        ? 'Z'
        : `${offset < 0 ? '-' : '+'}${pad(Math.floor(Math.abs(offset) / 60))}:${pad(Math.abs(offset) % 60)}`,
  };
  return format.replace(TOKENS, (token) => (token.startsWith("'") ? token.slice(1, -1) : values[token]!));
}

/**
 * Parses a date: with a format (e.g. `dd/MM/yyyy HH:mm`) read in the zone; without one, ISO
 * (a local ISO without offset is read in the zone) or epoch milliseconds. Undefined when invalid.
 */
export function parseDate(
  input: unknown,
  options: { timeZone: string; format?: string },
): number | undefined {
  if (typeof input === 'number') return Number.isFinite(input) ? input : undefined;
  if (typeof input !== 'string' || input.trim() === '') return undefined;
  const text = input.trim();
  if (options.format) return parseWithFormat(text, options.format, options.timeZone);
  if (/^-?\d{10,}$/.test(text)) return Number(text);
  const local = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?)?$/.exec(text);
  if (local) {
    const [, y, mo, d, h, mi, s, frac] = local;
    return checked(
      {
        year: +y!,
        month: +mo!,
        day: +d!,
        hour: +(h ?? 0),
        minute: +(mi ?? 0),
        second: +(s ?? 0),
        millisecond: +(frac ?? '0').padEnd(3, '0'),
      },
      options.timeZone,
    );
  }
  const ms = Date.parse(text);
  return Number.isNaN(ms) ? undefined : ms;
}

function parseWithFormat(text: string, format: string, timeZone: string): number | undefined {
  const order: string[] = [];
  const source = format.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(TOKENS, (token) => {
    if (token.startsWith("'")) return token.slice(1, -1);
    order.push(token);
    if (token === 'yyyy') return '(\\d{4})';
    if (token === 'SSS') return '(\\d{3})';
    if (token === 'MMMM' || token === 'MMM' || token === 'EEEE' || token === 'EEE') return '([A-Za-z]+)';
    if (token === 'XXX') return '(Z|[+-]\\d{2}:?\\d{2})';
    return '(\\d{1,2})';
  });
  const match = new RegExp(`^${source}$`).exec(text);
  if (!match) return undefined;
  const p: ZonedParts = { year: 1970, month: 1, day: 1, hour: 0, minute: 0, second: 0, millisecond: 0 };
  let offsetMin: number | undefined;
  order.forEach((token, i) => {
    const value = match[i + 1]!;
    if (token === 'yyyy') p.year = +value;
    else if (token === 'yy') p.year = 2000 + +value;
    else if (token === 'MM' || token === 'M') p.month = +value;
    else if (token === 'MMMM' || token === 'MMM')
      p.month = MONTHS.findIndex((m) => m.toLowerCase().startsWith(value.toLowerCase().slice(0, 3))) + 1;
    else if (token === 'dd' || token === 'd') p.day = +value;
    else if (token === 'HH' || token === 'H') p.hour = +value;
    else if (token === 'mm' || token === 'm') p.minute = +value;
    else if (token === 'ss' || token === 's') p.second = +value;
    else if (token === 'SSS') p.millisecond = +value;
    else if (token === 'XXX')
      offsetMin =
        value === 'Z' ? 0 : (value.startsWith('-') ? -1 : 1) * (+value.slice(1, 3) * 60 + +value.slice(-2));
  });
  if (offsetMin !== undefined) {
    if (!valid(p)) return undefined;
    return wallMs(p) - offsetMin * 60_000;
  }
  return checked(p, timeZone);
}

function valid(p: ZonedParts): boolean {
  return (
    p.month >= 1 &&
    p.month <= 12 &&
    p.day >= 1 &&
    p.day <= daysInMonth(p.year, p.month) &&
    p.hour < 24 &&
    p.minute < 60 &&
    p.second < 60
  );
}

function checked(p: ZonedParts, timeZone: string): number | undefined {
  return valid(p) ? zonedToEpoch(p, timeZone) : undefined;
}

/** Adds (or with a negative amount subtracts); days and longer follow the zone's calendar across DST. */
export function addToDate(ms: number, amount: number, unit: DateUnit, timeZone: string): number {
  const fixed = FIXED_MS[unit];
  if (fixed) return ms + amount * fixed;
  const p = zonedParts(ms, timeZone);
  if (unit === 'days' || unit === 'weeks') {
    const days = amount * (unit === 'weeks' ? 7 : 1);
    const whole = Math.trunc(days);
    const shifted = new Date(Date.UTC(p.year, p.month - 1, p.day + whole));
    const moved = zonedToEpoch(
      { ...p, year: shifted.getUTCFullYear(), month: shifted.getUTCMonth() + 1, day: shifted.getUTCDate() },
      timeZone,
    );
    return moved + Math.round((days - whole) * 86_400_000);
  }
  if (!Number.isInteger(amount)) throw new RangeError(`${unit} must be a whole number, got ${amount}`);
  const totalMonths = p.year * 12 + (p.month - 1) + amount * (unit === 'years' ? 12 : 1);
  const year = Math.floor(totalMonths / 12);
  const month = (totalMonths % 12) + 1;
  return zonedToEpoch({ ...p, year, month, day: Math.min(p.day, daysInMonth(year, month)) }, timeZone);
}

/** Start of the second/minute/hour/day/week (Monday)/month/year containing the instant, in the zone. */
export function startOf(ms: number, unit: DateUnit, timeZone: string): number {
  const p = zonedParts(ms, timeZone);
  const start: ZonedParts = { ...p, millisecond: 0 };
  if (unit !== 'seconds') start.second = 0;
  if (unit !== 'seconds' && unit !== 'minutes') start.minute = 0;
  if (unit === 'days' || unit === 'weeks' || unit === 'months' || unit === 'years') start.hour = 0;
  if (unit === 'months' || unit === 'years') start.day = 1;
  if (unit === 'years') start.month = 1;
  if (unit === 'weeks') {
    const weekday = (new Date(wallMs(p)).getUTCDay() + 6) % 7; // Monday = 0
    const monday = new Date(Date.UTC(p.year, p.month - 1, p.day - weekday));
    Object.assign(start, {
      year: monday.getUTCFullYear(),
      month: monday.getUTCMonth() + 1,
      day: monday.getUTCDate(),
    });
  }
  return zonedToEpoch(start, timeZone);
}

/**
 * `to - from` in the unit. Seconds to hours are exact; days and weeks count wall-clock time in
 * the zone (a DST day is still 1 day); months and years are whole calendar units.
 */
export function diffDates(from: number, to: number, unit: DateUnit, timeZone: string): number {
  const fixed = FIXED_MS[unit];
  if (fixed) return (to - from) / fixed;
  const wall = wallMs(zonedParts(to, timeZone)) - wallMs(zonedParts(from, timeZone));
  if (unit === 'days') return wall / 86_400_000;
  if (unit === 'weeks') return wall / (7 * 86_400_000);
  const a = zonedParts(from, timeZone);
  const b = zonedParts(to, timeZone);
  let months = (b.year - a.year) * 12 + (b.month - a.month);
  if (months > 0 && addToDate(from, months, 'months', timeZone) > to) months--;
  if (months < 0 && addToDate(from, months, 'months', timeZone) < to) months++;
  return unit === 'years' ? Math.trunc(months / 12) : months;
}

/**
 * In-isolate JavaScript (a string): a small immutable, timezone-aware DateTime (a subset of
 * Luxon's API) used for $now, $today and the DateTime helper. Wall-clock fields come from
 * Intl.DateTimeFormat, so any IANA zone works without a timezone database of our own.
 */
export const DATETIME_SOURCE = String.raw`
const dtFormatters = new Map();
function zoneFormatter(zone) {
  let f = dtFormatters.get(zone);
  if (f === undefined) {
    f = new Intl.DateTimeFormat('en-US', { timeZone: zone, hourCycle: 'h23', year: 'numeric',
      month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric' });
    dtFormatters.set(zone, f);
  }
  return f;
}

function localFields(ms, zone) {
  const parts = zoneFormatter(zone).formatToParts(ms);
  const f = { year: 0, month: 0, day: 0, hour: 0, minute: 0, second: 0, millisecond: 0 };
  for (let i = 0; i < parts.length; i++) {
    const p = parts[i];
    if (p.type in f) f[p.type] = Number(p.value);
  }
  if (f.hour === 24) f.hour = 0;
  f.millisecond = ((ms % 1000) + 1000) % 1000;
  return f;
}

function fieldsToUtc(f) {
  const d = new Date(0);
  d.setUTCFullYear(f.year, f.month - 1, f.day);
  d.setUTCHours(f.hour, f.minute, f.second, f.millisecond);
  return d.getTime();
}

function offsetMs(ms, zone) { return fieldsToUtc(localFields(ms, zone)) - ms; }

function localToMs(f, zone) {
  const guess = fieldsToUtc(f);
  const o1 = offsetMs(guess, zone);
  const ms = guess - o1;
  const o2 = offsetMs(ms, zone);
  return o1 === o2 ? ms : guess - o2;
}

const pad = (n, w) => String(Math.abs(n)).padStart(w, '0');
const UNIT_KEYS = { year: 'years', years: 'years', quarter: 'quarters', quarters: 'quarters',
  month: 'months', months: 'months', week: 'weeks', weeks: 'weeks', day: 'days', days: 'days',
  hour: 'hours', hours: 'hours', minute: 'minutes', minutes: 'minutes', second: 'seconds',
  seconds: 'seconds', millisecond: 'milliseconds', milliseconds: 'milliseconds' };

function normalizeDuration(d) {
  if (typeof d === 'number') return { milliseconds: d };
  if (d === null || typeof d !== 'object') throw new TypeError('DateTime.plus/minus expects an object like { days: 1 }');
  const out = { years: 0, quarters: 0, months: 0, weeks: 0, days: 0, hours: 0, minutes: 0, seconds: 0, milliseconds: 0 };
  const keys = Object.keys(d);
  for (let i = 0; i < keys.length; i++) {
    const unit = UNIT_KEYS[keys[i]];
    const v = d[keys[i]];
    if (unit === undefined) throw new TypeError('Unknown duration unit: ' + keys[i]);
    if (typeof v !== 'number' || !Number.isFinite(v)) throw new TypeError('Duration ' + keys[i] + ' must be a finite number');
    out[unit] += v;
  }
  return out;
}

function addDuration(dt, d, sign) {
  const n = normalizeDuration(d);
  const f = localFields(dt.ts, dt.zoneName);
  let ms = dt.ts;
  const months = sign * (n.years * 12 + n.quarters * 3 + n.months);
  const days = sign * (n.weeks * 7 + n.days);
  if (months !== 0 || days !== 0) {
    const total = f.year * 12 + (f.month - 1) + Math.trunc(months);
    const year = Math.floor(total / 12);
    const month = total - year * 12 + 1;
    const day = Math.min(f.day, daysInMonth(year, month));
    const c = new Date(fieldsToUtc({ year: year, month: month, day: day, hour: 0, minute: 0, second: 0, millisecond: 0 }) + Math.trunc(days) * 86400000);
    ms = localToMs({ year: c.getUTCFullYear(), month: c.getUTCMonth() + 1, day: c.getUTCDate(),
      hour: f.hour, minute: f.minute, second: f.second, millisecond: f.millisecond }, dt.zoneName);
  }
  ms += sign * (n.hours * 3600000 + n.minutes * 60000 + n.seconds * 1000 + n.milliseconds);
  return makeDateTime(ms, dt.zoneName);
}
function daysInMonth(year, month) { const d = new Date(0); d.setUTCFullYear(year, month, 0); return d.getUTCDate(); }

function startOfUnit(dt, unit) {
  const u = UNIT_KEYS[unit];
  const f = localFields(dt.ts, dt.zoneName);
  const z = { year: f.year, month: f.month, day: f.day, hour: f.hour, minute: f.minute, second: f.second, millisecond: 0 };
  if (u === 'years' || u === 'quarters' || u === 'months' || u === 'weeks' || u === 'days' || u === 'hours' || u === 'minutes') z.second = 0;
  if (u === 'years' || u === 'quarters' || u === 'months' || u === 'weeks' || u === 'days' || u === 'hours') z.minute = 0;
  if (u === 'years' || u === 'quarters' || u === 'months' || u === 'weeks' || u === 'days') z.hour = 0;
  if (u === 'years' || u === 'quarters' || u === 'months') z.day = 1;
  if (u === 'years') z.month = 1;
  if (u === 'quarters') z.month = Math.floor((f.month - 1) / 3) * 3 + 1;
  if (u === 'weeks') return addDuration(makeDateTime(localToMs(z, dt.zoneName), dt.zoneName), { days: 1 - isoWeekday(f) }, 1);
  if (u === undefined || u === 'milliseconds') throw new TypeError('Unknown unit for startOf/endOf: ' + String(unit));
  return makeDateTime(localToMs(z, dt.zoneName), dt.zoneName);
}

function isoWeekday(f) { const d = new Date(0); d.setUTCFullYear(f.year, f.month - 1, f.day); return ((d.getUTCDay() + 6) % 7) + 1; }

function formatDateTime(dt, pattern) {
  const f = localFields(dt.ts, dt.zoneName);
  return String(pattern).replace(/'([^']*)'|yyyy|yy|MM|M|dd|d|HH|H|mm|m|ss|s|SSS/g, (tok, lit) => {
    if (lit !== undefined) return lit;
    switch (tok) {
      case 'yyyy': return pad(f.year, 4);
      case 'yy': return pad(f.year % 100, 2);
      case 'MM': return pad(f.month, 2);
      case 'M': return String(f.month);
      case 'dd': return pad(f.day, 2);
      case 'd': return String(f.day);
      case 'HH': return pad(f.hour, 2);
      case 'H': return String(f.hour);
      case 'mm': return pad(f.minute, 2);
      case 'm': return String(f.minute);
      case 'ss': return pad(f.second, 2);
      case 's': return String(f.second);
      default: return pad(f.millisecond, 3);
    }
  });
}

function toIsoString(dt) {
  const off = Math.round(offsetMs(dt.ts, dt.zoneName) / 60000);
  const zone = off === 0 && /^(UTC|Etc\/UTC|GMT|Etc\/GMT|Z)$/i.test(dt.zoneName) ? 'Z'
    : (off < 0 ? '-' : '+') + pad(Math.floor(Math.abs(off) / 60), 2) + ':' + pad(Math.abs(off) % 60, 2);
  return formatDateTime(dt, "yyyy-MM-dd'T'HH:mm:ss.SSS") + zone;
}

const DateTimeProto = {
  toISO() { return toIsoString(this); },
  toISODate() { return formatDateTime(this, 'yyyy-MM-dd'); },
  toString() { return toIsoString(this); },
  toJSON() { return toIsoString(this); },
  toMillis() { return this.ts; },
  toSeconds() { return this.ts / 1000; },
  valueOf() { return this.ts; },
  toJSDate() { return new Date(this.ts); },
  plus(d) { return addDuration(this, d, 1); },
  minus(d) { return addDuration(this, d, -1); },
  startOf(unit) { return startOfUnit(this, unit); },
  endOf(unit) { return makeDateTime(addDuration(startOfUnit(this, unit), { [UNIT_KEYS[unit]]: 1 }, 1).ts - 1, this.zoneName); },
  format(pattern) { return formatDateTime(this, pattern); },
  toFormat(pattern) { return formatDateTime(this, pattern); },
  setZone(zone) { return makeDateTime(this.ts, checkZone(zone)); },
  get year() { return localFields(this.ts, this.zoneName).year; },
  get month() { return localFields(this.ts, this.zoneName).month; },
  get day() { return localFields(this.ts, this.zoneName).day; },
  get hour() { return localFields(this.ts, this.zoneName).hour; },
  get minute() { return localFields(this.ts, this.zoneName).minute; },
  get second() { return localFields(this.ts, this.zoneName).second; },
  get millisecond() { return localFields(this.ts, this.zoneName).millisecond; },
  get weekday() { return isoWeekday(localFields(this.ts, this.zoneName)); },
  get isValid() { return true; },
};

function makeDateTime(ms, zone) {
  if (typeof ms !== 'number' || !Number.isFinite(ms) || Math.abs(ms) > 8.64e15) throw new RangeError('Invalid DateTime');
  const dt = Object.create(DateTimeProto);
  Object.defineProperty(dt, 'ts', { value: ms, enumerable: false });
  Object.defineProperty(dt, 'zoneName', { value: zone, enumerable: false });
  return Object.freeze(dt);
}
function isDateTime(v) { return v !== null && typeof v === 'object' && Object.getPrototypeOf(v) === DateTimeProto; }

function checkZone(zone) {
  if (typeof zone !== 'string') throw new TypeError('Timezone must be a string');
  zoneFormatter(zone);
  return zone;
}

const ISO_RE = /^([+-]?\d{4,6})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?$/i;
function parseIso(text, zone) {
  const m = ISO_RE.exec(String(text).trim());
  if (m === null) throw new RangeError('Invalid ISO date: ' + String(text).slice(0, 100));
  const f = { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]), hour: Number(m[4] || 0),
    minute: Number(m[5] || 0), second: Number(m[6] || 0), millisecond: Number(((m[7] || '') + '000').slice(0, 3)) };
  if (f.month < 1 || f.month > 12 || f.day < 1 || f.day > 31 || f.hour > 23 || f.minute > 59 || f.second > 59) {
    throw new RangeError('Invalid ISO date: ' + String(text).slice(0, 100));
  }
  if (m[8] === undefined) return makeDateTime(localToMs(f, zone), zone);
  let off = 0;
  if (m[8].toUpperCase() !== 'Z') {
    const digits = m[8].slice(1).replace(':', '');
    off = (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2) || 0)) * (m[8][0] === '-' ? -1 : 1);
  }
  return makeDateTime(fieldsToUtc(f) - off * 60000, zone);
}

function makeDateTimeApi(zone) {
  return Object.freeze({
    now: () => makeDateTime(Date.now(), zone),
    fromISO: (text, opts) => parseIso(text, opts && typeof opts.zone === 'string' ? checkZone(opts.zone) : zone),
    fromMillis: (ms, opts) => makeDateTime(ms, opts && typeof opts.zone === 'string' ? checkZone(opts.zone) : zone),
    fromJSDate: (d) => makeDateTime(Date.prototype.getTime.call(d), zone),
    isDateTime: isDateTime,
  });
}
`;

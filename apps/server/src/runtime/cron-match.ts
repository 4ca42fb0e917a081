import cron from 'node-cron';

/**
 * "When was this cron expression's last tick before `before`?" node-cron only looks forward, so
 * we scan back (at most `maxDays`). Minutes whose local hour/minute can't match are skipped
 * cheaply; candidates are confirmed with node-cron's own matcher, so missed-tick detection agrees
 * exactly with what the live job fires (timezone, L/W tokens and all).
 */
export function previousCronTick(options: {
  cron: string;
  timezone: string;
  before: Date;
  maxDays?: number;
}): Date | undefined {
  const fields = cron.parse(options.cron);
  const minutes = new Set(fields.minute);
  const hours = new Set(fields.hour);
  const seconds = [...fields.second].sort((a, b) => b - a);
  const beforeMs = options.before.getTime();
  const limit = beforeMs - (options.maxDays ?? 7) * 86_400_000;
  const format = localClock(options.timezone);
  const task = cron.createTask(options.cron, () => undefined, { timezone: options.timezone });
  try {
    for (
      let hourStart = Math.floor(beforeMs / 3_600_000) * 3_600_000;
      hourStart >= limit - 3_600_000;
      hourStart -= 3_600_000
    ) {
      // offsets change only at hour boundaries (DST), so one lookup per UTC hour is enough
      const local = format(new Date(hourStart));
      for (let m = 59; m >= 0; m--) {
        const minute = hourStart + m * 60_000;
        if (minute > beforeMs || minute < limit) continue;
        const total = local.minute + m;
        if (!minutes.has(total % 60) || !hours.has((local.hour + Math.floor(total / 60)) % 24)) continue;
        const second = seconds.find((s) => minute + s * 1000 <= beforeMs);
        if (second === undefined) continue;
        const candidate = new Date(minute + second * 1000);
        if (task.match(candidate)) return candidate;
      }
    }
    return undefined;
  } finally {
    void task.destroy();
  }
}

function localClock(timeZone: string): (date: Date) => { hour: number; minute: number } {
  const fmt = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    hour: 'numeric',
    minute: 'numeric',
  });
  return (date) => {
    let hour = 0;
    let minute = 0;
    for (const part of fmt.formatToParts(date)) {
      if (part.type === 'hour') hour = Number(part.value) % 24;
      else if (part.type === 'minute') minute = Number(part.value);
    }
    return { hour, minute };
  };
}

/** True for 6-field expressions (with seconds). */
export function cronHasSeconds(expression: string): boolean {
  return expression.trim().split(/\s+/).length === 6;
}

/** The scheduled instant of a fire, floored so latency never changes which tick it is. */
export function floorTick(date: Date, withSeconds: boolean): Date {
  const unit = withSeconds ? 1000 : 60_000;
  return new Date(Math.floor(date.getTime() / unit) * unit);
}

export function isValidCron(expression: string): boolean {
  return cron.validate(expression);
}

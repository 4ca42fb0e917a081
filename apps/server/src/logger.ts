import type { LogLevel, Logger } from '@shopwire/sdk';

/**
 * Structured JSON-lines logger: one object per line on stdout, `{"time","level","msg",...fields}`.
 * Values under keys that look secret are replaced before anything is written.
 */

const LEVELS: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 };
const SECRET_KEY = /pass|secret|token|key|authorization|cookie/i;
const REDACTED = '[redacted]';

export interface ServerLogger extends Logger {
  readonly level: LogLevel;
  enabled(level: LogLevel): boolean;
  /** a logger that adds these fields to every line */
  child(fields: Record<string, unknown>): ServerLogger;
}

export interface LoggerOptions {
  level: LogLevel;
  /** where lines go (default: process.stdout) */
  write?: (line: string) => void;
  fields?: Record<string, unknown>;
}

export function createLogger(options: LoggerOptions): ServerLogger {
  const write = options.write ?? ((line: string) => void process.stdout.write(line));
  const min = LEVELS[options.level];
  const base = options.fields ?? {};
  const log = (level: LogLevel, msg: string, fields?: Record<string, unknown>) => {
    if (LEVELS[level] < min) return;
    const entry = {
      time: new Date().toISOString(),
      level,
      msg,
      ...(redact({ ...base, ...fields }, 0) as Record<string, unknown>),
    };
    let line: string;
    try {
      line = JSON.stringify(entry);
    } catch {
      line = JSON.stringify({ time: entry.time, level, msg, logError: 'fields not serialisable' });
    }
    write(line + '\n');
  };
  return {
    level: options.level,
    enabled: (level) => LEVELS[level] >= min,
    debug: (msg, fields) => log('debug', msg, fields),
    info: (msg, fields) => log('info', msg, fields),
    warn: (msg, fields) => log('warn', msg, fields),
    error: (msg, fields) => log('error', msg, fields),
    child: (fields) => createLogger({ ...options, fields: { ...base, ...fields } }),
  };
}

/** Deep copy with secret-looking keys masked; errors become {name, message, code, stack}. */
export function redact(value: unknown, depth: number): unknown {
  if (depth > 8) return '[depth]';
  if (value instanceof Error) {
    const out: Record<string, unknown> = { name: value.name, message: value.message };
    const code = (value as { code?: unknown }).code;
    if (code !== undefined) out['code'] = code;
    if (value.stack) out['stack'] = value.stack;
    return out;
  }
  if (Array.isArray(value)) return value.map((v) => redact(v, depth + 1));
  if (typeof value === 'bigint') return value.toString();
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = SECRET_KEY.test(k) ? REDACTED : redact(v, depth + 1);
    return out;
  }
  return value;
}

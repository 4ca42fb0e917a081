/**
 * Login throttling: a sliding window of attempts per IP + email, and
 * a temporary lockout of an email after `maxFailures` failed logins in a row. Both answer with the
 * seconds to wait (429 + Retry-After). A successful login clears the failure count and is not
 * counted in the window. This one keeps its counts in memory (one API process); queue mode, with
 * several `start` processes, shares them in Redis (redis-login-limiter.ts). Async for that one.
 */

export interface LoginLimiterOptions {
  /** attempts per IP + email inside `windowMs` */
  windowMax?: number;
  windowMs?: number;
  maxFailures: number;
  lockoutMs: number;
  now?: () => number;
}

export interface LoginLimiter {
  /** seconds to wait before trying again, or undefined when the attempt may proceed (and is counted) */
  attempt(ip: string, email: string): Promise<number | undefined>;
  failed(email: string): Promise<void>;
  /** the password was right: clears the failure count and takes back this attempt */
  succeeded(email: string, ip?: string): Promise<void>;
  /** takes back the last counted attempt (the window slows guessing, not people who know their password) */
  forgive(ip: string, email: string): Promise<void>;
}

/** The same rules, answered synchronously (the in-memory limiter; the Redis one's fallback). */
export type SyncLoginLimiter = {
  [K in keyof LoginLimiter]: (...args: Parameters<LoginLimiter[K]>) => Awaited<ReturnType<LoginLimiter[K]>>;
};

export const LOGIN_WINDOW_MAX = 10;
export const LOGIN_WINDOW_MS = 5 * 60_000;

export function createLoginLimiter(options: LoginLimiterOptions): LoginLimiter {
  const sync = createMemoryLoginLimiter(options);
  return {
    attempt: async (ip, email) => sync.attempt(ip, email),
    failed: async (email) => sync.failed(email),
    succeeded: async (email, ip) => sync.succeeded(email, ip),
    forgive: async (ip, email) => sync.forgive(ip, email),
  };
}

const MAX_TRACKED = 50_000;

export function createMemoryLoginLimiter(options: LoginLimiterOptions): SyncLoginLimiter {
  const windowMax = options.windowMax ?? LOGIN_WINDOW_MAX;
  const windowMs = options.windowMs ?? LOGIN_WINDOW_MS;
  const now = options.now ?? Date.now;
  const windows = new Map<string, number[]>();
  const failures = new Map<string, { count: number; lockedUntil: number }>();

  function sweep(t: number): void {
    if (windows.size > MAX_TRACKED) {
      for (const [key, times] of windows) if ((times.at(-1) ?? 0) <= t - windowMs) windows.delete(key);
    }
    if (failures.size > MAX_TRACKED) {
      for (const [key, f] of failures) if (f.lockedUntil <= t) failures.delete(key);
    }
  }

  const norm = (email: string) => email.trim().toLowerCase();
  function forgive(ip: string, email: string): void {
    const key = `${ip}\n${norm(email)}`;
    const times = windows.get(key);
    times?.pop();
    if (times && times.length === 0) windows.delete(key);
  }
  return {
    attempt(ip, email) {
      const t = now();
      sweep(t);
      const account = norm(email);
      const lock = failures.get(account);
      if (lock && lock.lockedUntil > t) return Math.ceil((lock.lockedUntil - t) / 1000);
      const key = `${ip}\n${account}`;
      const times = (windows.get(key) ?? []).filter((at) => at > t - windowMs);
      if (times.length >= windowMax) {
        windows.set(key, times);
        return Math.max(1, Math.ceil(((times[0] as number) + windowMs - t) / 1000));
      }
      times.push(t);
      windows.set(key, times);
      return undefined;
    },
    failed(email) {
      const t = now();
      const account = norm(email);
      const f = failures.get(account) ?? { count: 0, lockedUntil: 0 };
      if (f.lockedUntil !== 0 && f.lockedUntil <= t) f.count = 0; // an expired lock starts over
      f.count += 1;
      f.lockedUntil = f.count >= options.maxFailures ? t + options.lockoutMs : 0;
      failures.set(account, f);
    },
    succeeded(email, ip) {
      failures.delete(norm(email));
      if (ip !== undefined) forgive(ip, email);
    },
    forgive,
  };
}

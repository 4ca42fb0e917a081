import { createHash } from 'node:crypto';
import type { Redis } from 'ioredis';
import type { Logger } from '@shopwire/sdk';
import {
  LOGIN_WINDOW_MAX,
  LOGIN_WINDOW_MS,
  createMemoryLoginLimiter,
  type LoginLimiter,
  type LoginLimiterOptions,
} from './login-limiter.js';

/**
 * The login limiter of queue mode: the same rules as the in-memory one (login-limiter.ts), with
 * the counts in Redis so that N `start` processes behind a load balancer don't allow N times the
 * guesses. Each check is one Lua script (atomic across processes). While Redis is unreachable it
 * falls back to this process's own in-memory counts rather than refusing every login.
 */

// KEYS: window zset, failure hash. ARGV: now, windowMs, windowMax, member, ttlMs.
// Returns {kind, ms}: 0 = go ahead (counted), 1 = account locked, 2 = window full.
const ATTEMPT = `
local now = tonumber(ARGV[1])
local locked = tonumber(redis.call('HGET', KEYS[2], 'lockedUntil') or '0')
if locked > now then return {1, locked - now} end
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now - tonumber(ARGV[2]))
if redis.call('ZCARD', KEYS[1]) >= tonumber(ARGV[3]) then
  local oldest = redis.call('ZRANGE', KEYS[1], 0, 0, 'WITHSCORES')
  return {2, tonumber(oldest[2]) + tonumber(ARGV[2]) - now}
end
redis.call('ZADD', KEYS[1], now, ARGV[4])
redis.call('PEXPIRE', KEYS[1], ARGV[5])
return {0, 0}`;

// KEYS: failure hash. ARGV: now, maxFailures, lockoutMs, ttlMs. An expired lock starts over.
const FAILED = `
local now = tonumber(ARGV[1])
local count = tonumber(redis.call('HGET', KEYS[1], 'count') or '0')
local locked = tonumber(redis.call('HGET', KEYS[1], 'lockedUntil') or '0')
if locked ~= 0 and locked <= now then count = 0 end
count = count + 1
if count >= tonumber(ARGV[2]) then locked = now + tonumber(ARGV[3]) else locked = 0 end
redis.call('HSET', KEYS[1], 'count', count, 'lockedUntil', locked)
redis.call('PEXPIRE', KEYS[1], ARGV[4])
return count`;

/** failure counts of an account nobody touched for a day are forgotten */
const FAILURE_TTL_MS = 86_400_000;

/** the two scripts as client commands (ioredis sends them by SHA once Redis has them) */
interface LimiterCommands {
  shopwireLoginAttempt(...args: (string | number)[]): Promise<[number, number]>;
  shopwireLoginFailed(...args: (string | number)[]): Promise<number>;
}

function withLimiterCommands(redis: Redis): Redis & LimiterCommands {
  const client = redis as Redis & Partial<LimiterCommands>;
  if (!client.shopwireLoginAttempt)
    redis.defineCommand('shopwireLoginAttempt', { numberOfKeys: 2, lua: ATTEMPT });
  if (!client.shopwireLoginFailed)
    redis.defineCommand('shopwireLoginFailed', { numberOfKeys: 1, lua: FAILED });
  return redis as Redis & LimiterCommands;
}

export function createRedisLoginLimiter(
  options: LoginLimiterOptions & { redis: Redis; prefix: string; logger: Logger },
): LoginLimiter {
  const { prefix, logger } = options;
  const redis = withLimiterCommands(options.redis);
  const windowMax = options.windowMax ?? LOGIN_WINDOW_MAX;
  const windowMs = options.windowMs ?? LOGIN_WINDOW_MS;
  const now = options.now ?? Date.now;
  const fallback = createMemoryLoginLimiter(options);
  let sequence = 0;
  let warnedAt = 0;

  const hash = (text: string): string => createHash('sha256').update(text).digest('hex').slice(0, 32);
  const account = (email: string): string => email.trim().toLowerCase();
  const windowKey = (ip: string, email: string): string =>
    `${prefix}:login:window:${hash(`${ip}\n${account(email)}`)}`;
  const failureKey = (email: string): string => `${prefix}:login:failures:${hash(account(email))}`;

  /** Redis down: this process's own counts keep limiting (logged at most once a minute) */
  async function guarded<T>(shared: () => Promise<T>, local: () => T): Promise<T> {
    try {
      return await shared();
    } catch (error) {
      if (Date.now() - warnedAt > 60_000) {
        warnedAt = Date.now();
        logger.warn('login limiter: Redis unavailable, limiting per process meanwhile', {
          error: (error as Error).message,
        });
      }
      return local();
    }
  }

  return {
    attempt: (ip, email) =>
      guarded(
        async () => {
          const t = now();
          sequence = (sequence + 1) % 1_000_000;
          const [kind, ms] = await redis.shopwireLoginAttempt(
            windowKey(ip, email),
            failureKey(email),
            t,
            windowMs,
            windowMax,
            `${t}:${process.pid}:${sequence}`,
            windowMs,
          );
          if (kind === 0) return undefined;
          return kind === 1 ? Math.ceil(ms / 1000) : Math.max(1, Math.ceil(ms / 1000));
        },
        () => fallback.attempt(ip, email),
      ),
    failed: (email) =>
      guarded(
        async () => {
          const ttl = Math.max(FAILURE_TTL_MS, options.lockoutMs);
          await redis.shopwireLoginFailed(
            failureKey(email),
            now(),
            options.maxFailures,
            options.lockoutMs,
            ttl,
          );
        },
        () => fallback.failed(email),
      ),
    succeeded: (email, ip) =>
      guarded(
        async () => {
          await redis.del(failureKey(email));
          if (ip !== undefined) await redis.zpopmax(windowKey(ip, email));
        },
        () => fallback.succeeded(email, ip),
      ),
    forgive: (ip, email) =>
      guarded(
        async () => {
          await redis.zpopmax(windowKey(ip, email));
        },
        () => fallback.forgive(ip, email),
      ),
  };
}

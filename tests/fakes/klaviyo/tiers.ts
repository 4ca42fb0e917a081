import { FixedWindow } from '../shared/index.js';

/** Klaviyo's published rate-limit tiers: burst per second and steady per minute. */
export type Tier = 'XS' | 'S' | 'M' | 'L' | 'XL';
export interface TierLimit {
  burst: number;
  steady: number;
}

export const DEFAULT_TIERS: Record<Tier, TierLimit> = {
  XS: { burst: 1, steady: 15 },
  S: { burst: 3, steady: 60 },
  M: { burst: 10, steady: 150 },
  L: { burst: 75, steady: 700 },
  XL: { burst: 350, steady: 3500 },
};

/** Per key + tier: a 1 s burst window and a 60 s steady window, both must admit the request. */
export class TierLimiter {
  private readonly windows = new Map<string, { burst: FixedWindow; steady: FixedWindow }>();

  constructor(private readonly tiers: Record<Tier, TierLimit>) {}

  take(
    key: string,
    tier: Tier,
  ): { ok: true; headers: Record<string, string> } | { ok: false; headers: Record<string, string> } {
    const limit = this.tiers[tier];
    const id = `${key}:${tier}`;
    let pair = this.windows.get(id);
    if (!pair) {
      pair = { burst: new FixedWindow(limit.burst, 1000), steady: new FixedWindow(limit.steady, 60_000) };
      this.windows.set(id, pair);
    }
    const burstOk = pair.burst.take();
    const steadyOk = burstOk && pair.steady.take();
    if (burstOk && steadyOk) {
      return { ok: true, headers: { 'ratelimit-limit': String(limit.burst), 'ratelimit-reset': '1' } };
    }
    const window = burstOk ? pair.steady : pair.burst;
    const wait = Math.max(1, Math.ceil(window.retryAfterSeconds()));
    return {
      ok: false,
      headers: {
        'retry-after': String(wait),
        'ratelimit-limit': String(burstOk ? limit.steady : limit.burst),
        'ratelimit-remaining': '0',
        'ratelimit-reset': String(wait),
      },
    };
  }
}

/**
 * Rate limits as the services apply them. Vendors publish few numbers, so every fake takes its
 * limits as options; tests set them low to prove the connectors slow down and still complete.
 */

/** Leaky bucket (Shopify REST: 40 bucket, 2/s leak): `take()` false means answer 429. */
export class LeakyBucket {
  private level = 0;
  private last: number;

  constructor(
    readonly size: number,
    readonly leakPerSecond: number,
    private readonly now: () => number = Date.now,
  ) {
    this.last = now();
  }

  take(): boolean {
    this.leak();
    if (this.level + 1 > this.size) return false;
    this.level += 1;
    return true;
  }

  /** current fill, for headers like `X-Shopify-Shop-Api-Call-Limit: 32/40` */
  get used(): number {
    this.leak();
    return Math.ceil(this.level);
  }

  /** seconds until one more request fits */
  retryAfterSeconds(): number {
    return Math.max(0, (this.level + 1 - this.size) / this.leakPerSecond);
  }

  private leak(): void {
    const t = this.now();
    this.level = Math.max(0, this.level - ((t - this.last) / 1000) * this.leakPerSecond);
    this.last = t;
  }
}

/** Fixed window: at most `limit` requests per `windowMs` (Stripe 25/s test mode, Slack ~1/s ...). */
export class FixedWindow {
  private windowStart = 0;
  private count = 0;

  constructor(
    readonly limit: number,
    readonly windowMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  take(): boolean {
    const t = this.now();
    if (t - this.windowStart >= this.windowMs) {
      this.windowStart = t;
      this.count = 0;
    }
    if (this.count >= this.limit) return false;
    this.count += 1;
    return true;
  }

  retryAfterSeconds(): number {
    return Math.max(0, (this.windowStart + this.windowMs - this.now()) / 1000);
  }
}

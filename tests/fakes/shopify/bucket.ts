/** Shopify's GraphQL cost bucket: `maximumAvailable` points, refilled at `restoreRate` per second. */
export interface BucketOptions {
  maximumAvailable: number;
  restoreRate: number;
}

export class CostBucket {
  private available: number;
  private last: number;

  constructor(
    public options: BucketOptions,
    private readonly now: () => number = Date.now,
  ) {
    this.available = options.maximumAvailable;
    this.last = now();
  }

  private refill(): void {
    const t = this.now();
    this.available = Math.min(
      this.options.maximumAvailable,
      this.available + ((t - this.last) / 1000) * this.options.restoreRate,
    );
    this.last = t;
  }

  /** false when the query can't be paid for now (answer Throttled) */
  take(requested: number): boolean {
    this.refill();
    if (requested > this.available) return false;
    this.available -= requested;
    return true;
  }

  /** Shopify refunds the difference between requested and actual cost */
  refund(points: number): void {
    this.available = Math.min(this.options.maximumAvailable, this.available + Math.max(0, points));
  }

  /** set the level directly (tests: start a run with an almost empty bucket) */
  set(available: number): void {
    this.refill();
    this.available = Math.max(0, Math.min(this.options.maximumAvailable, available));
  }

  status() {
    this.refill();
    return {
      maximumAvailable: this.options.maximumAvailable,
      currentlyAvailable: Math.floor(this.available),
      restoreRate: this.options.restoreRate,
    };
  }
}

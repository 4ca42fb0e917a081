/** Shopify GraphQL cost-based rate limiting: a bucket of points refilled at `restoreRate` per second. */
export interface ThrottleStatus {
  maximumAvailable: number;
  currentlyAvailable: number;
  restoreRate: number;
}

export interface QueryCost {
  requestedQueryCost?: number | null;
  actualQueryCost?: number | null;
  throttleStatus?: ThrottleStatus;
}

/**
 * How long to wait before sending a query of `cost` points, given the bucket as it was seen
 * `elapsedMs` ago: `(cost − available) / restoreRate` seconds, available counted with what has
 * been restored since. 0 when it fits, or when it never could (Shopify then answers MAX_COST_EXCEEDED).
 */
export function waitBeforeQueryMs(status: ThrottleStatus, cost: number, elapsedMs = 0): number {
  if (!(status.restoreRate > 0) || cost > status.maximumAvailable) return 0;
  const available = Math.min(
    status.maximumAvailable,
    status.currentlyAvailable + (status.restoreRate * Math.max(0, elapsedMs)) / 1000,
  );
  if (available >= cost) return 0;
  return Math.ceil(((cost - available) / status.restoreRate) * 1000);
}

export function isThrottleStatus(value: unknown): value is ThrottleStatus {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return (
    typeof v.maximumAvailable === 'number' &&
    typeof v.currentlyAvailable === 'number' &&
    typeof v.restoreRate === 'number'
  );
}

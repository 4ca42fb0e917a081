/**
 * Rank-based quintile scores 1–5 with ties sharing the HIGHER rank:
 *   score(x) = ⌈5 · cume_dist(x)⌉, cume_dist(x) = #{v : v ≤ x} / n
 * where cume_dist is the SQL-standard CUME_DIST window function (PostgreSQL docs, "Window
 * Functions": "the number of partition rows preceding or peers with the current row, divided by
 * the total number of partition rows"), i.e. the empirical CDF, so the bins are the type-1
 * (inverse-ECDF) quantiles of Hyndman & Fan (1996).
 * Consequences: equal values always get the same score; the largest value always scores 5; when
 * every value is equal (or there is one customer) everybody scores 5.
 * For "lower is better" (recency in days) the order is reversed: #{v : v ≥ x} / n.
 */
export type ScoreDirection = 'higherIsBetter' | 'lowerIsBetter';

/** index of the first element > x in an ascending array */
function upperBound(sorted: readonly number[], x: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! <= x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** index of the first element ≥ x in an ascending array */
function lowerBound(sorted: readonly number[], x: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export function quintileScores(values: readonly number[], direction: ScoreDirection): number[] {
  const n = values.length;
  const sorted = [...values].sort((a, b) => a - b);
  return values.map((x) => {
    const atOrBelow = direction === 'higherIsBetter' ? upperBound(sorted, x) : n - lowerBound(sorted, x);
    // integers: 5·count/n is exact when it is a whole number, so ceil does not round up noise
    return Math.max(1, Math.ceil((5 * atOrBelow) / n));
  });
}

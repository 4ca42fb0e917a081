import { quintileScores } from './quintiles.js';
import { fmScore, rfmSegment } from './rfm-segments.js';
import type { RfmSegment } from './rfm-segments.js';

export interface CustomerActivity {
  customer: string;
  lastOrderAt: Date;
  /** number of orders */
  frequency: number;
  /** total spend */
  monetary: number;
}

export interface RfmRow {
  customer: string;
  lastOrderAt: string;
  recencyDays: number;
  frequency: number;
  monetary: number;
  r: number;
  f: number;
  m: number;
  fm: number;
  rfm: string;
  segment: RfmSegment;
}

const DAY_MS = 86_400_000;

/** Whole days from the last order to `asOf` (orders after `asOf` count as 0 days). */
export function recencyDays(lastOrderAt: Date, asOf: Date): number {
  return Math.max(0, Math.floor((asOf.getTime() - lastOrderAt.getTime()) / DAY_MS));
}

/** Scores every customer against the others (quintiles.ts) and names the segment. */
export function scoreRfm(customers: readonly CustomerActivity[], asOf: Date): RfmRow[] {
  const recency = customers.map((c) => recencyDays(c.lastOrderAt, asOf));
  const r = quintileScores(recency, 'lowerIsBetter');
  const f = quintileScores(
    customers.map((c) => c.frequency),
    'higherIsBetter',
  );
  const m = quintileScores(
    customers.map((c) => c.monetary),
    'higherIsBetter',
  );
  return customers.map((c, i) => {
    const [ri, fi, mi] = [r[i]!, f[i]!, m[i]!];
    const fm = fmScore(fi, mi);
    return {
      customer: c.customer,
      lastOrderAt: c.lastOrderAt.toISOString(),
      recencyDays: recency[i]!,
      frequency: c.frequency,
      monetary: c.monetary,
      r: ri,
      f: fi,
      m: mi,
      fm,
      rfm: `${ri}${fi}${mi}`,
      segment: rfmSegment(ri, fm),
    };
  });
}

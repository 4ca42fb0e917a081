/**
 * Croston's method for intermittent demand (Croston 1972) and the Syntetos–Boylan
 * approximation (SBA, Syntetos & Boylan 2005), following R forecast::croston:
 * - z: SES of the non-zero demand sizes, p: SES of the intervals between them, both updated only
 *   in periods with demand; forecast = ẑ/p̂ (SBA: × (1 − α/2)).
 * - initialisation (R's croston2 with ses(initial = "simple")): ẑ starts at the first non-zero
 *   demand and p̂ at the first interval, counted from the start of the series (a first demand in
 *   period 3 gives p̂ = 3).
 * - no demand at all → forecast 0.
 */
export type CrostonVariant = 'croston' | 'sba';

export interface CrostonOptions {
  alpha: number;
  h: number;
  variant?: CrostonVariant;
}

export interface CrostonResult {
  forecast: number[];
  /** one-step-ahead forecast for each period from the data before it (null for the first) */
  fitted: (number | null)[];
  /** smoothed demand size ẑ (null when there was no demand) */
  size: number | null;
  /** smoothed interval p̂ in periods (null when there was no demand) */
  interval: number | null;
  /** number of periods with demand */
  demandPeriods: number;
}

export function croston(series: readonly number[], options: CrostonOptions): CrostonResult {
  if (series.length === 0) throw new RangeError('series is empty');
  const { alpha, h } = options;
  const ratio = options.variant === 'sba' ? 1 - alpha / 2 : 1;
  let size: number | null = null;
  let interval: number | null = null;
  let sinceLast = 0;
  let demandPeriods = 0;
  const rate = () => (size === null || interval === null ? 0 : (ratio * size) / interval);
  const fitted: (number | null)[] = [null];
  series.forEach((y, t) => {
    if (y < 0) throw new RangeError(`demand must be ≥ 0, got ${y} in period ${t + 1}`);
    sinceLast += 1;
    if (y > 0) {
      demandPeriods += 1;
      size = size === null ? y : alpha * y + (1 - alpha) * size;
      interval = interval === null ? sinceLast : alpha * sinceLast + (1 - alpha) * interval;
      sinceLast = 0;
    }
    if (t < series.length - 1) fitted.push(rate());
  });
  const value = rate();
  return { forecast: Array.from({ length: h }, () => value), fitted, size, interval, demandPeriods };
}

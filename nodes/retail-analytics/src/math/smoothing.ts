/** Simple exponential smoothing and Holt's linear trend method (Hyndman & Athanasopoulos, FPP §8.1–8.2). */

export interface SmoothingResult {
  /** ŷ_{n+1..n+h} */
  forecast: number[];
  /** one-step-ahead forecasts ŷ_{t|t−1}; null where the method has no forecast yet */
  fitted: (number | null)[];
  level: number;
  trend?: number;
}

export interface SesOptions {
  alpha: number;
  h: number;
  /** ℓ_0; default y_1 (like R forecast::ses(initial = "simple")) */
  initialLevel?: number;
}

/** ℓ_t = α·y_t + (1−α)·ℓ_{t−1}; ŷ_{t+h|t} = ℓ_t (flat). */
export function simpleExponentialSmoothing(series: readonly number[], options: SesOptions): SmoothingResult {
  if (series.length === 0) throw new RangeError('series is empty');
  const { alpha, h } = options;
  let level = options.initialLevel ?? series[0]!;
  const fitted: (number | null)[] = [];
  for (const y of series) {
    fitted.push(level);
    level = alpha * y + (1 - alpha) * level;
  }
  return { forecast: Array.from({ length: h }, () => level), fitted, level };
}

export interface HoltOptions {
  alpha: number;
  /** trend smoothing (β* in FPP) */
  beta: number;
  h: number;
  /** ℓ_0 and b_0; when both are omitted: ℓ_1 = y_1, b_1 = y_2 − y_1 (NIST e-Handbook §6.4.3.3) */
  initialLevel?: number;
  initialTrend?: number;
}

/** ℓ_t = α·y_t + (1−α)(ℓ_{t−1} + b_{t−1}); b_t = β(ℓ_t − ℓ_{t−1}) + (1−β)·b_{t−1}; ŷ_{t+h} = ℓ_t + h·b_t. */
export function holtLinear(series: readonly number[], options: HoltOptions): SmoothingResult {
  if (series.length === 0) throw new RangeError('series is empty');
  const { alpha, beta, h } = options;
  const given = options.initialLevel !== undefined || options.initialTrend !== undefined;
  let level: number;
  let trend: number;
  let start: number;
  const fitted: (number | null)[] = [];
  if (given) {
    // ℓ_0/b_0 given (e.g. a textbook's starting forecast): smooth from the first observation
    level = options.initialLevel ?? series[0]!;
    trend = options.initialTrend ?? 0;
    start = 0;
  } else {
    // one value: no trend can be seen, the forecast is flat
    level = series[0]!;
    trend = series.length > 1 ? series[1]! - series[0]! : 0;
    start = 1;
    fitted.push(null);
  }
  for (let t = start; t < series.length; t++) {
    fitted.push(level + trend);
    const previous = level;
    level = alpha * series[t]! + (1 - alpha) * (level + trend);
    trend = beta * (level - previous) + (1 - beta) * trend;
  }
  return {
    forecast: Array.from({ length: h }, (_, k) => level + (k + 1) * trend),
    fitted,
    level,
    trend,
  };
}

import { describe, expect, it } from 'vitest';
import { holtLinear, simpleExponentialSmoothing } from './smoothing.js';

// Heizer & Render, Operations Management, Ch. 4 (Forecasting), "Port of Baltimore" example:
// tonnage unloaded over 8 quarters, initial forecast 175, α = .10 and α = .50.
const BALTIMORE = [180, 168, 159, 175, 190, 205, 180, 182];

describe('simpleExponentialSmoothing', () => {
  it('reproduces the published α = .10 forecasts (rounded to 2 decimals in the book)', () => {
    const r = simpleExponentialSmoothing(BALTIMORE, { alpha: 0.1, h: 1, initialLevel: 175 });
    const published = [175, 175.5, 174.75, 173.18, 173.36, 175.02, 178.02, 178.22];
    r.fitted.forEach((value, t) => expect(value).toBeCloseTo(published[t]!, 2));
    expect(r.forecast[0]).toBeCloseTo(178.6, 2); // next quarter: 178.60
    // published MAD for α = .10: 10.31
    const mad = BALTIMORE.reduce((s, y, t) => s + Math.abs(y - r.fitted[t]!), 0) / BALTIMORE.length;
    expect(mad).toBeCloseTo(10.31, 2);
  });

  it('reproduces the published α = .50 forecasts and MAD 12.33', () => {
    const r = simpleExponentialSmoothing(BALTIMORE, { alpha: 0.5, h: 2, initialLevel: 175 });
    const published = [175, 177.5, 172.75, 165.88, 170.44, 180.22, 192.61, 186.3];
    r.fitted.forEach((value, t) => expect(value).toBeCloseTo(published[t]!, 1));
    expect(r.forecast).toHaveLength(2);
    expect(r.forecast[0]).toBeCloseTo(184.15, 2);
    expect(r.forecast[1]).toBe(r.forecast[0]); // SES forecasts are flat
    const mad = BALTIMORE.reduce((s, y, t) => s + Math.abs(y - r.fitted[t]!), 0) / BALTIMORE.length;
    expect(mad).toBeCloseTo(12.33, 2);
  });

  it('defaults ℓ_0 = y_1 (hand-derived)', () => {
    // y = 10, 20, 30, α = 0.5: ℓ0 = 10, ℓ1 = 10, ℓ2 = 15, ℓ3 = 22.5
    const r = simpleExponentialSmoothing([10, 20, 30], { alpha: 0.5, h: 3 });
    expect(r.fitted).toEqual([10, 10, 15]);
    expect(r.forecast).toEqual([22.5, 22.5, 22.5]);
  });

  it('one value → flat forecast of that value; no value → error', () => {
    expect(simpleExponentialSmoothing([7], { alpha: 0.3, h: 2 }).forecast).toEqual([7, 7]);
    expect(() => simpleExponentialSmoothing([], { alpha: 0.3, h: 2 })).toThrow(/empty/);
  });
});

describe('holtLinear', () => {
  it('Heizer & Render, Ch. 4, trend-adjusted exponential smoothing (Portland manufacturer)', () => {
    // α = .2, β = .4, F1 = 11, T1 = 2 (ℓ0, b0). Published FIT: month 1 13.00, month 2 14.72,
    // month 3 17.28, month 4 20.14. Hand check of month 2: F2 = .2·12 + .8·(11 + 2) = 12.8,
    // T2 = .4·(12.8 − 11) + .6·2 = 1.92, FIT2 = 14.72.
    const demand = [12, 17, 20, 19, 24, 21, 31, 28, 36];
    const r = holtLinear(demand, { alpha: 0.2, beta: 0.4, h: 1, initialLevel: 11, initialTrend: 2 });
    expect(r.fitted[0]).toBeCloseTo(13, 10);
    expect(r.fitted[1]).toBeCloseTo(14.72, 10);
    expect(r.fitted[2]).toBeCloseTo(17.28, 2); // unrounded 17.2784
    expect(r.fitted[3]).toBeCloseTo(20.14, 2); // unrounded 20.142848
  });

  it('default initialisation ℓ_1 = y_1, b_1 = y_2 − y_1 follows an exact line (hand-derived)', () => {
    // y = 3, 5, 7, 9: b1 = 2; each update keeps ℓ_t = y_t, b_t = 2 → forecasts 11, 13, 15
    const r = holtLinear([3, 5, 7, 9], { alpha: 0.2, beta: 0.1, h: 3 });
    expect(r.fitted).toEqual([null, 5, 7, 9]);
    expect(r.forecast.map((v) => Number(v.toFixed(10)))).toEqual([11, 13, 15]);
    expect(r.trend).toBeCloseTo(2, 12);
  });

  it('hand-derived non-linear series', () => {
    // y = 10, 12, 17, α = 0.5, β = 0.5; ℓ1 = 10, b1 = 2.
    // t=2: ℓ2 = .5·12 + .5·(10+2) = 12, b2 = .5·(12−10) + .5·2 = 2
    // t=3: ℓ3 = .5·17 + .5·(12+2) = 15.5, b3 = .5·(15.5−12) + .5·2 = 2.75
    // ŷ4 = 18.25, ŷ5 = 21
    const r = holtLinear([10, 12, 17], { alpha: 0.5, beta: 0.5, h: 2 });
    expect(r.fitted).toEqual([null, 12, 14]);
    expect(r.forecast).toEqual([18.25, 21]);
  });

  it('one value → flat forecast', () => {
    const r = holtLinear([4], { alpha: 0.2, beta: 0.1, h: 2 });
    expect(r.forecast).toEqual([4, 4]);
    expect(r.fitted).toEqual([null]);
  });
});

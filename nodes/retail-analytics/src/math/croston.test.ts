import { describe, expect, it } from 'vitest';
import { croston } from './croston.js';

// No published R forecast::croston output on a documented series could be verified here, so the
// expectations are derived by hand from the method's definition (Croston 1972; SBA factor
// 1 − α/2 from Syntetos & Boylan 2005) and R's croston2 initialisation (first size, first interval).
//
// x = 0, 0, 5, 0, 0, 3, 0, 4 (periods 1..8), α = 0.1
// demands in periods 3, 6, 8 → sizes 5, 3, 4; intervals 3 (from the start), 3, 2
// ẑ: 5 → .1·3 + .9·5 = 4.8 → .1·4 + .9·4.8 = 4.72
// p̂: 3 → .1·3 + .9·3 = 3 → .1·2 + .9·3 = 2.9
// Croston = 4.72 / 2.9 = 1.6275862…; SBA = 0.95 · 1.6275862 = 1.5462069…
const X = [0, 0, 5, 0, 0, 3, 0, 4];

describe('croston', () => {
  it('Croston forecast on a hand-derived intermittent series', () => {
    const r = croston(X, { alpha: 0.1, h: 3 });
    expect(r.size).toBeCloseTo(4.72, 12);
    expect(r.interval).toBeCloseTo(2.9, 12);
    expect(r.forecast).toHaveLength(3);
    for (const f of r.forecast) expect(f).toBeCloseTo(4.72 / 2.9, 12);
    expect(r.demandPeriods).toBe(3);
  });

  it('SBA multiplies by (1 − α/2)', () => {
    const r = croston(X, { alpha: 0.1, h: 1, variant: 'sba' });
    expect(r.forecast[0]).toBeCloseTo(0.95 * (4.72 / 2.9), 12);
    expect(r.forecast[0]).toBeCloseTo(1.5462069, 6);
  });

  it('fitted values are the forecasts from the data before each period (as R fits prefixes)', () => {
    // before period 1: none; after 1–2 (no demand yet): 0; after period 3: 5/3; after 6: 4.8/3 = 1.6
    const r = croston(X, { alpha: 0.1, h: 1 });
    const expected = [null, 0, 0, 5 / 3, 5 / 3, 5 / 3, 1.6, 1.6];
    r.fitted.forEach((value, t) => {
      const e = expected[t];
      if (e === null || e === undefined) expect(value).toBe(e ?? null);
      else expect(value).toBeCloseTo(e, 12);
    });
  });

  it('all-zero demand → forecast 0', () => {
    const r = croston([0, 0, 0], { alpha: 0.1, h: 2 });
    expect(r.forecast).toEqual([0, 0]);
    expect(r.size).toBeNull();
  });

  it('one value: a single demand y in period k gives y / k (R: y / tt)', () => {
    expect(croston([6], { alpha: 0.1, h: 1 }).forecast).toEqual([6]);
    expect(croston([0, 6], { alpha: 0.1, h: 1 }).forecast).toEqual([3]);
  });

  it('refuses negative demand and an empty series', () => {
    expect(() => croston([1, -2], { alpha: 0.1, h: 1 })).toThrow(/period 2/);
    expect(() => croston([], { alpha: 0.1, h: 1 })).toThrow(/empty/);
  });
});

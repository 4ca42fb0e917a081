import { describe, expect, it } from 'vitest';
import { reorderPoint, serviceLevelZ } from './reorder-point.js';
import { mean, sampleStdDev } from './stats.js';

describe('reorderPoint', () => {
  it('variable demand, fixed lead time: Heizer & Render, Operations Management (Ch. 12, Inventory Management)', () => {
    // Published example ("Memphis Regional Hospital"): d̄ = 15 kits/day, σ_d = 5, L = 2 days,
    // 90% service level → Z = 1.28 (table), ROP = 15·2 + 1.28·5·√2 = 30 + 9.02 = 39.02 ≈ 39.
    const r = reorderPoint({ averageDemand: 15, demandStdDev: 5, leadTime: 2, z: 1.28 });
    expect(r.safetyStock).toBeCloseTo(9.05, 2); // 1.28·5·1.414214 = 9.0510 (book rounds √2 → 9.02)
    expect(Math.round(r.reorderPoint)).toBe(39);
    // with the exact z for 90% (1.2815516): SS = 1.2815516·5·√2 = 9.06194
    const exact = reorderPoint({ averageDemand: 15, demandStdDev: 5, leadTime: 2, serviceLevel: 0.9 });
    expect(exact.z).toBeCloseTo(1.2815516, 6);
    expect(exact.safetyStock).toBeCloseTo(9.06194, 4);
  });

  it('variable demand and lead time: Heizer & Render (Ch. 12) worked example', () => {
    // Published: d̄ = 150/day, σ_d = 16, L = 5 days, σ_L = 1 day, 95% → Z = 1.65 (table);
    // σ_dLT = √(5·16² + 150²·1²) = √(1280 + 22500) = √23780 = 154.2; ROP = 750 + 1.65·154 = 1,004.
    const r = reorderPoint({ averageDemand: 150, demandStdDev: 16, leadTime: 5, leadTimeStdDev: 1, z: 1.65 });
    expect(r.sigmaLeadTimeDemand).toBeCloseTo(Math.sqrt(23780), 10);
    expect(r.sigmaLeadTimeDemand).toBeCloseTo(154.2, 1);
    expect(Math.round(r.reorderPoint)).toBe(1004);
    // exact z(0.95) = 1.6448536: √23780 = 154.207652, SS = 1.6448536·154.207652 = 253.64902 (hand-computed), ROP = 1003.64902
    const exact = reorderPoint({
      averageDemand: 150,
      demandStdDev: 16,
      leadTime: 5,
      leadTimeStdDev: 1,
      serviceLevel: 0.95,
    });
    expect(exact.safetyStock).toBeCloseTo(253.64902, 4);
    expect(exact.reorderPoint).toBeCloseTo(1003.64902, 4);
  });

  it('constant demand, variable lead time reduces to z·d̄·σ_L', () => {
    // hand-derived: d̄ = 10, σ_d = 0, L = 6, σ_L = 1, z = 2 → SS = 2·√(0 + 100·1) = 20, ROP = 80
    const r = reorderPoint({ averageDemand: 10, demandStdDev: 0, leadTime: 6, leadTimeStdDev: 1, z: 2 });
    expect(r.safetyStock).toBe(20);
    expect(r.reorderPoint).toBe(80);
  });

  it('service level bounds: 0.5 gives no safety stock, 0.9999 is the top, outside is refused', () => {
    expect(serviceLevelZ(0.5)).toBe(0);
    expect(
      reorderPoint({ averageDemand: 4, demandStdDev: 2, leadTime: 9, serviceLevel: 0.5 }).reorderPoint,
    ).toBe(36);
    expect(serviceLevelZ(0.9999)).toBeCloseTo(3.719016, 6);
    for (const level of [0.49, 1, 0.99995, Number.NaN])
      expect(() => serviceLevelZ(level)).toThrow(RangeError);
  });

  it('refuses negative inputs', () => {
    expect(() => reorderPoint({ averageDemand: -1, demandStdDev: 1, leadTime: 1 })).toThrow(RangeError);
  });
});

describe('stats', () => {
  it('mean and sample standard deviation (hand-derived)', () => {
    // 2, 4, 4, 4, 5, 5, 7, 9: mean 5, Σ(x−5)² = 32, s = √(32/7) = 2.13809
    const values = [2, 4, 4, 4, 5, 5, 7, 9];
    expect(mean(values)).toBe(5);
    expect(sampleStdDev(values)).toBeCloseTo(Math.sqrt(32 / 7), 12);
    expect(sampleStdDev([3])).toBe(0);
  });
});

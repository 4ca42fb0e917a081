import { describe, expect, it } from 'vitest';
import { inverseNormalCdf } from './inverse-normal.js';

// Reference quantiles of the standard normal distribution, as tabulated in standard tables
// (e.g. NIST/SEMATECH e-Handbook §1.3.6.7.1 "Cumulative distribution function of the standard
// normal distribution": 1.645, 1.960, 2.326, 2.576, 3.090) and to full precision by R's
// qnorm() (Wichura 1988, AS 241, accurate to ~1e-16).
const PUBLISHED: [p: number, z: number][] = [
  [0.5, 0],
  [0.8, 0.8416212335729143],
  [0.9, 1.2815515655446004],
  [0.95, 1.6448536269514722],
  [0.975, 1.959963984540054],
  [0.99, 2.3263478740408408],
  [0.995, 2.5758293035489004],
  [0.999, 3.090232306167813],
  [0.9999, 3.719016485455709],
];

describe('inverseNormalCdf (Acklam)', () => {
  it.each(PUBLISHED)('Φ⁻¹(%f) matches the published %f to 1e-6', (p, z) => {
    expect(Math.abs(inverseNormalCdf(p) - z)).toBeLessThan(1e-6);
  });

  it('is antisymmetric: Φ⁻¹(1 − p) = −Φ⁻¹(p), covering the lower tail branch', () => {
    for (const [p, z] of PUBLISHED) {
      if (p === 0.5) continue;
      expect(Math.abs(inverseNormalCdf(1 - p) + z)).toBeLessThan(1e-6);
    }
  });

  it('is strictly increasing across the region boundaries (p = 0.02425 and 0.97575)', () => {
    let previous = -Infinity;
    for (let p = 0.0001; p < 1; p += 0.0001) {
      const z = inverseNormalCdf(p);
      expect(z).toBeGreaterThan(previous);
      previous = z;
    }
  });

  it('rejects probabilities outside (0, 1)', () => {
    for (const p of [0, 1, -0.1, 1.5, Number.NaN]) expect(() => inverseNormalCdf(p)).toThrow(RangeError);
  });
});

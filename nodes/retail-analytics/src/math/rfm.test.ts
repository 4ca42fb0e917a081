import { describe, expect, it } from 'vitest';
import { quintileScores } from './quintiles.js';
import { RFM_SEGMENTS, fmScore, rfmSegment } from './rfm-segments.js';
import { recencyDays, scoreRfm } from './rfm.js';

// No published RFM worked example with this exact tie rule was verifiable here; the expectations
// below are derived by hand from score = ⌈5 · cume_dist⌉ (quintiles.ts).
describe('quintileScores', () => {
  it('ten distinct values: two per quintile', () => {
    // cume_dist of the k-th smallest = k/10 → ⌈k/2⌉ = 1,1,2,2,3,3,4,4,5,5
    const values = [10, 20, 30, 40, 50, 60, 70, 80, 90, 100];
    expect(quintileScores(values, 'higherIsBetter')).toEqual([1, 1, 2, 2, 3, 3, 4, 4, 5, 5]);
    expect(quintileScores(values, 'lowerIsBetter')).toEqual([5, 5, 4, 4, 3, 3, 2, 2, 1, 1]);
  });

  it('ties share the higher rank', () => {
    // values 1,1,1,2,3 (n = 5): #≤1 = 3 → ⌈5·3/5⌉ = 3; #≤2 = 4 → 4; #≤3 = 5 → 5
    expect(quintileScores([1, 2, 1, 3, 1], 'higherIsBetter')).toEqual([3, 4, 3, 5, 3]);
    // recency 0,0,7,30 (n = 4): #≥0 = 4 → 5; #≥7 = 2 → ⌈2.5⌉ = 3; #≥30 = 1 → ⌈1.25⌉ = 2
    expect(quintileScores([0, 7, 0, 30], 'lowerIsBetter')).toEqual([5, 3, 5, 2]);
  });

  it('all equal → all 5; one value → 5; order of input does not matter', () => {
    expect(quintileScores([4, 4, 4], 'higherIsBetter')).toEqual([5, 5, 5]);
    expect(quintileScores([4, 4, 4], 'lowerIsBetter')).toEqual([5, 5, 5]);
    expect(quintileScores([9], 'higherIsBetter')).toEqual([5]);
    expect(quintileScores([], 'higherIsBetter')).toEqual([]);
  });

  it('fractional cume_dist rounds up: n = 3 gives 2, 4, 5', () => {
    // ⌈5/3⌉ = 2, ⌈10/3⌉ = 4, ⌈15/3⌉ = 5
    expect(quintileScores([1, 2, 3], 'higherIsBetter')).toEqual([2, 4, 5]);
  });
});

describe('rfmSegment', () => {
  it('matches every cell of the published R × F grid (FM on the second axis)', () => {
    // rows R = 1..5, columns FM = 1..5, transcribed from the seg_map regexes
    const grid: Record<number, string[]> = {
      1: ['Lost', 'Hibernating', 'At risk', 'At risk', "Can't lose them"],
      2: ['Hibernating', 'Hibernating', 'At risk', 'At risk', "Can't lose them"],
      3: ['About to sleep', 'About to sleep', 'Need attention', 'Loyal', 'Loyal'],
      4: ['Promising', 'Potential loyalist', 'Potential loyalist', 'Loyal', 'Loyal'],
      5: ['New', 'Potential loyalist', 'Potential loyalist', 'Champions', 'Champions'],
    };
    for (let r = 1; r <= 5; r++) {
      for (let fm = 1; fm <= 5; fm++) expect(rfmSegment(r, fm)).toBe(grid[r]![fm - 1]);
    }
    // all eleven names are reachable
    const seen = new Set(Object.values(grid).flat());
    expect([...seen].sort()).toEqual([...RFM_SEGMENTS].sort());
  });

  it('FM = (F + M) / 2 with halves rounded up', () => {
    expect(fmScore(1, 2)).toBe(2);
    expect(fmScore(4, 5)).toBe(5);
    expect(fmScore(3, 3)).toBe(3);
  });
});

describe('scoreRfm', () => {
  const asOf = new Date('2024-06-30T00:00:00Z');
  const at = (iso: string) => new Date(`${iso}T12:00:00Z`);

  it('scores five customers (hand-derived)', () => {
    const rows = scoreRfm(
      [
        { customer: 'a', lastOrderAt: at('2024-06-29'), frequency: 9, monetary: 900 },
        { customer: 'b', lastOrderAt: at('2024-06-20'), frequency: 1, monetary: 40 },
        { customer: 'c', lastOrderAt: at('2024-01-10'), frequency: 7, monetary: 700 },
        { customer: 'd', lastOrderAt: at('2023-06-01'), frequency: 1, monetary: 20 },
        { customer: 'e', lastOrderAt: at('2024-05-01'), frequency: 3, monetary: 120 },
      ],
      asOf,
    );
    // recency days: a 0 (12 h), b 9, c 171, d 394, e 59 → R: a 5, b 4, e 3, c 2, d 1
    // frequency 9,1,7,1,3: #≤1 = 2 → F 2 for b and d; #≤3 = 3 → 3; #≤7 = 4 → 4; 9 → 5
    // monetary 900,40,700,20,120 → 5,2,4,1,3
    expect(rows.map((r) => [r.customer, r.recencyDays, r.rfm, r.fm, r.segment])).toEqual([
      ['a', 0, '555', 5, 'Champions'],
      ['b', 9, '422', 2, 'Potential loyalist'],
      ['c', 171, '244', 4, 'At risk'],
      ['d', 394, '121', 2, 'Hibernating'], // FM = round(1.5) = 2
      ['e', 59, '333', 3, 'Need attention'],
    ]);
  });

  it('one customer scores 555 (Champions): nobody to compare with', () => {
    const [row] = scoreRfm(
      [{ customer: 'x', lastOrderAt: at('2020-01-01'), frequency: 1, monetary: 5 }],
      asOf,
    );
    expect(row).toMatchObject({ rfm: '555', segment: 'Champions' });
  });

  it('recency is whole days, never negative', () => {
    expect(recencyDays(new Date('2024-06-28T01:00:00Z'), asOf)).toBe(1);
    expect(recencyDays(new Date('2024-07-05T00:00:00Z'), asOf)).toBe(0);
  });
});

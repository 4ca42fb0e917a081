/**
 * Named RFM segments from the recency score R and FM = round((F + M) / 2) (halves round up).
 *
 * The grid is the widely published 10-cell RFM segment map (Miuul "CRM Analytics" course; the
 * regex `seg_map` found in many public RFM notebooks: [1-2][1-2] hibernating, [1-2][3-4] at risk,
 * [1-2]5 can't lose, 3[1-2] about to sleep, 33 need attention, [3-4][4-5] loyal, 41 promising,
 * 51 new, [4-5][2-3] potential loyalist, 5[4-5] champions), read with FM on the second axis.
 * Shopwire addition: the bottom-left cell R = 1, FM = 1 is "Lost" (lowest on every axis), the
 * rest of the R 1–2 × FM 1–2 block stays "Hibernating".
 */
export const RFM_SEGMENTS = [
  'Champions',
  'Loyal',
  'Potential loyalist',
  'New',
  'Promising',
  'Need attention',
  'About to sleep',
  'At risk',
  "Can't lose them",
  'Hibernating',
  'Lost',
] as const;
export type RfmSegment = (typeof RFM_SEGMENTS)[number];

export function fmScore(f: number, m: number): number {
  return Math.floor((f + m) / 2 + 0.5);
}

export function rfmSegment(r: number, fm: number): RfmSegment {
  if (r <= 2) {
    if (fm === 5) return "Can't lose them";
    if (fm >= 3) return 'At risk';
    return r === 1 && fm === 1 ? 'Lost' : 'Hibernating';
  }
  if (r === 3) {
    if (fm >= 4) return 'Loyal';
    return fm === 3 ? 'Need attention' : 'About to sleep';
  }
  if (fm >= 4) return r === 5 ? 'Champions' : 'Loyal';
  if (fm >= 2) return 'Potential loyalist';
  return r === 5 ? 'New' : 'Promising';
}

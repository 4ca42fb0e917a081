import { describe, expect, it } from 'vitest';
import { waitBeforeQueryMs } from './throttle.js';

const status = { maximumAvailable: 1000, currentlyAvailable: 20, restoreRate: 50 };

describe('waitBeforeQueryMs', () => {
  it('waits (cost − available) / restoreRate seconds', () => {
    expect(waitBeforeQueryMs(status, 120)).toBe(2000);
    expect(waitBeforeQueryMs(status, 20)).toBe(0);
  });

  it('counts what was restored since the status was seen', () => {
    expect(waitBeforeQueryMs(status, 120, 1000)).toBe(1000);
    expect(waitBeforeQueryMs(status, 120, 5000)).toBe(0);
  });

  it('never waits for a query that can never fit or a broken status', () => {
    expect(waitBeforeQueryMs(status, 5000)).toBe(0);
    expect(waitBeforeQueryMs({ ...status, restoreRate: 0 }, 120)).toBe(0);
  });
});

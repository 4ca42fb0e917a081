import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { ChurnMap } from './churn-map.js';

describe('ChurnMap', () => {
  it('behaves like a Map through many renewals', () => {
    const churn = new ChurnMap<string, number>();
    const map = new Map<string, number>();
    // deterministic pseudo-random operations over a small key space
    let seed = 7;
    const next = (): number => (seed = (seed * 1103515245 + 12345) % 2147483648);
    for (let i = 0; i < 20_000; i += 1) {
      const key = `k${next() % 90}`;
      const op = next() % 10;
      if (op < 5) {
        churn.set(key, i);
        map.set(key, i);
      } else if (op < 9) {
        expect(churn.delete(key)).toBe(map.delete(key));
      } else {
        expect(churn.get(key)).toBe(map.get(key));
        expect(churn.has(key)).toBe(map.has(key));
      }
      expect(churn.size).toBe(map.size);
    }
    expect([...churn]).toEqual([...map]);
    expect([...churn.keys()]).toEqual([...map.keys()]);
    expect([...churn.values()]).toEqual([...map.values()]);
    churn.clear();
    expect(churn.size).toBe(0);
    expect(churn.get('k1')).toBeUndefined();
  });

  it('keeps insertion order across a renewal, and set() chains', () => {
    const churn = new ChurnMap<number, string>();
    for (let i = 0; i < 200; i += 1) churn.set(i, `v${i}`).set(i + 1000, 'x');
    for (let i = 0; i < 200; i += 1) churn.delete(i + 1000); // several renewals
    expect([...churn.keys()]).toEqual(Array.from({ length: 200 }, (_, i) => i));
  });

  // The fixture runs the BUILT sdk (dist/): `npm test` builds first; without a build it fails.
  it('lets values it no longer holds die young, where a long-lived Map keeps them', async () => {
    const fixture = fileURLToPath(new URL('./fixtures/churn-gc.mjs', import.meta.url));
    const run = async (kind: string): Promise<{ grewBytes: number; majorGcs: number }> => {
      const { stdout } = await promisify(execFile)(process.execPath, ['--expose-gc', fixture, kind], {
        timeout: 60_000,
      });
      return JSON.parse(stdout.trim()) as { grewBytes: number; majorGcs: number };
    };
    const none = await run('none');
    const map = await run('map');
    const churn = await run('churn');
    for (const r of [none, map, churn]) expect(r.majorGcs).toBe(0);
    // measured: none 0.48 MB, Map 3.3 MB, ChurnMap 0.55 MB of old space for 20,000 values
    expect(map.grewBytes - none.grewBytes).toBeGreaterThan(1_500_000);
    expect(churn.grewBytes - none.grewBytes).toBeLessThan((map.grewBytes - none.grewBytes) / 5);
  });
});

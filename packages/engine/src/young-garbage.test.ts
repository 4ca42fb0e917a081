import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

// The fixture runs the BUILT engine (dist/): `npm test` builds first; without a build it fails.
const fixture = fileURLToPath(new URL('./fixtures/young-garbage.mjs', import.meta.url));

/**
 * Old-space bytes each finished execution leaves behind. Before the fixes of docs/architecture.md
 * ("Garbage that dies young") this fixture measured 5,751 bytes per run and needed two full GCs;
 * after them ~600. A getter in a per-run object literal, or a spread copy that gets a new key,
 * brings it back above 2,000.
 */
const MAX_OLD_BYTES_PER_RUN = 1_200;

describe('garbage of finished executions', () => {
  it('dies in the young generation instead of being promoted', async () => {
    const { stdout } = await promisify(execFile)(process.execPath, ['--expose-gc', fixture], {
      timeout: 60_000,
    });
    const result = JSON.parse(stdout.trim()) as { runs: number; oldBytesPerRun: number; majorGcs: number };
    expect(result.runs).toBe(4000);
    // full GCs during the measurement mean old space filled up with promoted garbage
    expect(result.majorGcs).toBe(0);
    expect(result.oldBytesPerRun).toBeLessThan(MAX_OLD_BYTES_PER_RUN);
  });
});

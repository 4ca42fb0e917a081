import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** A fresh temp dir and its cleanup. */
export function tempDir(): { dir: string; cleanup: () => void } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sw-'));
  return { dir, cleanup: () => fs.rmSync(dir, { recursive: true, force: true }) };
}

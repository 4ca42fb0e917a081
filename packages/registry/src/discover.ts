import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';

/** Directories directly under `rootDir` that hold a package.json (e.g. every `nodes/*`), sorted. */
export function discoverPackageDirs(rootDir: string): string[] {
  if (!existsSync(rootDir)) return [];
  return readdirSync(rootDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && !entry.name.startsWith('.'))
    .map((entry) => path.join(rootDir, entry.name))
    .filter((dir) => existsSync(path.join(dir, 'package.json')))
    .sort();
}

import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const PACKAGE_NAME = '@shopwire/server';
let cached: string | undefined;

/**
 * `apps/server`: the folder of this package's package.json, found by walking up from this module.
 * Works from src/ (tests) and from dist/, whichever bundle chunk this code ends up in.
 */
export function serverRoot(): string {
  if (cached) return cached;
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const manifest = path.join(dir, 'package.json');
    if (fs.existsSync(manifest) && nameOf(manifest) === PACKAGE_NAME) return (cached = dir);
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`${PACKAGE_NAME}: cannot find the package root above ${dir}`);
    dir = parent;
  }
}

function nameOf(manifest: string): string | undefined {
  try {
    const parsed = JSON.parse(fs.readFileSync(manifest, 'utf8')) as { name?: unknown };
    return typeof parsed.name === 'string' ? parsed.name : undefined;
  } catch {
    return undefined;
  }
}

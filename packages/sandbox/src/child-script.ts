import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const PACKAGE_NAME = '@shopwire/sandbox';

/**
 * Path of the BUILT child entry (`<package root>/dist/child/main.js`). Works from `src/` under
 * vitest and from `dist/` at run time, because it walks up to this package's package.json.
 */
export function childScriptPath(fromUrl: string = import.meta.url): string {
  let dir = path.dirname(fileURLToPath(fromUrl));
  for (;;) {
    const manifest = path.join(dir, 'package.json');
    if (fs.existsSync(manifest) && readName(manifest) === PACKAGE_NAME) break;
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`${PACKAGE_NAME}: cannot find the package root above ${fromUrl}`);
    dir = parent;
  }
  const script = path.join(dir, 'dist', 'child', 'main.js');
  if (!fs.existsSync(script)) {
    throw new Error(`${PACKAGE_NAME}: ${script} is missing; run npm run build -w ${PACKAGE_NAME}`);
  }
  return script;
}

function readName(manifest: string): string | undefined {
  try {
    const parsed = JSON.parse(fs.readFileSync(manifest, 'utf8')) as { name?: unknown };
    return typeof parsed.name === 'string' ? parsed.name : undefined;
  } catch {
    return undefined;
  }
}

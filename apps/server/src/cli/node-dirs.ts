import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Finds the folder holding the built-in node packages (`<repo>/nodes`): the parent folder of the
 * installed @shopwire/nodes-core, found by walking up node_modules folders from this file.
 */
export function builtinNodesDir(
  from: string = path.dirname(fileURLToPath(import.meta.url)),
): string | undefined {
  let dir = from;
  for (;;) {
    const candidate = path.join(dir, 'node_modules', '@shopwire', 'nodes-core', 'package.json');
    if (fs.existsSync(candidate)) return path.dirname(path.dirname(fs.realpathSync(candidate)));
    const parent = path.dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

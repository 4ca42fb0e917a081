import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

export type ManifestResult =
  | { kind: 'node-package'; name: string; version: string; builtin: boolean; entry: string }
  /** a directory whose package.json has no `shopwire` field: not a node package, skipped quietly */
  | { kind: 'ignored'; name: string }
  | { kind: 'failed'; package: string; error: string };

type Exports = string | { [key: string]: Exports } | null | undefined;

/** Picks a file from an `exports` value by condition, following nested condition objects. */
function pickCondition(value: Exports, conditions: string[]): string | undefined {
  if (typeof value === 'string') return value;
  if (!value || typeof value !== 'object' || Array.isArray(value)) return undefined;
  for (const condition of conditions) {
    if (condition in value) {
      const picked = pickCondition(value[condition], conditions);
      if (picked) return picked;
    }
  }
  return undefined;
}

function entryOf(manifest: Record<string, unknown>, useSourceCondition: boolean): string | undefined {
  const conditions = [...(useSourceCondition ? ['source'] : []), 'import', 'node', 'default'];
  const exportsField = manifest.exports as Exports;
  if (exportsField !== undefined) {
    // `exports` is either the root entry itself or a map of subpaths ('.', './x')
    const isSubpathMap =
      typeof exportsField === 'object' &&
      exportsField !== null &&
      Object.keys(exportsField).some((key) => key.startsWith('.'));
    const root = isSubpathMap ? (exportsField as Record<string, Exports>)['.'] : exportsField;
    const picked = pickCondition(root, conditions);
    if (picked) return picked;
  }
  if (typeof manifest.main === 'string' && manifest.main) return manifest.main;
  return 'index.js';
}

/** Reads `<dir>/package.json` and decides whether (and from which file) to load a node package. */
export function readManifest(dir: string, options: { useSourceCondition: boolean }): ManifestResult {
  const file = path.join(dir, 'package.json');
  let manifest: Record<string, unknown>;
  try {
    const parsed: unknown = JSON.parse(readFileSync(file, 'utf8'));
    if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed))
      throw new Error('package.json is not a JSON object');
    manifest = parsed as Record<string, unknown>;
  } catch (error) {
    const reason =
      (error as NodeJS.ErrnoException).code === 'ENOENT'
        ? 'no package.json in this directory'
        : `cannot read package.json: ${(error as Error).message}`;
    return { kind: 'failed', package: dir, error: reason };
  }
  const name = typeof manifest.name === 'string' && manifest.name ? manifest.name : dir;
  const shopwire = manifest.shopwire;
  if (shopwire === undefined) return { kind: 'ignored', name };
  if (!shopwire || typeof shopwire !== 'object' || Array.isArray(shopwire)) {
    return {
      kind: 'failed',
      package: name,
      error: 'package.json "shopwire" must be an object like { "apiVersion": 1 }',
    };
  }
  const { apiVersion, builtin } = shopwire as Record<string, unknown>;
  if (apiVersion !== 1) {
    return {
      kind: 'failed',
      package: name,
      error: `unsupported shopwire.apiVersion ${JSON.stringify(apiVersion)} (this Shopwire supports 1)`,
    };
  }
  const relative = entryOf(manifest, options.useSourceCondition);
  const entry = relative ? path.resolve(dir, relative) : undefined;
  if (!entry || !existsSync(entry) || !statSync(entry).isFile()) {
    return {
      kind: 'failed',
      package: name,
      error: `entry file ${relative ?? '(none)'} not found (check "exports" / "main"; is the package built?)`,
    };
  }
  return {
    kind: 'node-package',
    name,
    version: typeof manifest.version === 'string' ? manifest.version : '0.0.0',
    builtin: builtin === true,
    entry,
  };
}

import type { JsonObject, JsonValue } from '@shopwire/sdk';

/** `order.lines[0].sku` / `order.lines.0.sku` → ['order', 'lines', '0', 'sku'] */
export function splitPath(path: string): string[] {
  return path
    .replace(/\[(\d+)\]/g, '.$1')
    .split('.')
    .filter((segment) => segment !== '');
}

// keys that would let a field name reach Object.prototype
const FORBIDDEN = new Set(['__proto__', 'prototype', 'constructor']);

/** Reads a dot path; undefined when any step is missing. An empty path returns the value itself. */
export function getPath(value: unknown, path: string): unknown {
  let current: unknown = value;
  for (const segment of splitPath(path)) {
    if (current === null || typeof current !== 'object' || FORBIDDEN.has(segment)) return undefined;
    if (!Object.prototype.hasOwnProperty.call(current, segment)) return undefined;
    current = (current as Record<string, unknown>)[segment];
  }
  return current;
}

/**
 * A shallow copy that may get new keys. Not `{ ...source }`: in Node 20's V8 an object made by a
 * spread that then gets a key it did not have stays alive through young-generation GCs, with all
 * it points to (docs/architecture.md, "Garbage that dies young"). Object.assign would call the
 * `__proto__` setter for an own `__proto__` key (JSON.parse makes those), so such objects are
 * spread as before.
 */
function copyObject(source: JsonObject): JsonObject {
  return Object.hasOwn(source, '__proto__') ? { ...source } : Object.assign({}, source);
}

/**
 * `source` with one dot path set to `value`, as a new object: the objects and arrays on the path
 * are copied, everything else is shared. Items flow between nodes by reference and may be stored
 * or read by other branches, so a node never writes into the ones it was given; copying only
 * the path (not the whole item, which may hold thousands of order lines) keeps that cheap.
 * Missing or non-object steps become objects; existing arrays stay arrays.
 */
export function withPath(source: JsonObject, path: string, value: JsonValue): JsonObject {
  const segments = splitPath(path);
  if (segments.length === 0) throw new Error('empty field name');
  const forbidden = segments.find((segment) => FORBIDDEN.has(segment));
  if (forbidden) throw new Error(`"${forbidden}" is not allowed in a field name`);
  const root: JsonObject = copyObject(source);
  let current: Record<string, JsonValue> | JsonValue[] = root;
  for (let i = 0; i < segments.length - 1; i++) {
    const key = segments[i]!;
    const next: JsonValue | undefined = (current as Record<string, JsonValue>)[key];
    const copy: JsonObject | JsonValue[] = Array.isArray(next)
      ? next.slice()
      : next !== null && typeof next === 'object'
        ? copyObject(next)
        : {};
    (current as Record<string, JsonValue>)[key] = copy;
    current = copy;
  }
  (current as Record<string, JsonValue>)[segments[segments.length - 1]!] = value;
  return root;
}

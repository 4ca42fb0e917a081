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

/** Writes a dot path, creating objects on the way (arrays are kept when they already exist). */
export function setPath(target: JsonObject, path: string, value: JsonValue): void {
  const segments = splitPath(path);
  if (segments.length === 0) throw new Error('empty field name');
  const forbidden = segments.find((segment) => FORBIDDEN.has(segment));
  if (forbidden) throw new Error(`"${forbidden}" is not allowed in a field name`);
  let current: Record<string, JsonValue> | JsonValue[] = target;
  for (let i = 0; i < segments.length - 1; i++) {
    const key = segments[i]!;
    const next: JsonValue | undefined = (current as Record<string, JsonValue>)[key];
    if (next !== null && typeof next === 'object') {
      current = next;
    } else {
      const created: JsonObject = {};
      (current as Record<string, JsonValue>)[key] = created;
      current = created;
    }
  }
  (current as Record<string, JsonValue>)[segments[segments.length - 1]!] = value;
}

/** Deep copy of JSON data (items are plain JSON). */
export function cloneJson<T extends JsonValue>(value: T): T {
  return structuredClone(value);
}

/** `order.lines[0].sku` / `order.lines.0.sku` → ['order', 'lines', '0', 'sku'] */
function splitPath(path: string): string[] {
  return path
    .replace(/\[(\d+)\]/g, '.$1')
    .split('.')
    .filter((segment) => segment !== '');
}

// keys that would let a field name reach Object.prototype
const FORBIDDEN = new Set(['__proto__', 'prototype', 'constructor']);

/** Reads a dot path; undefined when any step is missing. */
export function getPath(value: unknown, path: string): unknown {
  let current: unknown = value;
  for (const segment of splitPath(path)) {
    if (current === null || typeof current !== 'object' || FORBIDDEN.has(segment)) return undefined;
    if (!Object.prototype.hasOwnProperty.call(current, segment)) return undefined;
    current = (current as Record<string, unknown>)[segment];
  }
  return current;
}

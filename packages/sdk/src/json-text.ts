import type { Item, JsonObject } from './items.js';

/**
 * JSON text already known for a value that never changes, so it is not serialized again each
 * time its items are stored or sent to the sandbox: a big webhook body keeps the request's own
 * text (it parses to the same value; JSON.parse already checked it), a Code node's items the
 * sandbox's answer. Only objects that are never written to afterwards may be registered: items
 * are never changed in place (see step-list-refs.ts), and the server registers a body right
 * after parsing it.
 */
const known = new WeakMap<object, string>();

export function rememberJsonText(value: object, text: string): void {
  known.set(value, text);
}

/** `JSON.stringify(value)`, or its known text (a webhook answered with an item's json, say). */
export function jsonText(value: unknown): string | undefined {
  return (value !== null && typeof value === 'object' && known.get(value)) || JSON.stringify(value);
}

/** Larger lists are serialized natively at once: looking through every element would cost more. */
const LOOK_INTO = 16;

/**
 * `JSON.stringify(items)`, or text that parses to the same value: the list itself (a Code node's
 * answer), an item's `json`, or a value directly inside it, whose text is known is written as that
 * text.
 */
export function itemsJson(items: readonly Item[]): string {
  return listJson(items, 2);
}

/** The same for a list of item `json` objects (what expressions get as items). */
export function jsonObjectsJson(values: readonly JsonObject[]): string {
  return listJson(values, 1);
}

function listJson(list: readonly unknown[], depth: number): string {
  const text = known.get(list);
  if (text !== undefined) return text;
  if (list.length === 0 || list.length > LOOK_INTO || !list.some((v) => hasKnownPart(v, depth)))
    return JSON.stringify(list);
  return `[${list.map((v) => valueJson(v, depth) ?? 'null').join(',')}]`;
}

/** an object JSON.stringify writes key by key (no toJSON of its own) */
function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
  const proto = Object.getPrototypeOf(value) as unknown;
  return (
    (proto === Object.prototype || proto === null) &&
    typeof (value as { toJSON?: unknown }).toJSON !== 'function'
  );
}

/** whether `value`, or an object up to `depth` levels of plain objects inside it, has known text */
function hasKnownPart(value: unknown, depth: number): boolean {
  if (value === null || typeof value !== 'object') return false;
  if (known.has(value)) return true;
  if (depth === 0 || !isPlainObject(value)) return false;
  for (const key in value) if (hasKnownPart(value[key], depth - 1)) return true;
  return false;
}

/** JSON text of `value` (undefined where JSON.stringify leaves a property out) */
function valueJson(value: unknown, depth: number): string | undefined {
  if (value !== null && typeof value === 'object') {
    const text = known.get(value);
    if (text !== undefined) return text;
    if (depth > 0 && isPlainObject(value)) {
      const parts: string[] = [];
      for (const key of Object.keys(value)) {
        const part = valueJson(value[key], depth - 1);
        if (part !== undefined) parts.push(`${JSON.stringify(key)}:${part}`);
      }
      return `{${parts.join(',')}}`;
    }
  }
  return JSON.stringify(value) as string | undefined;
}

import { isJsonObject } from '@shopwire/sdk';
import type { JsonObject, JsonValue } from '@shopwire/sdk';
import { numericId } from './gid.js';

/**
 * GraphQL shapes → friendlier items: `{ nodes: [...] }` connections become arrays, and every
 * object with a GID `id` also gets `legacyId` (the numeric id REST and the admin use).
 */
export function flatten(value: unknown): JsonValue {
  if (Array.isArray(value)) return value.map(flatten);
  if (!isJsonObject(value)) return (value ?? null) as JsonValue;
  const keys = Object.keys(value);
  if (keys.length === 1 && keys[0] === 'nodes' && Array.isArray(value.nodes)) return flatten(value.nodes);
  const out: JsonObject = {};
  for (const [key, inner] of Object.entries(value)) out[key] = flatten(inner);
  if (typeof value.id === 'string') {
    const legacy = numericId(value.id);
    if (legacy !== undefined) out.legacyId = legacy;
  }
  return out;
}

export function flattenObject(value: unknown): JsonObject {
  const flat = flatten(value);
  return isJsonObject(flat) ? flat : { value: flat };
}

import type { JsonSchema } from '../types.js';

/** Helpers to read zod-generated JSON Schema for form generation. */

export function resolve(schema: JsonSchema): JsonSchema {
  const branches = schema.anyOf ?? schema.oneOf;
  if (!branches) return schema;
  const pick = branches.find((b) => b.type !== 'null') ?? branches[0] ?? {};
  return { ...pick, ...schema, anyOf: undefined, oneOf: undefined, type: pick.type };
}

export function typeOf(schema: JsonSchema): string | undefined {
  return Array.isArray(schema.type) ? schema.type.find((t) => t !== 'null') : schema.type;
}

export function humanize(key: string): string {
  const words = key.replace(/([a-z])([A-Z])/g, '$1 $2').replace(/[_-]+/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1).toLowerCase();
}

export function isKeyValueArray(schema: JsonSchema): boolean {
  if (schema.ui?.widget === 'keyValue') return true;
  const props = schema.items?.properties;
  return props !== undefined && Object.keys(props).sort().join(',') === 'name,value';
}

export function defaultFor(schema: JsonSchema): unknown {
  const s = resolve(schema);
  if (s.default !== undefined) return structuredClone(s.default);
  switch (typeOf(s)) {
    case 'object': {
      const out: Record<string, unknown> = {};
      for (const [k, p] of Object.entries(s.properties ?? {})) {
        const d = defaultFor(p);
        if (d !== undefined && (s.required?.includes(k) || p.default !== undefined)) out[k] = d;
      }
      return out;
    }
    case 'array':
      return [];
    case 'boolean':
      return false;
    case 'string':
      return s.enum ? s.enum[0] : '';
    default:
      return s.enum ? s.enum[0] : '';
  }
}

export function setIn(obj: unknown, path: (string | number)[], value: unknown): unknown {
  if (path.length === 0) return value;
  const [head, ...rest] = path as [string | number, ...(string | number)[]];
  if (typeof head === 'number') {
    const arr = Array.isArray(obj) ? [...obj] : [];
    arr[head] = setIn(arr[head], rest, value);
    return arr;
  }
  const base = obj && typeof obj === 'object' && !Array.isArray(obj) ? (obj as Record<string, unknown>) : {};
  const next = { ...base };
  const v = setIn(base[head], rest, value);
  if (v === undefined) delete next[head];
  else next[head] = v;
  return next;
}

export const isExpression = (v: unknown): boolean => typeof v === 'string' && /\{\{[\s\S]*\}\}/.test(v);

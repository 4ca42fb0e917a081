import type { JsonSchema } from '../types.js';
import { isExpression, isKeyValueArray, resolve, typeOf } from './schema-util.js';

/**
 * Which control a params JSON Schema property gets in the node form. Pure (no React) so the
 * mapping is unit-tested; schema-form.tsx renders the kind.
 */
export type FieldKind =
  | 'switch'
  | 'select'
  | 'keyValue'
  | 'rows'
  | 'group'
  | 'record'
  | 'code'
  | 'json'
  | 'expression'
  | 'number'
  | 'password'
  | 'textarea'
  | 'text';

export function fieldKind(property: JsonSchema, value: unknown, options: { raw?: boolean } = {}): FieldKind {
  const schema = resolve(property);
  const type = typeOf(schema);
  const expression = isExpression(value);
  if (type === 'boolean' && !expression) return 'switch';
  if (schema.enum && !expression) return 'select';
  if (type === 'array' && schema.items) return isKeyValueArray(schema) ? 'keyValue' : 'rows';
  if (type === 'object' && schema.properties) return 'group';
  if (type === 'object' && schema.additionalProperties !== undefined) return 'record';
  if (schema.ui?.widget === 'code' || options.raw) return 'code';
  if (schema.ui?.widget === 'json') return 'json';
  // text-like: a string, number or untyped value, each can hold a {{ }} expression
  if (expression) return 'expression';
  if (type === 'number' || type === 'integer') return 'number';
  if (schema.ui?.widget === 'password') return 'password';
  if (schema.ui?.widget === 'textarea') return 'textarea';
  return 'text';
}

import { NodeError, defineNode, z } from '@shopwire/sdk';
import type { Item, JsonObject, JsonValue } from '@shopwire/sdk';
import { toBoolean, toJsonValue, toNumber, toText } from '../lib/convert.js';
import { withPath } from '../lib/dot-path.js';

const fieldSchema = z.object({
  name: z
    .string()
    .min(1)
    .max(500)
    .meta({ title: 'Field', description: 'Dot path, e.g. order.total', ui: { placeholder: 'order.total' } }),
  value: z
    .unknown()
    .meta({ title: 'Value', description: 'A value or an expression like {{ $json.price * 1.2 }}' }),
  type: z.enum(['auto', 'string', 'number', 'boolean', 'json']).default('auto').meta({ title: 'Type' }),
});

const params = z.object({
  fields: z.array(fieldSchema).default([]).meta({ title: 'Fields to set' }),
  includeOtherFields: z
    .boolean()
    .default(true)
    .meta({ title: 'Keep other fields', description: 'Off: output only the fields set here' }),
});

type FieldType = z.output<typeof fieldSchema>['type'];

/** Converts a value to the field's type; undefined means it cannot be converted. */
function convert(value: unknown, type: FieldType): JsonValue | undefined {
  switch (type) {
    case 'auto':
      return toJsonValue(value);
    case 'string':
      return toText(value);
    case 'number':
      return typeof value === 'boolean' ? Number(value) : toNumber(value);
    case 'boolean':
      return toBoolean(value);
    case 'json':
      if (typeof value !== 'string') return toJsonValue(value);
      try {
        return JSON.parse(value) as JsonValue;
      } catch {
        return undefined;
      }
  }
}

export const set = defineNode({
  type: 'core.set',
  version: 1,
  displayName: 'Edit fields',
  description:
    'Sets, adds or overwrites fields on every item (values may be expressions). Optionally drops all other fields.',
  kind: 'transform',
  group: 'Transform',
  icon: 'pencil',
  params,
  sampleOutput: [{ json: { order: { id: 1001, total: 42.5 }, status: 'paid' } }],
  run: async (ctx) => {
    const out: Item[] = [];
    ctx.items.forEach((item, i) => {
      const p = ctx.itemParams[i] ?? ctx.params;
      let json: JsonObject = p.includeOtherFields ? item.json : {};
      p.fields.forEach((field, k) => {
        const value = convert(field.value, field.type);
        if (value === undefined) {
          throw new NodeError(
            `fields.${k}.value: cannot convert ${JSON.stringify(toText(field.value)).slice(0, 80)} to ${field.type} (field "${field.name}", item ${i})`,
            {
              code: 'INVALID_VALUE',
              itemIndex: i,
            },
          );
        }
        try {
          json = withPath(json, field.name, value);
        } catch (error) {
          throw new NodeError(`fields.${k}.name: ${(error as Error).message}`, {
            code: 'INVALID_PARAM',
            itemIndex: i,
          });
        }
      });
      // not { ...item, json, pairedItem }: see docs/architecture.md, "Garbage that dies young"
      const next: Item = { json, pairedItem: i };
      if (item.binary !== undefined) next.binary = item.binary;
      out.push(next);
    });
    return out;
  },
});

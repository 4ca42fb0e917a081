import { NodeError } from '@shopwire/sdk';
import type { JsonValue } from '@shopwire/sdk';
import { compareValues, isNullish, stableStringify, toJsonValue, toNumber, toText } from './convert.js';

export const AGGREGATE_OPS = [
  'sum',
  'count',
  'avg',
  'min',
  'max',
  'countDistinct',
  'concat',
  'first',
  'last',
] as const;
export type AggregateOp = (typeof AGGREGATE_OPS)[number];

/** One value per item of the group, with the item's index for error messages. */
export interface GroupValue {
  value: unknown;
  itemIndex: number;
}

function numbers(values: GroupValue[], field: string, op: AggregateOp): number[] {
  return values
    .filter(({ value }) => !isNullish(value) && value !== '')
    .map(({ value, itemIndex }) => {
      const n = toNumber(value);
      if (n === undefined) {
        throw new NodeError(
          `aggregations: field "${field}" of item ${itemIndex} is ${JSON.stringify(toText(value)).slice(0, 60)}, not a number (needed for ${op})`,
          {
            code: 'INVALID_VALUE',
            itemIndex,
          },
        );
      }
      return n;
    });
}

/** Computes one aggregation over a group's values. Empty values are ignored (count counts non-empty). */
export function aggregate(options: {
  op: AggregateOp;
  field: string;
  values: GroupValue[];
  separator?: string;
}): JsonValue {
  const { op, field, values } = options;
  const present = values.filter(({ value }) => !isNullish(value));
  switch (op) {
    case 'sum':
      return round(numbers(values, field, op).reduce((a, b) => a + b, 0));
    case 'avg': {
      const list = numbers(values, field, op);
      return list.length ? round(list.reduce((a, b) => a + b, 0) / list.length) : null;
    }
    case 'count':
      return field === '' ? values.length : present.filter(({ value }) => value !== '').length;
    case 'countDistinct':
      return new Set(present.map(({ value }) => stableStringify(value))).size;
    case 'min':
    case 'max': {
      if (present.length === 0) return null;
      const allNumeric = present.every(({ value }) => toNumber(value) !== undefined);
      const list = allNumeric ? numbers(present, field, op) : present.map(({ value }) => value);
      const sorted = [...list].sort(compareValues);
      return toJsonValue(op === 'min' ? sorted[0] : sorted[sorted.length - 1]);
    }
    case 'concat':
      return present.map(({ value }) => toText(value)).join(options.separator ?? ', ');
    case 'first':
      return toJsonValue(present[0]?.value);
    case 'last':
      return toJsonValue(present[present.length - 1]?.value);
  }
}

// sums of money like 0.1 + 0.2 should print as 0.3
function round(n: number): number {
  return Math.round(n * 1e10) / 1e10;
}

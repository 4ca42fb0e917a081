import { NodeError, z } from '@shopwire/sdk';
import {
  compareValues,
  isNullish,
  stableStringify,
  toBoolean,
  toDateMs,
  toNumber,
  toText,
} from './convert.js';

export const OPERATORS = [
  'equals',
  'notEquals',
  'gt',
  'gte',
  'lt',
  'lte',
  'contains',
  'notContains',
  'startsWith',
  'endsWith',
  'isEmpty',
  'isNotEmpty',
  'isTrue',
  'isFalse',
  'regex',
] as const;

export type Operator = (typeof OPERATORS)[number];

export const conditionSchema = z.object({
  left: z.unknown().meta({ title: 'Value', description: 'Usually an expression, e.g. {{ $json.total }}' }),
  operator: z.enum(OPERATORS).meta({ title: 'Operator' }),
  right: z
    .unknown()
    .optional()
    .meta({ title: 'Compare with', description: 'Not used by isEmpty/isNotEmpty/isTrue/isFalse' }),
});
export type Condition = z.output<typeof conditionSchema>;

export const conditionsSchema = z.array(conditionSchema).default([]).meta({ title: 'Conditions' });
export const combineSchema = z
  .enum(['and', 'or'])
  .default('and')
  .meta({ title: 'Combine', description: 'Match all (and) or any (or) condition' });

/** Loose equality the way a shop owner means it: 1 equals "1", "TRUE" equals true, objects by content. */
export function looselyEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (isNullish(a) || isNullish(b)) return isNullish(a) && isNullish(b);
  if (typeof a === 'boolean' || typeof b === 'boolean')
    return toBoolean(a) !== undefined && toBoolean(a) === toBoolean(b);
  const na = toNumber(a);
  const nb = toNumber(b);
  if (na !== undefined && nb !== undefined) return na === nb;
  if (typeof a === 'object' || typeof b === 'object') return stableStringify(a) === stableStringify(b);
  return toText(a) === toText(b);
}

function isEmpty(value: unknown): boolean {
  if (isNullish(value)) return true;
  if (typeof value === 'string') return value.trim() === '';
  if (Array.isArray(value)) return value.length === 0;
  if (typeof value === 'object') return Object.keys(value).length === 0;
  return false;
}

function contains(haystack: unknown, needle: unknown): boolean {
  if (Array.isArray(haystack)) return haystack.some((entry) => looselyEqual(entry, needle));
  if (haystack !== null && typeof haystack === 'object')
    return Object.prototype.hasOwnProperty.call(haystack, toText(needle));
  return toText(haystack).includes(toText(needle));
}

function ordered(a: unknown, b: unknown): number | undefined {
  if (isNullish(a) || isNullish(b)) return undefined;
  const numeric = toNumber(a) !== undefined && toNumber(b) !== undefined;
  const dates = toDateMs(a) !== undefined && toDateMs(b) !== undefined;
  if (!numeric && !dates && (typeof a === 'object' || typeof b === 'object')) return undefined;
  return compareValues(a, b);
}

/** `/pattern/flags` or a bare pattern. */
export function compileRegex(pattern: unknown, field: string): RegExp {
  const text = toText(pattern);
  const literal = /^\/(.*)\/([dgimsuy]*)$/s.exec(text);
  try {
    return literal ? new RegExp(literal[1]!, literal[2]!.replace('g', '')) : new RegExp(text);
  } catch (error) {
    throw new NodeError(
      `${field}: invalid regular expression ${JSON.stringify(text)} (${(error as Error).message})`,
      {
        code: 'INVALID_PARAM',
      },
    );
  }
}

export function evaluateCondition(condition: Condition, field: string): boolean {
  const { left, right } = condition;
  switch (condition.operator) {
    case 'equals':
      return looselyEqual(left, right);
    case 'notEquals':
      return !looselyEqual(left, right);
    case 'gt':
      return (ordered(left, right) ?? 0) > 0;
    case 'gte':
      return (ordered(left, right) ?? -1) >= 0;
    case 'lt':
      return (ordered(left, right) ?? 0) < 0;
    case 'lte':
      return (ordered(left, right) ?? 1) <= 0;
    case 'contains':
      return contains(left, right);
    case 'notContains':
      return !contains(left, right);
    case 'startsWith':
      return !isNullish(left) && toText(left).startsWith(toText(right));
    case 'endsWith':
      return !isNullish(left) && toText(left).endsWith(toText(right));
    case 'isEmpty':
      return isEmpty(left);
    case 'isNotEmpty':
      return !isEmpty(left);
    case 'isTrue':
      return toBoolean(left) === true && !isNullish(left) && left !== '';
    case 'isFalse':
      return toBoolean(left) === false && !isNullish(left) && left !== '';
    case 'regex':
      return !isNullish(left) && compileRegex(right, `${field}.right`).test(toText(left));
  }
}

/**
 * True when the conditions match (all for `and`, any for `or`; no conditions → true).
 * `field` names the param in errors, e.g. `conditions` or `rules.2.conditions`.
 */
export function evaluateConditions(options: {
  conditions: Condition[];
  combine: 'and' | 'or';
  field?: string;
  itemIndex?: number;
}): boolean {
  const field = options.field ?? 'conditions';
  try {
    const results = options.conditions.map(
      (condition, k) => () => evaluateCondition(condition, `${field}.${k}`),
    );
    if (results.length === 0) return true;
    return options.combine === 'and' ? results.every((run) => run()) : results.some((run) => run());
  } catch (error) {
    if (error instanceof NodeError && options.itemIndex !== undefined) {
      throw new NodeError(`${error.message} (item ${options.itemIndex})`, {
        code: error.code,
        itemIndex: options.itemIndex,
      });
    }
    throw error;
  }
}

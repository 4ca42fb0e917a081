import { ValidationError, z } from '@shopwire/sdk';

// Expressions and shop APIs often hand numbers over as strings ("12.50"): accept numeric strings,
// but never turn null/'' into 0 silently. Built from a union (not z.preprocess) so the editor's
// JSON Schema still says "number or numeric text".
const NUMERIC = /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/;
const numericString = () =>
  z
    .string()
    .trim()
    .regex(NUMERIC, 'expected a number')
    .transform((value) => Number(value));

/** A finite number param that also accepts numeric strings. */
export function numberParam() {
  return z.union([z.number().finite(), numericString()]);
}

/** An optional number param: null and '' count as "not given". */
export function optionalNumberParam() {
  return z
    .union([
      z.number().finite(),
      z.literal('').transform(() => undefined),
      z.null().transform(() => undefined),
      numericString(),
    ])
    .optional();
}

/** Reads a number out of item data, or throws a ValidationError naming the field and item. */
export function toNumber(value: unknown, field: string, itemIndex: number): number {
  const n = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  if (typeof n !== 'number' || !Number.isFinite(n)) {
    const shown = value === undefined ? 'missing' : JSON.stringify(value);
    throw new ValidationError(field, `item ${itemIndex}: expected a number, got ${shown}`);
  }
  return n;
}

/** Rounds away float noise for display (12 significant decimals); not for intermediate math. */
export function clean(value: number): number {
  return Number(value.toFixed(12));
}

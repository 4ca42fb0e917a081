import { NodeError, defineNode, z } from '@shopwire/sdk';
import type { Item } from '@shopwire/sdk';
import { addToDate, diffDates, formatDate, parseDate, startOf } from '../lib/dates.js';
import type { DateUnit } from '../lib/dates.js';
import { getPath, withPath } from '../lib/dot-path.js';
import { assertTimeZone } from '../lib/zoned-time.js';

const params = z.object({
  operation: z
    .enum(['now', 'format', 'add', 'subtract', 'diff', 'startOf', 'parse'])
    .default('format')
    .meta({ title: 'Operation' }),
  field: z
    .string()
    .max(500)
    .optional()
    .meta({
      title: 'Date field',
      description: 'Dot path of the input date in the item',
      ui: { placeholder: 'order.createdAt' },
    }),
  value: z.string().max(200).optional().meta({
    title: 'Date',
    description: 'Used when no field is given (ISO, epoch ms, or text in the format below)',
  }),
  compareTo: z
    .string()
    .max(200)
    .optional()
    .meta({ title: 'Compare with (diff)', description: 'Default: now' }),
  amount: z.number().default(1).meta({ title: 'Amount' }),
  unit: z
    .enum(['seconds', 'minutes', 'hours', 'days', 'weeks', 'months', 'years'])
    .default('days')
    .meta({ title: 'Unit' }),
  format: z
    .string()
    .max(200)
    .optional()
    .meta({
      title: 'Format',
      description: "Tokens: yyyy MM dd HH mm ss SSS MMM EEE XXX, text in 'quotes'. Empty: ISO",
      ui: { placeholder: 'dd/MM/yyyy HH:mm' },
    }),
  timezone: z
    .string()
    .max(64)
    .optional()
    .meta({
      title: 'Time zone',
      description: "Default: the workflow's time zone",
      ui: { placeholder: 'Europe/Paris' },
    }),
  outputField: z.string().min(1).max(500).default('date').meta({ title: 'Output field' }),
});
type Params = z.output<typeof params>;

function inputDate(p: Params, item: Item, itemIndex: number, timeZone: string): number {
  const raw = p.field ? getPath(item.json, p.field) : p.value;
  // parse reads input with the format; other operations accept ISO / epoch (or the format as a fallback)
  const ms =
    p.operation === 'parse'
      ? parseDate(raw, { timeZone, ...(p.format ? { format: p.format } : {}) })
      : (parseDate(raw, { timeZone }) ??
        (p.format ? parseDate(raw, { timeZone, format: p.format }) : undefined));
  if (ms === undefined) {
    const where = p.field ? `field "${p.field}"` : 'value';
    throw new NodeError(
      `${p.field ? 'field' : 'value'}: ${where} of item ${itemIndex} is not a valid date (${JSON.stringify(raw ?? null).slice(0, 60)})`,
      {
        code: 'INVALID_VALUE',
        itemIndex,
      },
    );
  }
  return ms;
}

function compute(p: Params, item: Item, i: number, now: Date, timeZone: string): string | number {
  const output = (ms: number): string =>
    p.format ? formatDate(ms, p.format, timeZone) : new Date(ms).toISOString();
  switch (p.operation) {
    case 'now':
      return output(now.getTime());
    case 'format':
      return formatDate(
        inputDate(p, item, i, timeZone),
        p.format ?? "yyyy-MM-dd'T'HH:mm:ss.SSSXXX",
        timeZone,
      );
    case 'parse':
      return new Date(inputDate(p, item, i, timeZone)).toISOString();
    case 'add':
    case 'subtract': {
      const sign = p.operation === 'add' ? 1 : -1;
      try {
        return output(
          addToDate(inputDate(p, item, i, timeZone), sign * p.amount, p.unit as DateUnit, timeZone),
        );
      } catch (error) {
        if (error instanceof RangeError)
          throw new NodeError(`amount: ${error.message}`, { code: 'INVALID_PARAM', itemIndex: i });
        throw error;
      }
    }
    case 'startOf':
      return output(startOf(inputDate(p, item, i, timeZone), p.unit, timeZone));
    case 'diff': {
      const from = inputDate(p, item, i, timeZone);
      const to = p.compareTo ? parseDate(p.compareTo, { timeZone }) : now.getTime();
      if (to === undefined)
        throw new NodeError(`compareTo: not a valid date (item ${i})`, {
          code: 'INVALID_PARAM',
          itemIndex: i,
        });
      return diffDates(from, to, p.unit, timeZone);
    }
  }
}

export const dateTime = defineNode({
  type: 'core.dateTime',
  version: 1,
  displayName: 'Date & time',
  description:
    'Formats, parses, shifts (add/subtract), rounds (start of day/week/month) or compares dates, in a time zone.',
  kind: 'transform',
  group: 'Transform',
  icon: 'calendar',
  params,
  sampleOutput: [{ json: { date: '2025-03-01T09:30:00.000Z' } }],
  run: async (ctx) => {
    const list = ctx.items.length ? ctx.items : [{ json: {} }];
    return list.map((item, i) => {
      const p = ctx.itemParams[i] ?? ctx.params;
      const timeZone = p.timezone || ctx.workflow.timezone || 'UTC';
      try {
        assertTimeZone(timeZone);
      } catch {
        throw new NodeError(
          `timezone: unknown time zone "${timeZone}" (use an IANA name like Europe/Paris)`,
          { code: 'INVALID_PARAM', itemIndex: i },
        );
      }
      const json = withPath(item.json, p.outputField, compute(p, item, i, ctx.now(), timeZone));
      return { ...item, json, pairedItem: i };
    });
  },
});

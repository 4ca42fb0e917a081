import { ValidationError, defineNode, z } from '@shopwire/sdk';
import type { Item, JsonObject } from '@shopwire/sdk';
import { getPath } from '../lib/dot-path.js';
import { optionalNumberParam, toNumber } from '../lib/numbers.js';
import { guardRange } from '../lib/per-item.js';
import { croston } from '../math/croston.js';
import { holtLinear, simpleExponentialSmoothing } from '../math/smoothing.js';

const METHODS = ['ses', 'holt', 'croston', 'sba'] as const;
type Method = (typeof METHODS)[number];
const smoothing = z.number().gt(0).max(1);

const params = z
  .object({
    method: z.enum(METHODS).default('ses').meta({
      title: 'Method',
      description:
        'ses: simple exponential smoothing (no trend); holt: linear trend; croston / sba: intermittent demand with many zero periods',
    }),
    source: z.enum(['field', 'items']).default('field').meta({
      title: 'Series from',
      description:
        'field: each item holds a list of numbers (one forecast per item); items: one number per item, oldest first (one summary item)',
    }),
    field: z.string().min(1).max(500).meta({
      title: 'Field',
      description:
        'Dot path to the list of numbers (source "field") or to the number in each item (source "items")',
    }),
    alpha: smoothing.optional().meta({
      title: 'Alpha (level)',
      description:
        'Smoothing of the level / demand size, 0–1. Default 0.2 for ses/holt, 0.1 for croston/sba (as R forecast::croston)',
    }),
    beta: smoothing
      .default(0.1)
      .meta({ title: 'Beta (trend)', description: 'Trend smoothing for holt, 0–1' }),
    h: z
      .number()
      .int()
      .min(1)
      .max(1000)
      .default(7)
      .meta({ title: 'Horizon', description: 'Periods to forecast' }),
    initialLevel: optionalNumberParam().meta({
      title: 'Initial level',
      description: 'ℓ₀ for ses/holt; default: the first value',
    }),
    initialTrend: optionalNumberParam().meta({
      title: 'Initial trend',
      description: 'b₀ for holt; default: second value − first value',
    }),
    into: z.string().min(1).max(200).default('forecast').meta({
      title: 'Put the result in',
      description: 'Field on each item (source "field") that receives the forecast object',
    }),
  })
  .meta({
    title: 'Demand forecast',
    description: 'SES, Holt, Croston and SBA forecasts of a numeric series',
  });

type Params = z.output<typeof params>;

function forecastSeries(series: number[], p: Params, index: number): JsonObject {
  if (series.length === 0) {
    throw new ValidationError('field', `item ${index}: "${p.field}" has no history to forecast from`);
  }
  const method: Method = p.method;
  const alpha = p.alpha ?? (method === 'croston' || method === 'sba' ? 0.1 : 0.2);
  return guardRange('field', index, (): JsonObject => {
    if (method === 'croston' || method === 'sba') {
      const r = croston(series, { alpha, h: p.h, variant: method });
      return {
        method,
        alpha,
        forecast: r.forecast,
        fitted: r.fitted,
        size: r.size,
        interval: r.interval,
        demandPeriods: r.demandPeriods,
        n: series.length,
      };
    }
    const init = p.initialLevel === undefined ? {} : { initialLevel: p.initialLevel };
    if (method === 'ses') {
      const r = simpleExponentialSmoothing(series, { alpha, h: p.h, ...init });
      return { method, alpha, forecast: r.forecast, fitted: r.fitted, level: r.level, n: series.length };
    }
    const trend = p.initialTrend === undefined ? {} : { initialTrend: p.initialTrend };
    const r = holtLinear(series, { alpha, beta: p.beta, h: p.h, ...init, ...trend });
    return {
      method,
      alpha,
      beta: p.beta,
      forecast: r.forecast,
      fitted: r.fitted,
      level: r.level,
      trend: r.trend ?? 0,
      n: series.length,
    };
  });
}

export const forecastNode = defineNode({
  type: 'analytics.forecast',
  version: 1,
  displayName: 'Demand Forecast',
  description:
    'Forecasts a numeric series with simple exponential smoothing, Holt’s linear trend, Croston or SBA (intermittent demand). Returns the forecast for the next h periods and the one-step fitted values.',
  kind: 'transform',
  group: 'Analytics',
  icon: 'trending-up',
  params,
  sampleOutput: [
    {
      json: {
        sku: 'SOCK-RED',
        forecast: {
          method: 'croston',
          alpha: 0.1,
          forecast: [1.63, 1.63, 1.63],
          fitted: [null, 0, 0, 1.67, 1.67, 1.67, 1.6, 1.6],
          size: 4.72,
          interval: 2.9,
          demandPeriods: 3,
          n: 8,
        },
      },
    },
  ],
  run: async (ctx): Promise<Item[]> => {
    const p = ctx.params;
    if (p.source === 'items') {
      const series = ctx.items.map((item, index) => toNumber(getPath(item.json, p.field), p.field, index));
      return [{ json: { field: p.field, ...forecastSeries(series, p, 0) } }];
    }
    return ctx.items.map((item, index) => {
      const ip = ctx.itemParams[index] ?? p;
      const raw = getPath(item.json, ip.field);
      if (raw !== undefined && raw !== null && !Array.isArray(raw)) {
        throw new ValidationError('field', `item ${index}: "${ip.field}" is not a list of numbers`);
      }
      const series = (raw ?? []).map((v, k) => toNumber(v, `${ip.field}[${k}]`, index));
      return { json: { ...item.json, [ip.into]: forecastSeries(series, ip, index) }, pairedItem: index };
    });
  },
});

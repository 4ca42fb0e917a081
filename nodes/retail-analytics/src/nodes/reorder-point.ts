import { ValidationError, defineNode, z } from '@shopwire/sdk';
import { getPath } from '../lib/dot-path.js';
import { numberParam, optionalNumberParam, toNumber } from '../lib/numbers.js';
import { enrichEachItem, guardRange } from '../lib/per-item.js';
import { MAX_SERVICE_LEVEL, MIN_SERVICE_LEVEL, reorderPoint } from '../math/reorder-point.js';
import { mean, sampleStdDev } from '../math/stats.js';

const params = z
  .object({
    averageDailyDemand: optionalNumberParam().meta({
      title: 'Average daily demand',
      description: 'Units per day (d̄). Leave empty to compute it from the demand history field.',
    }),
    demandHistoryField: z.string().max(500).optional().meta({
      title: 'Demand history field',
      description: 'Dot path to a list of daily demand numbers in each item, e.g. "stats.dailySales"',
    }),
    demandStdDev: optionalNumberParam().meta({
      title: 'Demand standard deviation',
      description: 'Per day (σ_d). Leave empty to compute the sample standard deviation of the history.',
    }),
    leadTimeDays: numberParam().meta({
      title: 'Lead time (days)',
      description: 'Supplier lead time L in days',
    }),
    leadTimeStdDev: optionalNumberParam().meta({
      title: 'Lead time standard deviation (days)',
      description: 'σ_L; empty or 0 for a fixed lead time',
    }),
    serviceLevel: numberParam()
      .pipe(z.number().min(MIN_SERVICE_LEVEL).max(MAX_SERVICE_LEVEL))
      .default(0.95)
      .meta({
        title: 'Service level',
        description: 'Probability of not running out during a lead time, 0.5–0.9999 (0.95 → z = 1.645)',
      }),
  })
  .meta({
    title: 'Reorder point',
    description: 'Safety stock and reorder point per item from demand and lead-time variability',
  });

export const reorderPointNode = defineNode({
  type: 'analytics.reorderPoint',
  version: 1,
  displayName: 'Reorder Point',
  description:
    'Safety stock = z·√(L·σ_d² + d̄²·σ_L²) and reorder point = d̄·L + safety stock for each item; z from the service level.',
  kind: 'transform',
  group: 'Analytics',
  icon: 'package-check',
  params,
  sampleOutput: [
    {
      json: {
        sku: 'TEE-BLK-M',
        averageDailyDemand: 15,
        demandStdDev: 5,
        z: 1.6448536,
        leadTimeDemand: 30,
        safetyStock: 11.63,
        reorderPoint: 41.63,
      },
    },
  ],
  run: async (ctx) =>
    enrichEachItem(ctx, (p, json, index) => {
      let history: number[] | undefined;
      if (p.demandHistoryField) {
        const raw = getPath(json, p.demandHistoryField);
        if (!Array.isArray(raw) || raw.length === 0) {
          throw new ValidationError(
            'demandHistoryField',
            `item ${index}: "${p.demandHistoryField}" has no demand history (expected a non-empty list of numbers)`,
          );
        }
        history = raw.map((v, k) => toNumber(v, `${p.demandHistoryField}[${k}]`, index));
      }
      const averageDailyDemand = p.averageDailyDemand ?? (history ? mean(history) : undefined);
      if (averageDailyDemand === undefined) {
        throw new ValidationError(
          'averageDailyDemand',
          'give the average daily demand or a demand history field',
        );
      }
      const demandStdDev = p.demandStdDev ?? (history ? sampleStdDev(history) : undefined);
      if (demandStdDev === undefined) {
        throw new ValidationError(
          'demandStdDev',
          'give the demand standard deviation or a demand history field',
        );
      }
      const result = guardRange('params', index, () =>
        reorderPoint({
          averageDemand: averageDailyDemand,
          demandStdDev,
          leadTime: p.leadTimeDays,
          leadTimeStdDev: p.leadTimeStdDev ?? 0,
          serviceLevel: p.serviceLevel,
        }),
      );
      return {
        averageDailyDemand,
        demandStdDev,
        z: result.z,
        leadTimeDemand: result.leadTimeDemand,
        safetyStock: result.safetyStock,
        reorderPoint: result.reorderPoint,
      };
    }),
});

import { ValidationError, defineNode, z } from '@shopwire/sdk';
import { numberParam, optionalNumberParam } from '../lib/numbers.js';
import { enrichEachItem, guardRange } from '../lib/per-item.js';
import { economicOrderQuantity } from '../math/eoq.js';

const params = z
  .object({
    annualDemand: numberParam().meta({ title: 'Annual demand (D)', description: 'Units per year' }),
    orderCost: numberParam().meta({
      title: 'Order cost (S)',
      description: 'Fixed cost of placing one order (shipping, handling, admin)',
    }),
    holdingCost: optionalNumberParam().meta({
      title: 'Holding cost (H)',
      description: 'Cost to hold one unit for a year. Leave empty to use holding rate × unit cost.',
    }),
    holdingRate: optionalNumberParam().meta({
      title: 'Holding rate',
      description: 'Yearly holding cost as a fraction of the unit cost, e.g. 0.25 for 25 %',
    }),
    unitCost: optionalNumberParam().meta({
      title: 'Unit cost (c)',
      description: 'Purchase price per unit; adds c·D to the total annual cost',
    }),
    daysPerYear: numberParam().default(365).meta({
      title: 'Days per year',
      description: 'For the days between orders, e.g. 365 or 250 working days',
    }),
  })
  .meta({ title: 'Economic order quantity', description: 'Q* = √(2·D·S/H) and the annual cost at Q*' });

export const eoqNode = defineNode({
  type: 'analytics.eoq',
  version: 1,
  displayName: 'Economic Order Quantity',
  description:
    'Economic order quantity Q* = √(2·D·S/H) per item, with total annual cost, orders per year and days between orders.',
  kind: 'transform',
  group: 'Analytics',
  icon: 'calculator',
  params,
  sampleOutput: [
    {
      json: {
        sku: 'MUG-WHT',
        eoq: 200,
        ordersPerYear: 5,
        daysBetweenOrders: 73,
        holdingCostPerUnit: 0.5,
        totalAnnualCost: 100,
        notes: [],
      },
    },
  ],
  run: async (ctx) =>
    enrichEachItem(ctx, (p, _json, index) => {
      let holding = p.holdingCost;
      if (holding === undefined) {
        if (p.holdingRate === undefined || p.unitCost === undefined) {
          throw new ValidationError(
            'holdingCost',
            'give the holding cost, or a holding rate and a unit cost',
          );
        }
        holding = p.holdingRate * p.unitCost;
      }
      const holdingCost = holding;
      const r = guardRange('params', index, () =>
        economicOrderQuantity({
          annualDemand: p.annualDemand,
          orderCost: p.orderCost,
          holdingCost,
          unitCost: p.unitCost ?? 0,
          daysPerYear: p.daysPerYear,
        }),
      );
      return {
        eoq: r.eoq,
        ordersPerYear: r.ordersPerYear,
        daysBetweenOrders: r.daysBetweenOrders,
        holdingCostPerUnit: holdingCost,
        holdingCostPerYear: r.holdingCostPerYear,
        orderingCostPerYear: r.orderingCostPerYear,
        purchaseCostPerYear: r.purchaseCostPerYear,
        totalAnnualCost: r.totalAnnualCost,
        notes: r.notes,
      };
    }),
});

import { defineNode, z } from '@shopwire/sdk';
import { numberParam, optionalNumberParam } from '../lib/numbers.js';
import { enrichEachItem } from '../lib/per-item.js';
import { inventoryKpis } from '../math/inventory-kpis.js';

const optional = (title: string, description: string) => optionalNumberParam().meta({ title, description });

const params = z
  .object({
    cogs: optional('Cost of goods sold', 'COGS for the period (e.g. a year), at cost'),
    averageInventory: optional('Average inventory', 'At cost. Leave empty to average beginning and ending.'),
    beginningInventory: optional('Beginning inventory', 'At cost, start of the period'),
    endingInventory: optional('Ending inventory', 'At cost, end of the period'),
    unitsSold: optional('Units sold', 'For sell-through'),
    unitsReceived: optional('Units received', 'For sell-through'),
    onHand: optional('On hand', 'Units in stock now, for days of cover'),
    averageDailyDemand: optional('Average daily demand', 'Units per day, for days of cover'),
    daysPerYear: numberParam().default(365).meta({
      title: 'Days in the period',
      description: 'Days of inventory = this / turnover; 365 for annual COGS',
    }),
  })
  .meta({ title: 'Inventory KPIs', description: 'Turnover, days of inventory, sell-through, days of cover' });

export const inventoryKpisNode = defineNode({
  type: 'analytics.inventoryKpis',
  version: 1,
  displayName: 'Inventory KPIs',
  description:
    'Inventory turnover, days of inventory, sell-through % and days of cover per item. A KPI whose inputs are missing or whose denominator is 0 is null, with the reason in `notes`.',
  kind: 'transform',
  group: 'Analytics',
  icon: 'gauge',
  params,
  sampleOutput: [
    {
      json: {
        sku: 'CAP-NVY',
        averageInventory: 50000,
        inventoryTurnover: 8,
        daysOfInventory: 45.625,
        sellThroughPercent: 75,
        daysOfCover: null,
        notes: ['daysOfCover: average daily demand is 0'],
      },
    },
  ],
  run: async (ctx) =>
    enrichEachItem(ctx, (p) => {
      const k = inventoryKpis({
        ...(p.cogs === undefined ? {} : { cogs: p.cogs }),
        ...(p.averageInventory === undefined ? {} : { averageInventory: p.averageInventory }),
        ...(p.beginningInventory === undefined ? {} : { beginningInventory: p.beginningInventory }),
        ...(p.endingInventory === undefined ? {} : { endingInventory: p.endingInventory }),
        ...(p.unitsSold === undefined ? {} : { unitsSold: p.unitsSold }),
        ...(p.unitsReceived === undefined ? {} : { unitsReceived: p.unitsReceived }),
        ...(p.onHand === undefined ? {} : { onHand: p.onHand }),
        ...(p.averageDailyDemand === undefined ? {} : { averageDailyDemand: p.averageDailyDemand }),
        daysPerYear: p.daysPerYear,
      });
      return { ...k };
    }),
});

import { describe, expect, it } from 'vitest';
import { inventoryKpis } from './inventory-kpis.js';

// Expectations hand-derived from the definitions (turnover = COGS / average inventory,
// days = 365 / turnover, sell-through = sold / received · 100, cover = on hand / daily demand).
describe('inventoryKpis', () => {
  it('computes every KPI', () => {
    // avg inventory = (40,000 + 60,000) / 2 = 50,000; turnover = 400,000 / 50,000 = 8;
    // days = 365 / 8 = 45.625; sell-through = 180 / 240 · 100 = 75 %; cover = 90 / 6 = 15 days
    const k = inventoryKpis({
      cogs: 400_000,
      beginningInventory: 40_000,
      endingInventory: 60_000,
      unitsSold: 180,
      unitsReceived: 240,
      onHand: 90,
      averageDailyDemand: 6,
    });
    expect(k).toEqual({
      averageInventory: 50_000,
      inventoryTurnover: 8,
      daysOfInventory: 45.625,
      sellThroughPercent: 75,
      daysOfCover: 15,
      notes: [],
    });
  });

  it('an explicit average inventory wins over beginning/ending', () => {
    const k = inventoryKpis({ cogs: 1000, averageInventory: 250, beginningInventory: 1, endingInventory: 1 });
    expect(k.inventoryTurnover).toBe(4);
    expect(k.daysOfInventory).toBe(91.25);
  });

  it('guards every division by zero with null and a note', () => {
    const k = inventoryKpis({
      cogs: 0,
      averageInventory: 0,
      unitsSold: 5,
      unitsReceived: 0,
      onHand: 10,
      averageDailyDemand: 0,
    });
    expect(k.inventoryTurnover).toBeNull();
    expect(k.daysOfInventory).toBeNull();
    expect(k.sellThroughPercent).toBeNull();
    expect(k.daysOfCover).toBeNull();
    expect(k.notes).toEqual([
      'inventoryTurnover: average inventory is 0',
      'sellThroughPercent: units received is 0',
      'daysOfCover: average daily demand is 0',
    ]);
  });

  it('zero COGS → turnover 0 and days of inventory null (stock never turns)', () => {
    const k = inventoryKpis({ cogs: 0, averageInventory: 100 });
    expect(k.inventoryTurnover).toBe(0);
    expect(k.daysOfInventory).toBeNull();
    expect(k.notes).toContain('daysOfInventory: turnover is 0');
  });

  it('missing inputs give null with a note', () => {
    const k = inventoryKpis({ onHand: 3 });
    expect(k.notes).toEqual([
      'inventoryTurnover: COGS not given',
      'sellThroughPercent: units sold not given',
      'daysOfCover: average daily demand not given',
    ]);
  });
});

/**
 * Inventory KPIs. Every ratio guards its denominator: a missing input or a zero denominator gives
 * null and a note saying why, never Infinity/NaN.
 *   turnover          = COGS / average inventory (at cost)
 *   days of inventory = daysPerYear / turnover   (= average inventory / COGS · daysPerYear)
 *   sell-through %    = units sold / units received · 100
 *   days of cover     = on hand / average daily demand
 */
export interface InventoryKpiInput {
  cogs?: number;
  /** average inventory at cost; or give beginning and ending inventory */
  averageInventory?: number;
  beginningInventory?: number;
  endingInventory?: number;
  unitsSold?: number;
  unitsReceived?: number;
  onHand?: number;
  averageDailyDemand?: number;
  /** period length for days of inventory (365 for annual COGS) */
  daysPerYear?: number;
}

export interface InventoryKpis {
  averageInventory: number | null;
  inventoryTurnover: number | null;
  daysOfInventory: number | null;
  sellThroughPercent: number | null;
  daysOfCover: number | null;
  notes: string[];
}

interface RatioLabels {
  kpi: string;
  numerator: string;
  denominator: string;
}

function ratio(
  numerator: number | undefined,
  denominator: number | null | undefined,
  labels: RatioLabels,
  notes: string[],
): number | null {
  if (numerator === undefined) {
    notes.push(`${labels.kpi}: ${labels.numerator} not given`);
    return null;
  }
  if (denominator === undefined || denominator === null) {
    notes.push(`${labels.kpi}: ${labels.denominator} not given`);
    return null;
  }
  if (denominator === 0) {
    notes.push(`${labels.kpi}: ${labels.denominator} is 0`);
    return null;
  }
  return numerator / denominator;
}

export function inventoryKpis(input: InventoryKpiInput): InventoryKpis {
  const notes: string[] = [];
  const days = input.daysPerYear ?? 365;
  const averageInventory =
    input.averageInventory ??
    (input.beginningInventory !== undefined && input.endingInventory !== undefined
      ? (input.beginningInventory + input.endingInventory) / 2
      : null);
  const inventoryTurnover = ratio(
    input.cogs,
    averageInventory,
    { kpi: 'inventoryTurnover', numerator: 'COGS', denominator: 'average inventory' },
    notes,
  );
  // turnover null already has its note; turnover 0 (no COGS) means stock never turns
  const daysOfInventory =
    inventoryTurnover === null
      ? null
      : ratio(
          days,
          inventoryTurnover,
          { kpi: 'daysOfInventory', numerator: 'days', denominator: 'turnover' },
          notes,
        );
  const sold = ratio(
    input.unitsSold,
    input.unitsReceived,
    { kpi: 'sellThroughPercent', numerator: 'units sold', denominator: 'units received' },
    notes,
  );
  const daysOfCover = ratio(
    input.onHand,
    input.averageDailyDemand,
    { kpi: 'daysOfCover', numerator: 'on hand', denominator: 'average daily demand' },
    notes,
  );
  return {
    averageInventory,
    inventoryTurnover,
    daysOfInventory,
    sellThroughPercent: sold === null ? null : sold * 100,
    daysOfCover,
    notes,
  };
}

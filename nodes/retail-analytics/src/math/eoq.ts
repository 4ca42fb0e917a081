export interface EoqInput {
  /** annual demand D (units per year) */
  annualDemand: number;
  /** fixed cost per order S */
  orderCost: number;
  /** holding cost H per unit per year */
  holdingCost: number;
  /** purchase price per unit c (adds c·D to the total cost); default 0 */
  unitCost?: number;
  /** days in the planning year, for the order interval (365, or e.g. 250 working days) */
  daysPerYear?: number;
}

export interface EoqResult {
  eoq: number;
  /** D/Q*; 0 when there is no demand */
  ordersPerYear: number;
  /** daysPerYear / ordersPerYear; null when nothing is ordered */
  daysBetweenOrders: number | null;
  holdingCostPerYear: number;
  orderingCostPerYear: number;
  purchaseCostPerYear: number;
  /** H·Q/2 + S·D/Q + c·D at Q = Q* */
  totalAnnualCost: number;
  notes: string[];
}

/** Q* = √(2·D·S/H) (Harris 1913 / Wilson), with the annual cost at Q*. */
export function economicOrderQuantity(input: EoqInput): EoqResult {
  const { annualDemand: D, orderCost: S, holdingCost: H } = input;
  const c = input.unitCost ?? 0;
  const days = input.daysPerYear ?? 365;
  if (!(D >= 0)) throw new RangeError('annual demand must be ≥ 0');
  if (!(S > 0)) throw new RangeError('order cost must be > 0');
  if (!(H > 0)) throw new RangeError('holding cost must be > 0');
  if (!(c >= 0)) throw new RangeError('unit cost must be ≥ 0');
  if (D === 0) {
    return {
      eoq: 0,
      ordersPerYear: 0,
      daysBetweenOrders: null,
      holdingCostPerYear: 0,
      orderingCostPerYear: 0,
      purchaseCostPerYear: 0,
      totalAnnualCost: 0,
      notes: ['annual demand is 0: nothing to order'],
    };
  }
  const eoq = Math.sqrt((2 * D * S) / H);
  const ordersPerYear = D / eoq;
  const holdingCostPerYear = (H * eoq) / 2;
  const orderingCostPerYear = S * ordersPerYear;
  const purchaseCostPerYear = c * D;
  return {
    eoq,
    ordersPerYear,
    daysBetweenOrders: days / ordersPerYear,
    holdingCostPerYear,
    orderingCostPerYear,
    purchaseCostPerYear,
    totalAnnualCost: holdingCostPerYear + orderingCostPerYear + purchaseCostPerYear,
    notes: [],
  };
}

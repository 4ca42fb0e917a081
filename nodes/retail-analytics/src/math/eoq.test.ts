import { describe, expect, it } from 'vitest';
import { economicOrderQuantity } from './eoq.js';

describe('economicOrderQuantity', () => {
  it('Heizer & Render, Operations Management (Ch. 12): Sharp, Inc. hypodermic needles', () => {
    // Published: D = 1,000 units/yr, S = $10/order, H = $0.50/unit/yr →
    // Q* = √(2·1000·10/0.50) = √40,000 = 200 units; N = D/Q* = 5 orders/yr;
    // T = 250 working days / 5 = 50 days; TC = (D/Q)S + (Q/2)H = $50 + $50 = $100.
    const r = economicOrderQuantity({
      annualDemand: 1000,
      orderCost: 10,
      holdingCost: 0.5,
      daysPerYear: 250,
    });
    expect(r.eoq).toBeCloseTo(200, 10);
    expect(r.ordersPerYear).toBeCloseTo(5, 10);
    expect(r.daysBetweenOrders).toBeCloseTo(50, 10);
    expect(r.totalAnnualCost).toBeCloseTo(100, 10);
    expect(r.notes).toEqual([]);
  });

  it('adds the purchase cost c·D (hand-derived from the same example with c = $2)', () => {
    // TC = 50 + 50 + 2·1000 = 2,100; 365-day year → T = 365/5 = 73 days
    const r = economicOrderQuantity({ annualDemand: 1000, orderCost: 10, holdingCost: 0.5, unitCost: 2 });
    expect(r.purchaseCostPerYear).toBe(2000);
    expect(r.totalAnnualCost).toBeCloseTo(2100, 10);
    expect(r.daysBetweenOrders).toBeCloseTo(73, 10);
  });

  it('holding and ordering costs are equal at Q* (the EOQ optimality condition)', () => {
    const r = economicOrderQuantity({ annualDemand: 3650, orderCost: 42, holdingCost: 1.7 });
    expect(r.holdingCostPerYear).toBeCloseTo(r.orderingCostPerYear, 9);
  });

  it('D = 0 → Q* = 0 with a note', () => {
    const r = economicOrderQuantity({ annualDemand: 0, orderCost: 10, holdingCost: 1 });
    expect(r).toMatchObject({ eoq: 0, ordersPerYear: 0, daysBetweenOrders: null, totalAnnualCost: 0 });
    expect(r.notes[0]).toMatch(/annual demand is 0/);
  });

  it('refuses H ≤ 0, S ≤ 0 and negative demand', () => {
    expect(() => economicOrderQuantity({ annualDemand: 10, orderCost: 1, holdingCost: 0 })).toThrow(
      /holding/,
    );
    expect(() => economicOrderQuantity({ annualDemand: 10, orderCost: 0, holdingCost: 1 })).toThrow(
      /order cost/,
    );
    expect(() => economicOrderQuantity({ annualDemand: -1, orderCost: 1, holdingCost: 1 })).toThrow(/demand/);
  });
});

import { inverseNormalCdf } from './inverse-normal.js';

export const MIN_SERVICE_LEVEL = 0.5;
export const MAX_SERVICE_LEVEL = 0.9999;

export interface ReorderPointInput {
  /** mean demand per period (day) */
  averageDemand: number;
  /** standard deviation of demand per period */
  demandStdDev: number;
  /** lead time in the same periods */
  leadTime: number;
  /** standard deviation of the lead time (0: fixed lead time) */
  leadTimeStdDev?: number;
  /** z directly (e.g. a textbook table value); default Φ⁻¹(serviceLevel) */
  z?: number;
  /** cycle service level, probability of no stock-out in a replenishment cycle */
  serviceLevel?: number;
}

export interface ReorderPointResult {
  z: number;
  /** standard deviation of demand over the lead time */
  sigmaLeadTimeDemand: number;
  leadTimeDemand: number;
  safetyStock: number;
  reorderPoint: number;
}

/** z for a cycle service level, limited to [0.5, 0.9999] (below 0.5 safety stock would be negative). */
export function serviceLevelZ(serviceLevel: number): number {
  if (!(serviceLevel >= MIN_SERVICE_LEVEL && serviceLevel <= MAX_SERVICE_LEVEL)) {
    throw new RangeError(
      `service level must be between ${MIN_SERVICE_LEVEL} and ${MAX_SERVICE_LEVEL}, got ${serviceLevel}`,
    );
  }
  return inverseNormalCdf(serviceLevel);
}

/**
 * ROP = d̄·L + SS with SS = z·σ_dL, σ_dL = √(L·σ_d² + d̄²·σ_L²) — which reduces to σ_d·√L for a
 * fixed lead time (σ_L = 0). Demand and lead time must use the same period (e.g. days).
 */
export function reorderPoint(input: ReorderPointInput): ReorderPointResult {
  const { averageDemand: d, demandStdDev: sd, leadTime: L } = input;
  const sL = input.leadTimeStdDev ?? 0;
  if (d < 0 || sd < 0 || L < 0 || sL < 0)
    throw new RangeError('demand, lead time and deviations must be ≥ 0');
  const z = input.z ?? serviceLevelZ(input.serviceLevel ?? 0.95);
  const sigmaLeadTimeDemand = sL === 0 ? sd * Math.sqrt(L) : Math.sqrt(L * sd * sd + d * d * sL * sL);
  const safetyStock = z * sigmaLeadTimeDemand;
  const leadTimeDemand = d * L;
  return { z, sigmaLeadTimeDemand, leadTimeDemand, safetyStock, reorderPoint: leadTimeDemand + safetyStock };
}

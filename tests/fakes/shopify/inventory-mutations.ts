import { withIdempotency } from './idempotency.js';
import type { Operation, OperationContext } from './operation.js';
import { levelKey } from './state.js';
import type { ShopifyFakeState } from './state.js';

const REASONS = new Set([
  'correction',
  'cycle_count_available',
  'damaged',
  'movement_created',
  'movement_updated',
  'movement_received',
  'movement_canceled',
  'other',
  'promotion',
  'quality_control',
  'received',
  'reservation_created',
  'reservation_deleted',
  'reservation_updated',
  'restock',
  'safety_stock',
  'shrinkage',
]);

type UserError = { field: string[]; message: string; code: string };
interface Change {
  inventoryItemId: string;
  locationId: string;
  delta: number;
}

const payload = (group: unknown, userErrors: UserError[]) => ({
  inventoryAdjustmentGroup: group,
  userErrors,
});

function checkCommon(input: Record<string, unknown>): UserError[] {
  const errors: UserError[] = [];
  if (input.name !== 'available')
    errors.push({
      field: ['input', 'name'],
      message: 'The quantity name must be available.',
      code: 'INVALID_QUANTITY_NAME',
    });
  if (typeof input.reason !== 'string' || !REASONS.has(input.reason))
    errors.push({
      field: ['input', 'reason'],
      message: 'The specified reason is invalid.',
      code: 'INVALID_REASON',
    });
  return errors;
}

function checkTarget(state: ShopifyFakeState, row: Record<string, unknown>, path: string[]): UserError[] {
  const errors: UserError[] = [];
  if (typeof row.inventoryItemId !== 'string' || !state.inventoryItems.has(row.inventoryItemId))
    errors.push({
      field: [...path, 'inventoryItemId'],
      message: 'The specified inventory item could not be found.',
      code: 'INVALID_INVENTORY_ITEM',
    });
  if (typeof row.locationId !== 'string' || !state.locations.some((l) => l.id === row.locationId))
    errors.push({
      field: [...path, 'locationId'],
      message: 'The specified location could not be found.',
      code: 'INVALID_LOCATION',
    });
  return errors;
}

function apply(ctx: OperationContext, reason: string, changes: Change[]) {
  const { state } = ctx;
  const out = [];
  for (const change of changes) {
    const key = levelKey(change.inventoryItemId, change.locationId);
    const level = state.levels.get(key) ?? { available: 0, committed: 0 };
    level.available += change.delta;
    state.levels.set(key, level);
    state.inventoryLog.push({ key: 'applied', ...change });
    const item = {
      id: change.inventoryItemId,
      sku: state.inventoryItems.get(change.inventoryItemId)?.sku ?? null,
    };
    const location = state.locations.find((l) => l.id === change.locationId)!;
    out.push(
      {
        name: 'available',
        delta: change.delta,
        quantityAfterChange: level.available,
        item,
        location: { id: location.id, name: location.name },
      },
      {
        name: 'on_hand',
        delta: change.delta,
        quantityAfterChange: level.available + level.committed,
        item,
        location: { id: location.id, name: location.name },
      },
    );
  }
  return { createdAt: new Date().toISOString(), reason, changes: out };
}

function staleCheck(ctx: OperationContext, row: Record<string, unknown>, path: string[]): UserError[] {
  if (typeof row.changeFromQuantity !== 'number') return [];
  const level = ctx.state.levels.get(levelKey(String(row.inventoryItemId), String(row.locationId)));
  if ((level?.available ?? 0) === row.changeFromQuantity) return [];
  return [
    {
      field: [...path, 'changeFromQuantity'],
      message: 'The specified compare quantity does not match the current quantity.',
      code: 'CHANGE_FROM_QUANTITY_STALE',
    },
  ];
}

export const inventoryMutations: Record<string, Operation> = {
  inventoryAdjustQuantities: {
    cost: () => 10,
    run: (ctx) => ({
      data: withIdempotency(ctx, 'inventoryAdjustQuantities', () => {
        const input = (ctx.variables.input ?? {}) as Record<string, unknown>;
        const changes = Array.isArray(input.changes) ? (input.changes as Record<string, unknown>[]) : [];
        const errors = checkCommon(input);
        if (changes.length === 0)
          errors.push({
            field: ['input', 'changes'],
            message: 'At least one change is required.',
            code: 'INVALID_QUANTITY',
          });
        changes.forEach((c, i) => {
          const path = ['input', 'changes', String(i)];
          errors.push(...checkTarget(ctx.state, c, path));
          if (typeof c.delta !== 'number' || !Number.isInteger(c.delta))
            errors.push({
              field: [...path, 'delta'],
              message: 'The delta must be an integer.',
              code: 'INVALID_QUANTITY',
            });
          if (errors.length === 0) errors.push(...staleCheck(ctx, c, path));
        });
        if (errors.length) return payload(null, errors);
        return payload(apply(ctx, input.reason as string, changes as unknown as Change[]), []);
      }),
    }),
  },
  inventorySetQuantities: {
    cost: () => 10,
    run: (ctx) => ({
      data: withIdempotency(ctx, 'inventorySetQuantities', () => {
        const input = (ctx.variables.input ?? {}) as Record<string, unknown>;
        const rows = Array.isArray(input.quantities) ? (input.quantities as Record<string, unknown>[]) : [];
        const errors = checkCommon(input);
        if (rows.length === 0)
          errors.push({
            field: ['input', 'quantities'],
            message: 'At least one quantity is required.',
            code: 'INVALID_QUANTITY',
          });
        rows.forEach((q, i) => {
          const path = ['input', 'quantities', String(i)];
          errors.push(...checkTarget(ctx.state, q, path));
          if (typeof q.quantity !== 'number' || !Number.isInteger(q.quantity) || q.quantity < 0)
            errors.push({
              field: [...path, 'quantity'],
              message: 'The quantity must be a non-negative integer.',
              code: 'INVALID_QUANTITY',
            });
          if (errors.length === 0) errors.push(...staleCheck(ctx, q, path));
        });
        if (errors.length) return payload(null, errors);
        const changes = rows.map((q) => {
          const current =
            ctx.state.levels.get(levelKey(String(q.inventoryItemId), String(q.locationId)))?.available ?? 0;
          return {
            inventoryItemId: String(q.inventoryItemId),
            locationId: String(q.locationId),
            delta: (q.quantity as number) - current,
          };
        });
        return payload(apply(ctx, input.reason as string, changes), []);
      }),
    }),
  },
};

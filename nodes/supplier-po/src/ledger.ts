import type { JsonObject, NodeContext, NodeState } from '@shopwire/sdk';

/** What was ordered and is still open, per supplier + SKU; plus the PO sequence. Kept as one state value. */
export interface OpenOrder {
  supplier: string;
  sku: string;
  quantity: number;
  orderedAt: string;
  poNumber: string;
  /** the node run that wrote it: a re-run of that same run (crash resume) re-emits instead of skipping */
  runKey: string;
}
export interface Ledger {
  seq: number;
  open: Record<string, OpenOrder>;
}

const KEY = 'supplierPo.ledger';

export const ledgerKey = (supplier: string, sku: string): string =>
  `${supplier.trim().toLowerCase()}|${sku.trim()}`;

/**
 * The workflow-wide state when the engine provides it (so markReceived can clear what buildOrder
 * recorded), else this node's own state (cooldown still works within buildOrder).
 */
export function ledgerStore(ctx: Pick<NodeContext<unknown>, 'state' | 'workflowState'>): NodeState {
  return ctx.workflowState ?? ctx.state;
}

export async function readLedger(store: NodeState): Promise<Ledger> {
  const value = await store.get<JsonObject>(KEY);
  if (!value || typeof value !== 'object' || typeof value.seq !== 'number' || typeof value.open !== 'object')
    return { seq: 0, open: {} };
  return value as unknown as Ledger;
}

export async function writeLedger(store: NodeState, ledger: Ledger): Promise<void> {
  await store.set(KEY, ledger as unknown as JsonObject);
}

export function isStillOpen(order: OpenOrder, now: Date, cooldownDays: number): boolean {
  return now.getTime() - Date.parse(order.orderedAt) < cooldownDays * 86_400_000;
}

export interface BatchInput<C, U, D> {
  create: C[];
  update: U[];
  delete: D[];
}

/**
 * Splits a batch into requests of at most `size` operations in total (WooCommerce refuses more
 * than 100 per call), keeping creates, then updates, then deletes in order.
 */
export function chunkBatch<C, U, D>(input: BatchInput<C, U, D>, size = 100): BatchInput<C, U, D>[] {
  const ops = [
    ...input.create.map((v) => ({ kind: 'create' as const, v })),
    ...input.update.map((v) => ({ kind: 'update' as const, v })),
    ...input.delete.map((v) => ({ kind: 'delete' as const, v })),
  ];
  const chunks: BatchInput<C, U, D>[] = [];
  for (let i = 0; i < ops.length; i += size) {
    const chunk: BatchInput<C, U, D> = { create: [], update: [], delete: [] };
    for (const op of ops.slice(i, i + size)) {
      if (op.kind === 'create') chunk.create.push(op.v as C);
      else if (op.kind === 'update') chunk.update.push(op.v as U);
      else chunk.delete.push(op.v as D);
    }
    chunks.push(chunk);
  }
  return chunks;
}

import { describe, expect, it } from 'vitest';
import { chunkBatch } from './chunk-batch.js';

describe('chunkBatch', () => {
  it('keeps every request at ≤ 100 operations, in order', () => {
    const chunks = chunkBatch({
      create: Array.from({ length: 150 }, (_, i) => i),
      update: [1000, 1001],
      delete: Array.from({ length: 60 }, (_, i) => 2000 + i),
    });
    expect(chunks.map((c) => c.create.length + c.update.length + c.delete.length)).toEqual([100, 100, 12]);
    expect(chunks[1]).toMatchObject({ update: [1000, 1001] });
    expect(chunks[1]!.create).toHaveLength(50);
    expect(chunks[1]!.delete).toHaveLength(48);
    expect(chunks.flatMap((c) => c.delete)).toHaveLength(60);
  });

  it('sends nothing for an empty batch', () => {
    expect(chunkBatch({ create: [], update: [], delete: [] })).toEqual([]);
  });
});

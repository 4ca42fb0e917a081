import email from '@shopwire/nodes-email';
import supplierPo from '@shopwire/nodes-supplier-po';
import { NodeError, ValidationError } from '@shopwire/sdk';
import type { Item, JsonValue, NodeDefinition, NodeState, OutputItems } from '@shopwire/sdk';
import { createTestContext, items, outputJson, runNode } from '@shopwire/testing';
import { afterEach, describe, expect, it } from 'vitest';
import { createDemoBoutique } from '../fakes/shared/index.js';
import { startSmtpFake } from '../fakes/smtp/index.js';
import type { SmtpFake } from '../fakes/smtp/index.js';

const buildOrder = supplierPo.nodes.find((n) => n.type === 'supplierPo.buildOrder') as NodeDefinition;
const markReceived = supplierPo.nodes.find((n) => n.type === 'supplierPo.markReceived') as NodeDefinition;
const sendEmail = email.nodes.find((n) => n.type === 'email.sendEmail') as NodeDefinition;

/** workflow-wide state as the engine would persist it (shared by both nodes, across executions) */
function memoryState(): NodeState & { data: Map<string, JsonValue> } {
  const data = new Map<string, JsonValue>();
  return {
    data,
    get: async <T extends JsonValue>(key: string) => data.get(key) as T | undefined,
    set: async (key, value) => void data.set(key, JSON.parse(JSON.stringify(value)) as JsonValue),
  };
}

async function run(options: {
  node: NodeDefinition;
  items: Item[];
  params?: Record<string, unknown>;
  itemParams?: Record<string, unknown>[];
  shared: NodeState;
  now: Date;
  execution?: string;
}): Promise<OutputItems> {
  const { ctx } = createTestContext({
    node: options.node,
    items: options.items,
    ...(options.params ? { params: options.params } : {}),
    ...(options.itemParams ? { itemParams: options.itemParams } : {}),
    now: options.now,
  });
  ctx.workflowState = options.shared;
  const exec = options.execution ?? `exec-${options.now.getTime()}`;
  ctx.idempotencyKey = (i = 0) => `${exec}:node-1:0:${i}`;
  const result = await options.node.run!(ctx);
  return Array.isArray(result) ? { main: result } : (result as OutputItems);
}

const day = (n: number) => new Date(Date.UTC(2025, 7, 16 + n, 6, 0, 0));

// SKUs under their reorder point, priced from the demo boutique so they match the other fakes
const shop = createDemoBoutique();
const low = shop.products.slice(0, 5).map((p, i) => ({
  sku: p.sku,
  title: p.title,
  quantity: [12.2, 7, 30, 4.5, 9][i]!, // EOQ from analytics may be fractional: ordered rounded up
  unitCost: p.costCents / 100,
  supplier: p.supplier,
}));

describe('supplierPo.buildOrder', () => {
  it('groups by supplier into one PO each with correct line totals and totals', async () => {
    const shared = memoryState();
    const out = await run({ node: buildOrder, items: low.map((json) => ({ json })), shared, now: day(0) });
    const pos = out.main!.map((i) => i.json) as {
      poNumber: string;
      supplier: string;
      total: number;
      lines: { sku: string; quantity: number; unitCost: number; lineTotal: number }[];
    }[];
    const suppliers = [...new Set(low.map((l) => l.supplier))].sort();
    expect(pos.map((po) => po.supplier)).toEqual(suppliers);
    for (const po of pos) {
      const mine = low.filter((l) => l.supplier === po.supplier);
      expect(po.lines.map((l) => l.sku)).toEqual(mine.map((l) => l.sku));
      expect(po.lines.map((l) => l.quantity)).toEqual(mine.map((l) => Math.ceil(l.quantity)));
      const cents = mine.reduce((n, l) => n + Math.round(l.unitCost * 100) * Math.ceil(l.quantity), 0);
      expect(po.total).toBe(cents / 100);
      for (const line of po.lines)
        expect(line.lineTotal).toBe(Math.round(line.unitCost * 100 * line.quantity) / 100);
    }
    expect(pos.map((po) => po.poNumber)).toEqual(['PO-20250816-0001', 'PO-20250816-0002']);
    expect(out.skipped).toEqual([]);
  });

  it('does not re-order the same shortage within the cooldown; does after it, or once marked received', async () => {
    const shared = memoryState();
    const input = low.map((json) => ({ json }));
    await run({ node: buildOrder, items: input, shared, now: day(0) });

    const again = await run({ node: buildOrder, items: input, shared, now: day(3) });
    expect(again.main).toEqual([]);
    expect(again.skipped!.map((i) => i.json.sku)).toEqual(low.map((l) => l.sku));
    expect(again.skipped![0]!.json).toMatchObject({
      reason: 'already ordered',
      poNumber: expect.stringMatching(/^PO-20250816-/),
      orderedQuantity: 13,
    });

    // one SKU arrives: only it can be ordered again inside the cooldown
    const received = await run({
      node: markReceived,
      items: items({ sku: low[1]!.sku }),
      itemParams: [{ sku: low[1]!.sku }],
      shared,
      now: day(4),
    });
    expect(outputJson(received.main!)).toEqual([
      expect.objectContaining({ sku: low[1]!.sku, cleared: true, orderedQuantity: 7 }),
    ]);
    const afterReceipt = await run({ node: buildOrder, items: input, shared, now: day(5) });
    expect(
      afterReceipt.main!.flatMap((po) => (po.json.lines as { sku: string }[]).map((l) => l.sku)),
    ).toEqual([low[1]!.sku]);
    expect(afterReceipt.main![0]!.json.poNumber).toBe('PO-20250821-0003');

    // cooldown (7 days) over: everything still short is ordered again
    const later = await run({ node: buildOrder, items: input, shared, now: day(8) });
    expect(
      later.main!.flatMap((po) => (po.json.lines as { sku: string }[]).map((l) => l.sku)).sort(),
    ).toEqual(
      low
        .map((l) => l.sku)
        .filter((s) => s !== low[1]!.sku)
        .sort(),
    );
  });

  it('a re-run of the same node run (crash resume) re-emits its POs instead of skipping them', async () => {
    const shared = memoryState();
    const first = await run({
      node: buildOrder,
      items: low.map((json) => ({ json })),
      shared,
      now: day(0),
      execution: 'exec-A',
    });
    const resumed = await run({
      node: buildOrder,
      items: low.map((json) => ({ json })),
      shared,
      now: day(0),
      execution: 'exec-A',
    });
    expect(resumed.main!.map((i) => i.json.poNumber)).toEqual(first.main!.map((i) => i.json.poNumber));
    expect(resumed.skipped).toEqual([]);
  });

  it('renders CSV (quoted) and HTML (escaped) and merges duplicate SKUs', async () => {
    const shared = memoryState();
    const out = await run({
      node: buildOrder,
      items: items(
        { sku: 'X-1', title: 'Mug, "big" <b>bold</b>', quantity: 2, unitCost: 0.1, supplier: 'Acme & Sons' },
        { sku: 'X-1', title: 'Mug, "big" <b>bold</b>', quantity: 1, unitCost: 0.1, supplier: 'Acme & Sons' },
        { sku: 'X-2', title: '=cmd|calc', quantity: 3, unitCost: 0.2, supplier: 'Acme & Sons' },
      ),
      params: { notes: 'Deliver to <back door>' },
      shared,
      now: day(0),
    });
    const po = out.main![0]!.json as { csv: string; html: string; total: number; lines: unknown[] };
    expect(po.lines).toHaveLength(2);
    expect(po.total).toBe(0.9); // 3 × 0.10 + 3 × 0.20 in integer cents, no 0.30000000000000004
    expect(po.csv).toBe(
      'po_number,supplier,sku,title,quantity,unit_cost,line_total,currency\r\n' +
        'PO-20250816-0001,Acme & Sons,X-1,"Mug, ""big"" <b>bold</b>",3,0.10,0.30,USD\r\n' +
        "PO-20250816-0001,Acme & Sons,X-2,'=cmd|calc,3,0.20,0.60,USD\r\n" +
        'PO-20250816-0001,Acme & Sons,,TOTAL,6,,0.90,USD\r\n',
    );
    expect(po.html).toContain('Mug, &quot;big&quot; &lt;b&gt;bold&lt;/b&gt;');
    expect(po.html).toContain('To: Acme &amp; Sons');
    expect(po.html).toContain('Deliver to &lt;back door&gt;');
    expect(po.html).not.toContain('<b>bold');
  });

  it('names the bad field of a bad input item', async () => {
    const error = await run({
      node: buildOrder,
      items: items(
        { sku: 'A', quantity: 1, unitCost: 1, supplier: 's' },
        { sku: 'B', quantity: 0, unitCost: 1, supplier: 's' },
      ),
      shared: memoryState(),
      now: day(0),
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).field).toBe('items.1.quantity');
  });

  it('Mark Received explains it needs workflow-wide state when the engine lacks it', async () => {
    const error = await runNode({ node: markReceived, items: items({}), params: { sku: 'A' } }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(NodeError);
    expect((error as NodeError).code).toBe('UNSUPPORTED');
  });
});

describe('supplier PO → Email node → SMTP fake', () => {
  let fake: SmtpFake | undefined;
  afterEach(async () => {
    await fake?.close();
    fake = undefined;
  });

  it('each supplier receives its PO with the CSV attached and readable', async () => {
    fake = await startSmtpFake();
    const out = await run({
      node: buildOrder,
      items: low.map((json) => ({ json })),
      shared: memoryState(),
      now: day(0),
    });
    const pos = out.main!;
    await runNode({
      node: sendEmail,
      items: pos,
      itemParams: pos.map((po) => ({
        to: String(po.json.supplierEmail),
        subject: `Purchase order ${String(po.json.poNumber)}`,
        html: String(po.json.html),
        attachCsv: { fileName: `${String(po.json.poNumber)}.csv`, fromField: 'csv' },
      })),
      credentials: {
        smtp: {
          host: fake.host,
          port: fake.port,
          secure: false,
          user: fake.user,
          password: fake.password,
          from: 'shop@demo-boutique.test',
        },
      },
    });
    expect(fake.messages.map((m) => m.to[0])).toEqual(pos.map((po) => po.json.supplier));
    for (const [i, message] of fake.messages.entries()) {
      expect(message.attachments[0]!.fileName).toBe(`${String(pos[i]!.json.poNumber)}.csv`);
      expect(message.attachments[0]!.content.toString('utf8')).toBe(pos[i]!.json.csv);
      expect(message.html).toContain(`Purchase order ${String(pos[i]!.json.poNumber)}`);
    }
  });
});

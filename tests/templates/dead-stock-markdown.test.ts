import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { explain, startHarness, type Harness } from './harness.js';

/** Weekly dead-stock suggestions in Slack; markdowns applied only through the approval link. */

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => h?.close());

const DAY = 86_400_000;
const TOKEN = 'approve-7f3c2a9e41d8';

describe('template dead-stock-markdown', () => {
  it('suggests the unsold products, and applies 30 % off only when the approval link is used', async () => {
    const { woocommerce: woo, slack } = h.fakes;
    expect((await h.api('PUT', '/api/v1/variables/markdownApprovalToken', { value: TOKEN })).status).toBe(
      200,
    );
    expect((await h.api('PUT', '/api/v1/variables/shopwireUrl', { value: h.url })).status).toBe(200);
    const workflowId = await h.use('dead-stock-markdown', { activate: true });

    const now = Date.now();
    const gmt = (s: unknown) => Date.parse(`${String(s)}Z`);
    const sold = new Set<string>();
    for (const o of woo.state.orders) {
      if (!['pending', 'processing', 'on-hold', 'completed'].includes(String(o.status))) continue;
      if (now - gmt(o.date_created_gmt) > 90 * DAY) continue;
      for (const l of o.line_items as { sku: string }[]) sold.add(l.sku);
    }
    const dead = woo.state.products
      .filter((p) => Number(p.stock_quantity) > 0 && !p.sale_price && !sold.has(String(p.sku)))
      .filter((p) => now - gmt(p.date_created_gmt) > 90 * DAY);
    expect(dead.length).toBeGreaterThan(0);
    expect(dead.length).toBeLessThan(woo.state.products.length);

    const execution = await h.run(workflowId, 'schedule');
    expect(execution.status, await explain(h, execution)).toBe('success');
    expect(slack.state.messages).toHaveLength(1);
    const text = slack.state.messages[0]!.text!;
    expect(text).toContain(`${dead.length} slow sellers`);
    for (const p of dead) expect(text).toContain(`• ${String(p.sku)} `);
    expect(text.match(/^• /gm)).toHaveLength(dead.length);
    expect(text).toContain(`${h.url}/webhook/dead-stock/approve?token=${TOKEN}`);
    expect(woo.state.products.every((p) => p.sale_price === '')).toBe(true);

    // a wrong token changes nothing
    const wrong = await fetch(`${h.url}/webhook/dead-stock/approve?token=guess`);
    expect(wrong.status).toBe(200);
    await h.settled(workflowId, 2);
    expect(woo.state.products.every((p) => p.sale_price === '')).toBe(true);

    // the approval link applies the markdown to exactly the suggested products
    const approved = await fetch(`${h.url}/webhook/dead-stock/approve?token=${TOKEN}`);
    expect(approved.status).toBe(200);
    const executions = await h.settled(workflowId, 3);
    for (const e of executions) expect(e.status, await explain(h, e)).toBe('success');
    const marked = woo.state.products.filter((p) => p.sale_price !== '');
    expect(marked.map((p) => p.sku).sort()).toEqual(dead.map((p) => p.sku).sort());
    for (const p of marked)
      expect(p.sale_price).toBe((Math.round(Number(p.regular_price) * 70) / 100).toFixed(2));
  });
});

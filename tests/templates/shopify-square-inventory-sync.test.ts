import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FAKE_SECRETS } from '../fakes/all-fakes.js';
import { levelKey } from '../fakes/shopify/index.js';
import { countKey } from '../fakes/square/state.js';
import { explain, startHarness, type Harness } from './harness.js';

/** Shopify ↔ Square stock sync: each side follows the other, and the loop guard stops the echo. */

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => h?.close());

const ITEM = 'gid://shopify/InventoryItem/3001'; // SW-CAN-001
const SHOPIFY_LOCATION = 'gid://shopify/Location/1';
const VARIATION = 'VAR_SW_CAN_001';
const SQUARE_LOCATION = 'loc-main';

describe('template shopify-square-inventory-sync', () => {
  it('syncs both ways, and our own writes coming back do not echo', async () => {
    const { shopify, square } = h.fakes;
    const workflowId = await h.use('shopify-square-inventory-sync', { activate: true });
    expect([...shopify.state.subscriptions.values()].map((s) => s.topic)).toEqual([
      'INVENTORY_LEVELS_UPDATE',
    ]);
    const squareHook = `${h.url}/webhook/square/inventory`;
    const shopifyLevel = () => shopify.state.levels.get(levelKey(ITEM, SHOPIFY_LOCATION))!.available;
    const squareWrites = () =>
      square.received.filter((r) => r.path === '/v2/inventory/changes/batch-create').length;
    const shopifyWrites = () =>
      shopify
        .graphqlCalls()
        .filter((r) => String((r.body as { query?: string }).query).includes('inventorySetQuantities'))
        .length;
    const shopifyEvent = (available: number, id: string) =>
      shopify.deliverToSubscribers(
        'INVENTORY_LEVELS_UPDATE',
        { inventory_item_id: 3001, location_id: 1, available, updated_at: new Date().toISOString() },
        { webhookId: id },
      );
    const squareEvent = (quantity: number, eventId: string) =>
      square.deliverWebhook(
        squareHook,
        'inventory.count.updated',
        {
          type: 'inventory_counts',
          id: VARIATION,
          object: {
            inventory_counts: [
              {
                catalog_object_id: VARIATION,
                catalog_object_type: 'ITEM_VARIATION',
                state: 'IN_STOCK',
                location_id: SQUARE_LOCATION,
                quantity: String(quantity),
                calculated_at: new Date().toISOString(),
              },
            ],
          },
        },
        { signatureKey: FAKE_SECRETS.squareSignatureKey, notificationUrl: squareHook, eventId },
      );
    const check = async (count: number) => {
      const list = await h.settled(workflowId, count);
      for (const e of list) expect(e.status, await explain(h, e)).toBe('success');
    };

    // 1. stock changes in Shopify (a sale online): Square follows
    shopify.state.levels.get(levelKey(ITEM, SHOPIFY_LOCATION))!.available = 7;
    expect((await shopifyEvent(7, 'wh-inv-1'))[0]!.status).toBe(202);
    await check(1);
    expect(square.count(VARIATION, SQUARE_LOCATION)).toBe(7);
    expect(squareWrites()).toBe(1);

    // 2. Square reports our own write back: Shopify already has 7, nothing is written (no echo)
    const shopifyWritesBefore = shopifyWrites();
    expect((await squareEvent(7, 'sq-evt-1')).status).toBe(202);
    await check(2);
    expect(shopifyWrites()).toBe(shopifyWritesBefore);
    expect(shopifyLevel()).toBe(7);

    // 3. stock changes at the till (Square): Shopify follows
    square.state.inventory.get(countKey(VARIATION, SQUARE_LOCATION, 'IN_STOCK'))!.quantity = 3;
    expect((await squareEvent(3, 'sq-evt-2')).status).toBe(202);
    await check(3);
    expect(shopifyLevel()).toBe(3);
    expect(shopifyWrites()).toBe(shopifyWritesBefore + 1);

    // 4. Shopify reports that write back: Square already has 3, nothing is written
    expect((await shopifyEvent(3, 'wh-inv-2'))[0]!.status).toBe(202);
    await check(4);
    expect(squareWrites()).toBe(1);

    // both shops agree, and a replayed delivery starts nothing
    expect(square.count(VARIATION, SQUARE_LOCATION)).toBe(shopifyLevel());
    expect((await squareEvent(3, 'sq-evt-2')).status).toBe(200);
    expect(await h.executions(workflowId)).toHaveLength(4);
  });
});

import { definePackage } from '@shopwire/sdk';
import type { CredentialTypeDefinition, NodeDefinition } from '@shopwire/sdk';
import { adjustInventory } from './actions/adjust-inventory.js';
import { getCustomer } from './actions/get-customer.js';
import { getInventoryLevels } from './actions/get-inventory-levels.js';
import { getOrder } from './actions/get-order.js';
import { getProduct } from './actions/get-product.js';
import { listOrders } from './actions/list-orders.js';
import { listProducts } from './actions/list-products.js';
import { searchCustomers } from './actions/search-customers.js';
import { setInventory } from './actions/set-inventory.js';
import { upsertCustomer } from './actions/upsert-customer.js';
import { shopifyAdminApi } from './credentials.js';
import { webhookTrigger } from './triggers/webhook-trigger.js';

export { ShopifyClient } from './client.js';
export type { ShopifyClientOptions } from './client.js';
export { shopifyAdminApi } from './credentials.js';
export type { ShopifyCredential } from './credentials.js';
export { SHOPIFY_API_VERSION } from './lib/api-version.js';
export { numericId, toGid } from './lib/gid.js';
export { shopifyHmac, verifyShopifyHmac } from './lib/hmac.js';
export { SHOPIFY_WEBHOOK_TOPICS } from './triggers/webhook-trigger.js';

// node definitions are generic in their params schema; the package holds them type-erased
const nodes = [
  webhookTrigger,
  getOrder,
  listOrders,
  listProducts,
  getProduct,
  getInventoryLevels,
  adjustInventory,
  setInventory,
  getCustomer,
  searchCustomers,
  upsertCustomer,
] as unknown as NodeDefinition[];

export default definePackage({
  name: '@shopwire/nodes-shopify',
  nodes,
  credentials: [shopifyAdminApi] as unknown as CredentialTypeDefinition[],
});

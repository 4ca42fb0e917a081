import { definePackage } from '@shopwire/sdk';
import type { CredentialTypeDefinition, NodeDefinition } from '@shopwire/sdk';
import { batchProducts } from './actions/batch-products.js';
import { getCustomer } from './actions/get-customer.js';
import { getOrder } from './actions/get-order.js';
import { listCustomers } from './actions/list-customers.js';
import { listOrders } from './actions/list-orders.js';
import { listProducts } from './actions/list-products.js';
import { updateOrderStatus } from './actions/update-order-status.js';
import { updateStock } from './actions/update-stock.js';
import { wooRestApi } from './credentials.js';
import { lowStockTrigger } from './triggers/low-stock-trigger.js';
import { webhookTrigger } from './triggers/webhook-trigger.js';

export { WooClient, wooError } from './client.js';
export { wooRestApi } from './credentials.js';
export type { WooCredential } from './credentials.js';
export { chunkBatch } from './lib/chunk-batch.js';
export { emptyLowStockState, processPoll } from './lib/low-stock-cursor.js';
export type { LowStockState } from './lib/low-stock-cursor.js';
export { verifyWooSignature, wooSignature } from './lib/signature.js';
export { WOO_WEBHOOK_TOPICS } from './triggers/webhook-trigger.js';

// node definitions are generic in their params schema; the package holds them type-erased
const nodes = [
  webhookTrigger,
  lowStockTrigger,
  listOrders,
  getOrder,
  updateOrderStatus,
  listProducts,
  updateStock,
  batchProducts,
  listCustomers,
  getCustomer,
] as unknown as NodeDefinition[];

export default definePackage({
  name: '@shopwire/nodes-woocommerce',
  nodes,
  credentials: [wooRestApi] as unknown as CredentialTypeDefinition[],
});

import { definePackage } from '@shopwire/sdk';
import type { CredentialTypeDefinition, NodeDefinition } from '@shopwire/sdk';
import { batchCreateInventoryChanges } from './actions/batch-create-inventory-changes.js';
import { batchRetrieveInventoryCounts } from './actions/batch-retrieve-inventory-counts.js';
import { createCustomer } from './actions/create-customer.js';
import { createOrder } from './actions/create-order.js';
import { getPayment } from './actions/get-payment.js';
import { listCatalog } from './actions/list-catalog.js';
import { listPayments } from './actions/list-payments.js';
import { listRefunds } from './actions/list-refunds.js';
import { refundPayment } from './actions/refund-payment.js';
import { searchCatalogBySku } from './actions/search-catalog-by-sku.js';
import { searchCustomers } from './actions/search-customers.js';
import { searchOrders } from './actions/search-orders.js';
import { updateCustomer } from './actions/update-customer.js';
import { squareAccessToken } from './credentials.js';
import { squareWebhookTrigger } from './triggers/webhook-trigger.js';

export { createSquareClient } from './client.js';
export type { SquareClient, SquareClientOptions, SquareRequest } from './client.js';
export { squareAccessToken, squareCredentialSchema } from './credentials.js';
export type { SquareCredential } from './credentials.js';
export { SQUARE_VERSION } from './lib/base-url.js';
export { SQUARE_EVENT_TYPES } from './triggers/webhook-trigger.js';
export { squareSignature, verifySquareSignature } from './triggers/verify-signature.js';

// node definitions are generic in their params schema; the package holds them type-erased
const nodes = [
  squareWebhookTrigger,
  createOrder,
  searchOrders,
  listCatalog,
  searchCatalogBySku,
  batchRetrieveInventoryCounts,
  batchCreateInventoryChanges,
  createCustomer,
  searchCustomers,
  updateCustomer,
  listPayments,
  getPayment,
  refundPayment,
  listRefunds,
] as unknown as NodeDefinition[];

export default definePackage({
  name: '@shopwire/nodes-square',
  nodes,
  credentials: [squareAccessToken as unknown as CredentialTypeDefinition],
});

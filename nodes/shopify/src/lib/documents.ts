/**
 * Every GraphQL document the connector sends, by operation name. The fake in tests/fakes/shopify
 * dispatches on these names, so keep them stable.
 */
const money = 'shopMoney { amount currencyCode }';
const ORDER = `id name email createdAt updatedAt displayFinancialStatus displayFulfillmentStatus
    totalPriceSet { ${money} }
    customer { id email firstName lastName }
    lineItems(first: 50) { nodes { id sku title quantity variant { id } originalUnitPriceSet { ${money} } } }`;
const VARIANT = 'id title sku price inventoryQuantity inventoryItem { id tracked }';
const PRODUCT = 'id title handle status productType vendor tags createdAt updatedAt totalInventory';
const CUSTOMER = 'id email firstName lastName phone createdAt updatedAt numberOfOrders tags';
const PAGE = 'pageInfo { hasNextPage endCursor }';
const USER_ERRORS = 'userErrors { field message code }';
/** plain `UserError` (customers, webhooks) has no `code` field */
const USER_ERRORS_PLAIN = 'userErrors { field message }';
const ADJUSTMENT = `inventoryAdjustmentGroup { createdAt reason
      changes { name delta quantityAfterChange item { id sku } location { id name } } }`;

export const SHOP_NAME = 'query ShopName { shop { name } }';

export const GET_ORDER = `query GetOrder($id: ID!) { order(id: $id) { ${ORDER} } }`;

export const LIST_ORDERS = `query ListOrders($first: Int!, $after: String, $query: String) {
  orders(first: $first, after: $after, query: $query, sortKey: CREATED_AT) { nodes { ${ORDER} } ${PAGE} } }`;

export const LIST_PRODUCTS = `query ListProducts($first: Int!, $after: String, $query: String) {
  products(first: $first, after: $after, query: $query) { nodes { ${PRODUCT} variants(first: 50) { nodes { ${VARIANT} } } } ${PAGE} } }`;

export const GET_PRODUCT = `query GetProduct($id: ID!) {
  product(id: $id) { ${PRODUCT} variants(first: 250) { nodes { ${VARIANT} } } } }`;

export const GET_INVENTORY_LEVELS = `query GetInventoryLevels($ids: [ID!]!) {
  nodes(ids: $ids) { ... on InventoryItem { id sku tracked
    inventoryLevels(first: 50) { nodes { id location { id name }
      quantities(names: ["available", "on_hand", "committed"]) { name quantity } } } } } }`;

/** The key is a literal in the directive (Shopify's documented form); JSON.stringify escapes it. */
export const adjustInventory = (
  key: string,
): string => `mutation AdjustInventory($input: InventoryAdjustQuantitiesInput!) {
  inventoryAdjustQuantities(input: $input) @idempotent(key: ${JSON.stringify(key)}) { ${ADJUSTMENT} ${USER_ERRORS} } }`;

export const setInventory = (
  key: string,
): string => `mutation SetInventory($input: InventorySetQuantitiesInput!) {
  inventorySetQuantities(input: $input) @idempotent(key: ${JSON.stringify(key)}) { ${ADJUSTMENT} ${USER_ERRORS} } }`;

export const GET_CUSTOMER = `query GetCustomer($id: ID!) { customer(id: $id) { ${CUSTOMER} } }`;

export const SEARCH_CUSTOMERS = `query SearchCustomers($first: Int!, $after: String, $query: String) {
  customers(first: $first, after: $after, query: $query) { nodes { ${CUSTOMER} } ${PAGE} } }`;

export const CUSTOMER_CREATE = `mutation CustomerCreate($input: CustomerInput!) {
  customerCreate(input: $input) { customer { ${CUSTOMER} } ${USER_ERRORS_PLAIN} } }`;

export const CUSTOMER_UPDATE = `mutation CustomerUpdate($input: CustomerInput!) {
  customerUpdate(input: $input) { customer { ${CUSTOMER} } ${USER_ERRORS_PLAIN} } }`;

export const WEBHOOK_SUBSCRIPTION_CREATE = `mutation WebhookSubscriptionCreate($topic: WebhookSubscriptionTopic!, $webhookSubscription: WebhookSubscriptionInput!) {
  webhookSubscriptionCreate(topic: $topic, webhookSubscription: $webhookSubscription) {
    webhookSubscription { id topic format } ${USER_ERRORS_PLAIN} } }`;

export const WEBHOOK_SUBSCRIPTION_DELETE = `mutation WebhookSubscriptionDelete($id: ID!) {
  webhookSubscriptionDelete(id: $id) { deletedWebhookSubscriptionId ${USER_ERRORS_PLAIN} } }`;

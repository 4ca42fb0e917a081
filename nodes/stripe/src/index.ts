import { definePackage } from '@shopwire/sdk';
import type { CredentialTypeDefinition, NodeDefinition } from '@shopwire/sdk';
import { createCheckoutSession } from './actions/create-checkout-session.js';
import { createCustomer } from './actions/create-customer.js';
import { createPaymentIntent } from './actions/create-payment-intent.js';
import { createRefund } from './actions/create-refund.js';
import { findCustomers } from './actions/find-customers.js';
import { getCharge } from './actions/get-charge.js';
import { getCheckoutSession } from './actions/get-checkout-session.js';
import { getCustomer } from './actions/get-customer.js';
import { getPaymentIntent } from './actions/get-payment-intent.js';
import { listCharges } from './actions/list-charges.js';
import { listPaymentIntents } from './actions/list-payment-intents.js';
import { listRefunds } from './actions/list-refunds.js';
import { updateCustomer } from './actions/update-customer.js';
import { stripeApiKey } from './credentials.js';
import { stripeWebhookTrigger } from './triggers/webhook-trigger.js';

export { createStripeClient } from './client.js';
export type { StripeClient, StripeClientOptions, StripeRequest } from './client.js';
export { stripeApiKey, stripeCredentialSchema } from './credentials.js';
export type { StripeCredential } from './credentials.js';
export { STRIPE_API_VERSION } from './lib/base-url.js';
export { STRIPE_EVENT_TYPES } from './triggers/webhook-trigger.js';
export { stripeSignature, verifyStripeSignature } from './triggers/verify-signature.js';

// node definitions are generic in their params schema; the package holds them type-erased
const nodes = [
  stripeWebhookTrigger,
  createCheckoutSession,
  getCheckoutSession,
  createPaymentIntent,
  getPaymentIntent,
  listPaymentIntents,
  listCharges,
  getCharge,
  createRefund,
  listRefunds,
  createCustomer,
  updateCustomer,
  getCustomer,
  findCustomers,
] as unknown as NodeDefinition[];

export default definePackage({
  name: '@shopwire/nodes-stripe',
  nodes,
  credentials: [stripeApiKey as unknown as CredentialTypeDefinition],
});

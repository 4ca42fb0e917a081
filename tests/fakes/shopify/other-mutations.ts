import type { Operation } from './operation.js';
import { newGid } from './state.js';
import type { FakeCustomer } from './state.js';
import { customerView } from './views.js';

type UserError = { field: string[] | null; message: string };

/** WebhookSubscriptionTopic values this fake accepts (a subset of Shopify's enum). */
export const SUBSCRIPTION_TOPICS = [
  'ORDERS_CREATE',
  'ORDERS_PAID',
  'ORDERS_UPDATED',
  'ORDERS_CANCELLED',
  'ORDERS_FULFILLED',
  'REFUNDS_CREATE',
  'PRODUCTS_UPDATE',
  'INVENTORY_LEVELS_UPDATE',
  'CUSTOMERS_CREATE',
  'CHECKOUTS_CREATE',
  'CHECKOUTS_UPDATE',
];

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const PHONE = /^\+[1-9]\d{6,14}$/;

function validateCustomer(input: Record<string, unknown>, taken: (email: string) => boolean): UserError[] {
  const errors: UserError[] = [];
  if (input.email !== undefined) {
    if (typeof input.email !== 'string' || !EMAIL.test(input.email))
      errors.push({ field: ['email'], message: 'Email is invalid' });
    else if (taken(input.email.toLowerCase()))
      errors.push({ field: ['email'], message: 'Email has already been taken' });
  }
  if (
    input.phone !== undefined &&
    input.phone !== null &&
    (typeof input.phone !== 'string' || !PHONE.test(input.phone))
  )
    errors.push({ field: ['phone'], message: 'Phone is invalid' });
  return errors;
}

function assign(customer: FakeCustomer, input: Record<string, unknown>): void {
  if (typeof input.email === 'string') customer.email = input.email.toLowerCase();
  if (typeof input.firstName === 'string') customer.firstName = input.firstName;
  if (typeof input.lastName === 'string') customer.lastName = input.lastName;
  if (typeof input.phone === 'string' || input.phone === null) customer.phone = input.phone;
  if (Array.isArray(input.tags)) customer.tags = input.tags.map(String);
  customer.updatedAt = new Date().toISOString();
}

export const otherMutations: Record<string, Operation> = {
  customerCreate: {
    cost: () => 10,
    run: ({ state, variables }) => {
      const input = (variables.input ?? {}) as Record<string, unknown>;
      const errors = validateCustomer(input, (email) => state.customers.some((c) => c.email === email));
      if (!input.email && !input.phone)
        errors.push({ field: null, message: 'A name, phone number, or email address must be present' });
      if (errors.length) return { data: { customer: null, userErrors: errors } };
      const now = new Date().toISOString();
      const customer: FakeCustomer = {
        id: newGid(state, 'Customer'),
        email: '',
        firstName: null,
        lastName: null,
        phone: null,
        tags: [],
        createdAt: now,
        updatedAt: now,
      };
      assign(customer, input);
      state.customers.push(customer);
      return { data: { customer: customerView(state, customer), userErrors: [] } };
    },
  },
  customerUpdate: {
    cost: () => 10,
    run: ({ state, variables }) => {
      const input = (variables.input ?? {}) as Record<string, unknown>;
      const customer = state.customers.find((c) => c.id === input.id);
      if (!customer)
        return {
          data: { customer: null, userErrors: [{ field: ['id'], message: 'Customer does not exist' }] },
        };
      const errors = validateCustomer(input, (email) =>
        state.customers.some((c) => c.email === email && c.id !== customer.id),
      );
      if (errors.length) return { data: { customer: null, userErrors: errors } };
      assign(customer, input);
      return { data: { customer: customerView(state, customer), userErrors: [] } };
    },
  },
  webhookSubscriptionCreate: {
    cost: () => 10,
    run: ({ state, variables }) => {
      const topic = variables.topic;
      const input = (variables.webhookSubscription ?? {}) as Record<string, unknown>;
      const errors: UserError[] = [];
      if (typeof topic !== 'string' || !SUBSCRIPTION_TOPICS.includes(topic))
        errors.push({ field: ['topic'], message: 'Topic is invalid' });
      const url =
        typeof input.callbackUrl === 'string'
          ? input.callbackUrl
          : typeof input.uri === 'string'
            ? input.uri
            : '';
      if (!/^https?:\/\/[^\s]+$/.test(url))
        errors.push({ field: ['webhookSubscription', 'callbackUrl'], message: 'Address is invalid' });
      if ([...state.subscriptions.values()].some((s) => s.topic === topic && s.callbackUrl === url))
        errors.push({
          field: ['webhookSubscription', 'callbackUrl'],
          message: 'Address for this topic has already been taken',
        });
      if (errors.length) return { data: { webhookSubscription: null, userErrors: errors } };
      const subscription = {
        id: newGid(state, 'WebhookSubscription'),
        topic: topic as string,
        callbackUrl: url,
        format: String(input.format ?? 'JSON'),
      };
      state.subscriptions.set(subscription.id, subscription);
      return {
        data: {
          webhookSubscription: {
            id: subscription.id,
            topic: subscription.topic,
            format: subscription.format,
            uri: url,
          },
          userErrors: [],
        },
      };
    },
  },
  webhookSubscriptionDelete: {
    cost: () => 10,
    run: ({ state, variables }) => {
      const id = variables.id;
      if (typeof id !== 'string' || !state.subscriptions.delete(id))
        return {
          data: {
            deletedWebhookSubscriptionId: null,
            userErrors: [{ field: ['id'], message: 'Webhook subscription does not exist' }],
          },
        };
      return { data: { deletedWebhookSubscriptionId: id, userErrors: [] } };
    },
  },
};

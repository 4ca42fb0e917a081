import { defineNode, z } from '@shopwire/sdk';
import checkoutSession from '../fixtures/checkout-session.json' with { type: 'json' };
import { metadataParam } from '../lib/params.js';
import { compact, runPerItem, stripeCredentialSlot } from '../lib/run-per-item.js';

const lineItem = z
  .object({
    price: z
      .string()
      .trim()
      .min(1)
      .optional()
      .meta({ title: 'Price id', ui: { placeholder: 'price_…' } }),
    productName: z.string().max(250).optional().meta({ title: 'Product name (ad-hoc price)' }),
    unitAmount: z.number().int().min(0).optional().meta({ title: 'Unit amount (minor units)' }),
    currency: z
      .string()
      .regex(/^[a-z]{3}$/i)
      .optional()
      .meta({ title: 'Currency' }),
    quantity: z.number().int().min(1).default(1).meta({ title: 'Quantity' }),
  })
  .refine((l) => l.price !== undefined || (l.productName && l.unitAmount !== undefined && l.currency), {
    message: 'give a price id, or productName + unitAmount + currency',
  });

const params = z.object({
  mode: z.enum(['payment', 'subscription', 'setup']).default('payment').meta({ title: 'Mode' }),
  lineItems: z.array(lineItem).min(1).max(100).meta({ title: 'Line items' }),
  successUrl: z.url().meta({ title: 'Success URL' }),
  cancelUrl: z.url().optional().meta({ title: 'Cancel URL' }),
  customerEmail: z.email().optional().meta({ title: 'Customer email' }),
  customer: z
    .string()
    .trim()
    .optional()
    .meta({ title: 'Customer id', ui: { placeholder: 'cus_…' } }),
  clientReferenceId: z.string().max(200).optional().meta({ title: 'Client reference id' }),
  metadata: metadataParam,
});

export const createCheckoutSession = defineNode({
  type: 'stripe.createCheckoutSession',
  version: 1,
  displayName: 'Stripe: Create Checkout Session',
  description: 'Creates a hosted Checkout page for the line items and outputs the session (with its url).',
  kind: 'action',
  group: 'Retail',
  icon: 'stripe',
  params,
  credentials: stripeCredentialSlot,
  idempotent: true,
  sampleOutput: [{ json: checkoutSession }],
  run: (ctx) =>
    runPerItem(ctx, ({ params: p, index, client }) =>
      client.request({
        method: 'POST',
        path: '/checkout/sessions',
        idempotencyKey: ctx.idempotencyKey(index),
        form: compact({
          mode: p.mode,
          success_url: p.successUrl,
          cancel_url: p.cancelUrl,
          customer_email: p.customerEmail,
          customer: p.customer,
          client_reference_id: p.clientReferenceId,
          metadata: p.metadata,
          line_items: p.lineItems.map((l) =>
            l.price
              ? { price: l.price, quantity: l.quantity }
              : {
                  quantity: l.quantity,
                  price_data: {
                    currency: l.currency?.toLowerCase(),
                    unit_amount: l.unitAmount,
                    product_data: { name: l.productName },
                  },
                },
          ),
        }),
      }),
    ),
});

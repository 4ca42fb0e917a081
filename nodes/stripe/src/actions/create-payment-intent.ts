import { defineNode, z } from '@shopwire/sdk';
import paymentIntent from '../fixtures/payment-intent.json' with { type: 'json' };
import { metadataParam } from '../lib/params.js';
import { compact, runPerItem, stripeCredentialSlot } from '../lib/run-per-item.js';

const params = z.object({
  amount: z.number().int().min(1).meta({ title: 'Amount (minor units)', description: 'e.g. 4200 = $42.00' }),
  currency: z
    .string()
    .regex(/^[a-zA-Z]{3}$/, 'a 3-letter ISO currency code')
    .meta({ title: 'Currency' }),
  customer: z
    .string()
    .trim()
    .optional()
    .meta({ title: 'Customer id', ui: { placeholder: 'cus_…' } }),
  description: z.string().max(1000).optional().meta({ title: 'Description' }),
  receiptEmail: z.email().optional().meta({ title: 'Receipt email' }),
  automaticPaymentMethods: z.boolean().default(true).meta({ title: 'Automatic payment methods' }),
  metadata: metadataParam,
});

export const createPaymentIntent = defineNode({
  type: 'stripe.createPaymentIntent',
  version: 1,
  displayName: 'Stripe: Create Payment Intent',
  description: 'Creates a PaymentIntent for an amount; confirm it client-side or with a saved method.',
  kind: 'action',
  group: 'Retail',
  icon: 'stripe',
  params,
  credentials: stripeCredentialSlot,
  idempotent: true,
  sampleOutput: [{ json: paymentIntent }],
  run: (ctx) =>
    runPerItem(ctx, ({ params: p, index, client }) =>
      client.request({
        method: 'POST',
        path: '/payment_intents',
        idempotencyKey: ctx.idempotencyKey(index),
        form: compact({
          amount: p.amount,
          currency: p.currency.toLowerCase(),
          customer: p.customer,
          description: p.description,
          receipt_email: p.receiptEmail,
          automatic_payment_methods: p.automaticPaymentMethods ? { enabled: true } : undefined,
          metadata: p.metadata,
        }),
      }),
    ),
});

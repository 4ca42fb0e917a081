import { defineNode, z } from '@shopwire/sdk';
import refund from '../fixtures/refund.json' with { type: 'json' };
import { metadataParam } from '../lib/params.js';
import { compact, runPerItem, stripeCredentialSlot } from '../lib/run-per-item.js';

const params = z
  .object({
    charge: z
      .string()
      .trim()
      .optional()
      .meta({ title: 'Charge id', ui: { placeholder: 'ch_…' } }),
    paymentIntent: z
      .string()
      .trim()
      .optional()
      .meta({ title: 'Payment intent id', ui: { placeholder: 'pi_…' } }),
    amount: z
      .number()
      .int()
      .min(1)
      .optional()
      .meta({ title: 'Amount (minor units)', description: 'Empty: refund what is left' }),
    reason: z.enum(['duplicate', 'fraudulent', 'requested_by_customer']).optional().meta({ title: 'Reason' }),
    metadata: metadataParam,
  })
  .superRefine((p, issue) => {
    const given = [p.charge, p.paymentIntent].filter((v) => v !== undefined && v !== '').length;
    if (given !== 1)
      issue.addIssue({
        code: 'custom',
        path: ['charge'],
        message: 'give exactly one of charge or paymentIntent',
      });
  });

export const createRefund = defineNode({
  type: 'stripe.createRefund',
  version: 1,
  displayName: 'Stripe: Create Refund',
  description:
    'Refunds a charge or payment intent, fully or by an amount. Safe to retry: sent with an idempotency key.',
  kind: 'action',
  group: 'Retail',
  icon: 'stripe',
  params,
  credentials: stripeCredentialSlot,
  idempotent: true,
  sampleOutput: [{ json: refund }],
  run: (ctx) =>
    runPerItem(ctx, ({ params: p, index, client }) =>
      client.request({
        method: 'POST',
        path: '/refunds',
        idempotencyKey: ctx.idempotencyKey(index),
        form: compact({
          charge: p.charge,
          payment_intent: p.paymentIntent,
          amount: p.amount,
          reason: p.reason,
          metadata: p.metadata,
        }),
      }),
    ),
});

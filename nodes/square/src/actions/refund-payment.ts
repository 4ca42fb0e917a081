import { defineNode, z } from '@shopwire/sdk';
import refund from '../fixtures/refund.json' with { type: 'json' };
import { compact, money, squareId, squareIdempotencyKey } from '../lib/params.js';
import { runPerItem, squareCredentialSlot } from '../lib/run-per-item.js';

const params = z.object({
  paymentId: squareId('Payment id'),
  ...money,
  reason: z.string().max(192).optional().meta({ title: 'Reason' }),
});

export const refundPayment = defineNode({
  type: 'square.refundPayment',
  version: 1,
  displayName: 'Square: Refund Payment',
  description: 'Refunds an amount of a payment. Safe to retry: sent with an idempotency key.',
  kind: 'action',
  group: 'Retail',
  icon: 'square',
  params,
  credentials: squareCredentialSlot,
  idempotent: true,
  sampleOutput: [{ json: refund }],
  run: (ctx) =>
    runPerItem(ctx, async ({ params: p, index, client }) => {
      const res = await client.request<{ refund: unknown }>({
        method: 'POST',
        path: '/refunds',
        json: compact({
          idempotency_key: squareIdempotencyKey(ctx.idempotencyKey(index), 45),
          payment_id: p.paymentId,
          amount_money: { amount: p.amount, currency: p.currency },
          reason: p.reason,
        }),
      });
      return res.refund;
    }),
});

import { defineNode, z } from '@shopwire/sdk';
import payment from '../fixtures/payment.json' with { type: 'json' };
import { squareId } from '../lib/params.js';
import { runPerItem, squareCredentialSlot } from '../lib/run-per-item.js';

const params = z.object({ paymentId: squareId('Payment id') });

export const getPayment = defineNode({
  type: 'square.getPayment',
  version: 1,
  displayName: 'Square: Get Payment',
  description: 'Reads one payment by id.',
  kind: 'action',
  group: 'Retail',
  icon: 'square',
  params,
  credentials: squareCredentialSlot,
  idempotent: true,
  sampleOutput: [{ json: payment }],
  run: (ctx) =>
    runPerItem(ctx, async ({ params: p, client }) => {
      const res = await client.request<{ payment: unknown }>({
        method: 'GET',
        path: `/payments/${encodeURIComponent(p.paymentId)}`,
      });
      return res.payment;
    }),
});

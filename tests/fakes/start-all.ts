import { startAllFakes, fakeCredentialData, FAKE_SECRETS } from './all-fakes.js';

/**
 * `npm run fakes`: every service fake on fixed ports (default 5801…5809, or FAKES_BASE_PORT),
 * seeded with the demo boutique, until Ctrl-C. Prints the credential values to paste into
 * Shopwire so every template can be tried without an account anywhere.
 * SHOPWIRE_URL (default http://localhost:8080) is used for the Square notification URL.
 */

const basePort = Number(process.env.FAKES_BASE_PORT ?? 5801);
const shopwireUrl = (process.env.SHOPWIRE_URL ?? 'http://localhost:8080').replace(/\/+$/, '');

const fakes = await startAllFakes({ basePort });
const slackWebhookUrl = fakes.slack.createWebhook('#shop');
const sheetId = fakes.sheets.createSpreadsheet({
  id: '1DemoBoutiqueSalesLog',
  title: 'Demo Boutique',
  sheets: {
    'Sales log': [['date', 'orders', 'revenue', 'averageOrder', 'topProducts']],
    'Reorder settings': [
      ['sku', 'reorderPoint', 'unitCost', 'supplier', 'supplierEmail'],
      ...fakes.boutique.products.map((p) => [
        p.sku,
        p.reorderPoint,
        p.costCents / 100,
        p.supplier,
        p.supplier,
      ]),
    ],
  },
});
const vipListId = fakes.klaviyo.createList('VIP');
const data = fakeCredentialData(fakes, { shopwireUrl, slackWebhookUrl });

const lines = [
  'Shopwire service fakes are running (demo boutique: 50 products, 150 customers, 500 orders).',
  '',
  `  Shopify       ${fakes.shopify.url}`,
  `  WooCommerce   ${fakes.woocommerce.url}`,
  `  Square        ${fakes.square.url}`,
  `  Stripe        ${fakes.stripe.url}`,
  `  Klaviyo       ${fakes.klaviyo.apiUrl}`,
  `  Twilio        ${fakes.twilio.url}`,
  `  Slack         ${fakes.slack.url}`,
  `  Google Sheets ${fakes.sheets.url}`,
  `  SMTP          ${fakes.smtp.host}:${fakes.smtp.port} (no TLS)`,
  '',
  'Credentials to create in Shopwire (Credentials → New), one per type:',
  '',
  ...Object.entries(data).flatMap(([type, fields]) => [
    `  ${type}`,
    ...Object.entries(fields).map(([k, v]) => `      ${k.padEnd(16)} ${String(v)}`),
  ]),
  '',
  'Template settings for the demo:',
  `  Google spreadsheet id     ${sheetId}   (sheets "Sales log" and "Reorder settings")`,
  `  Klaviyo VIP list id       ${vipListId}`,
  `  Shopify webhook secret    ${FAKE_SECRETS.shopifyWebhookSecret} (already in the credential above)`,
  `  Set SHOPWIRE_PUBLIC_URL=${shopwireUrl} on the server so Shopify/WooCommerce webhooks can be registered.`,
  '',
  'Fake-only data (tokens above) are not real secrets. Press Ctrl-C to stop.',
];
process.stdout.write(lines.join('\n') + '\n');

let stopping = false;
const stop = (): void => {
  if (stopping) return;
  stopping = true;
  void fakes.close().finally(() => process.exit(0));
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);

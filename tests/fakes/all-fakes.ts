import { createDemoBoutique, type DemoBoutique } from './shared/index.js';
import { startGoogleSheetsFake, type GoogleSheetsFake } from './google-sheets/index.js';
import { startKlaviyoFake, type KlaviyoFake } from './klaviyo/index.js';
import { startShopifyFake, type ShopifyFake } from './shopify/index.js';
import { startSlackFake, type SlackFake } from './slack/index.js';
import { startSmtpFake, type SmtpFake } from './smtp/index.js';
import { startSquareFake, type SquareFake } from './square/index.js';
import { startStripeFake, type StripeFake } from './stripe/index.js';
import { startTwilioFake, type TwilioFake } from './twilio/index.js';
import { startWooFake, type WooFake } from './woocommerce/index.js';

/**
 * Every service fake, seeded with the same demo boutique, plus the credential data that points a
 * Shopwire credential of each type at its fake. Used by `npm run fakes` (fixed ports) and by the
 * template end-to-end tests (port 0).
 */

export const FAKE_SECRETS = {
  shopifyDomain: 'boutique.myshopify.com',
  shopifyToken: 'shpat_test_token',
  shopifyWebhookSecret: 'shpss_test_client_secret',
  squareSignatureKey: 'sq-signature-key-demo',
  stripeWebhookSecret: 'whsec_shopwireDemoSecret',
  wooKey: 'ck_testkey',
  wooSecret: 'cs_testsecret',
  wooWebhookSecret: 'wc-webhook-secret',
} as const;

/** Port offsets from `basePort` (fixed ports for `npm run fakes`). */
export const FAKE_PORT_OFFSETS = {
  shopify: 0,
  woocommerce: 1,
  square: 2,
  stripe: 3,
  klaviyo: 4,
  twilio: 5,
  slack: 6,
  sheets: 7,
  smtp: 8,
} as const;

export interface AllFakes {
  boutique: DemoBoutique;
  shopify: ShopifyFake;
  woocommerce: WooFake;
  square: SquareFake;
  stripe: StripeFake;
  klaviyo: KlaviyoFake;
  twilio: TwilioFake;
  slack: SlackFake;
  sheets: GoogleSheetsFake;
  smtp: SmtpFake;
  close(): Promise<void>;
}

export async function startAllFakes(
  options: { basePort?: number; boutique?: DemoBoutique; rateLimits?: boolean } = {},
): Promise<AllFakes> {
  const boutique = options.boutique ?? createDemoBoutique();
  const port = (name: keyof typeof FAKE_PORT_OFFSETS) =>
    options.basePort === undefined ? {} : { port: options.basePort + FAKE_PORT_OFFSETS[name] };
  const limits = options.rateLimits ?? true;
  const [shopify, woocommerce, square, stripe, klaviyo, twilio, slack, sheets, smtp] = await Promise.all([
    startShopifyFake({
      ...port('shopify'),
      boutique,
      shopDomain: FAKE_SECRETS.shopifyDomain,
      accessToken: FAKE_SECRETS.shopifyToken,
      webhookSecret: FAKE_SECRETS.shopifyWebhookSecret,
    }),
    startWooFake({
      ...port('woocommerce'),
      boutique,
      consumerKey: FAKE_SECRETS.wooKey,
      consumerSecret: FAKE_SECRETS.wooSecret,
    }),
    startSquareFake({ ...port('square'), demo: boutique, ...(limits ? {} : { rateLimitPerSecond: false }) }),
    startStripeFake({ ...port('stripe'), demo: boutique, ...(limits ? {} : { rateLimitPerSecond: false }) }),
    startKlaviyoFake({ ...port('klaviyo') }),
    startTwilioFake({ ...port('twilio') }),
    startSlackFake({ ...port('slack'), ...(limits ? {} : { messagesPerSecond: 100 }) }),
    startGoogleSheetsFake({ ...port('sheets') }),
    startSmtpFake({ ...port('smtp') }),
  ]);
  return {
    boutique,
    shopify,
    woocommerce,
    square,
    stripe,
    klaviyo,
    twilio,
    slack,
    sheets,
    smtp,
    async close() {
      await Promise.all(
        [shopify, woocommerce, square, stripe, klaviyo, twilio, slack, sheets, smtp].map((f) => f.close()),
      );
    },
  };
}

/**
 * Credential data per credential type, pointing at the fakes. `shopwireUrl` is the public URL of
 * the Shopwire server (Square signs the notification URL). `slackWebhookUrl` is one from
 * `fakes.slack.createWebhook()`.
 */
export function fakeCredentialData(
  fakes: AllFakes,
  options: { shopwireUrl: string; slackWebhookUrl: string; squarePath?: string },
): Record<string, Record<string, unknown>> {
  return {
    'shopify.adminApi': {
      shopDomain: FAKE_SECRETS.shopifyDomain,
      accessToken: FAKE_SECRETS.shopifyToken,
      webhookSecret: FAKE_SECRETS.shopifyWebhookSecret,
      baseUrl: fakes.shopify.url,
    },
    'woocommerce.restApi': {
      storeUrl: 'https://shop.example.com',
      consumerKey: FAKE_SECRETS.wooKey,
      consumerSecret: FAKE_SECRETS.wooSecret,
      webhookSecret: FAKE_SECRETS.wooWebhookSecret,
      baseUrl: fakes.woocommerce.url,
    },
    'square.accessToken': {
      accessToken: fakes.square.accessToken,
      signatureKey: FAKE_SECRETS.squareSignatureKey,
      notificationUrl: `${options.shopwireUrl}/webhook/${options.squarePath ?? 'square/inventory'}`,
      environment: 'sandbox',
      baseUrl: fakes.square.url,
    },
    'stripe.apiKey': {
      secretKey: fakes.stripe.apiKey,
      webhookSecret: FAKE_SECRETS.stripeWebhookSecret,
      baseUrl: fakes.stripe.url,
    },
    'klaviyo.apiKey': { privateKey: fakes.klaviyo.apiKey, baseUrl: fakes.klaviyo.apiUrl },
    'twilio.account': {
      accountSid: fakes.twilio.accountSid,
      authToken: fakes.twilio.authToken,
      fromNumber: '+15005550006',
      baseUrl: fakes.twilio.url,
    },
    'slack.incomingWebhook': { webhookUrl: options.slackWebhookUrl },
    'googleSheets.oauth': { accessToken: fakes.sheets.token, baseUrl: fakes.sheets.url },
    'email.smtp': {
      host: fakes.smtp.host,
      port: fakes.smtp.port,
      secure: false,
      user: fakes.smtp.user,
      password: fakes.smtp.password,
      from: 'Demo Boutique <shop@demo-boutique.test>',
    },
  };
}

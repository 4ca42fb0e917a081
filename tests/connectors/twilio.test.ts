import twilio, { twilioAccount } from '@shopwire/nodes-twilio';
import { NodeError, ValidationError } from '@shopwire/sdk';
import type { NodeDefinition } from '@shopwire/sdk';
import { createHttpClient } from '@shopwire/http';
import { items, outputJson, runNode } from '@shopwire/testing';
import { afterEach, describe, expect, it } from 'vitest';
import { startTwilioFake } from '../fakes/twilio/index.js';
import type { TwilioFake } from '../fakes/twilio/index.js';

const sendSms = twilio.nodes.find((n) => n.type === 'twilio.sendSms') as NodeDefinition;
const MG = `MG${'b2'.repeat(16)}`;

let fake: TwilioFake | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

const cred = (f: TwilioFake, extra: Record<string, unknown> = {}) => ({
  twilio: {
    accountSid: f.accountSid,
    authToken: f.authToken,
    fromNumber: '+15017122661',
    baseUrl: f.url,
    ...extra,
  },
});

describe('twilio credential', () => {
  it('test() fetches the account and reports 20003 for a wrong token', async () => {
    fake = await startTwilioFake();
    const http = createHttpClient({ allowPrivateNetworks: true, baseDelayMs: 5 });
    const data = twilioAccount.schema.parse({
      accountSid: fake.accountSid,
      authToken: fake.authToken,
      baseUrl: fake.url,
    });
    const ok = await twilioAccount.test!(data, { http });
    expect(ok).toEqual({ ok: true, message: `Connected to Twilio account Demo Boutique (active)` });
    expect(fake.received[0]!.path).toBe(`/2010-04-01/Accounts/${fake.accountSid}.json`);
    const bad = await twilioAccount.test!({ ...data, authToken: 'wrong-token' }, { http });
    expect(bad).toEqual({ ok: false, message: 'Twilio 401 (error 20003): Authenticate' });
  });

  it('rejects a malformed Account SID naming the field', () => {
    const parsed = twilioAccount.schema.safeParse({ accountSid: 'nope', authToken: 'x' });
    expect(parsed.success).toBe(false);
    expect(parsed.error!.issues[0]!.path).toEqual(['accountSid']);
  });
});

describe('twilio.sendSms', () => {
  it('sends one SMS per item as form fields with Basic auth and returns Twilio’s message', async () => {
    fake = await startTwilioFake();
    const out = outputJson(
      await runNode({
        node: sendSms,
        items: items({ phone: '+15005550006' }, { phone: '+447700900123' }),
        itemParams: [
          { to: '+15005550006', body: 'Order #1001 shipped' },
          { to: '+447700900123', body: 'Order #1002 shipped' },
        ],
        credentials: cred(fake),
      }),
    );
    expect(out).toHaveLength(2);
    expect(out[0]).toMatchObject({
      status: 'queued',
      to: '+15005550006',
      from: '+15017122661',
      body: 'Order #1001 shipped',
    });
    expect((out[0] as { sid: string }).sid).toMatch(/^SM[0-9a-f]{32}$/);
    expect(fake.state.messages.map((m) => m.to)).toEqual(['+15005550006', '+447700900123']);
    const req = fake.received[0]!;
    expect(req.headers['content-type']).toBe('application/x-www-form-urlencoded');
    expect(req.body).toEqual({ To: '+15005550006', From: '+15017122661', Body: 'Order #1001 shipped' });
    expect(req.headers.authorization).toBe(
      `Basic ${Buffer.from(`${fake.accountSid}:${fake.authToken}`).toString('base64')}`,
    );
  });

  it('uses a Messaging Service SID instead of From when configured', async () => {
    fake = await startTwilioFake();
    const out = outputJson(
      await runNode({
        node: sendSms,
        params: { to: '+15005550006', body: 'hi' },
        credentials: cred(fake, { messagingServiceSid: MG }),
      }),
    );
    expect(fake.received[0]!.body).toEqual({ To: '+15005550006', MessagingServiceSid: MG, Body: 'hi' });
    expect(out[0]).toMatchObject({ status: 'accepted', messaging_service_sid: MG });
  });

  it('fails with Twilio’s 20003 on a wrong token', async () => {
    fake = await startTwilioFake();
    const error = (await runNode({
      node: sendSms,
      params: { to: '+15005550006', body: 'x' },
      credentials: cred(fake, { authToken: 'bad' }),
    }).catch((e: unknown) => e)) as NodeError;
    expect(error).toBeInstanceOf(NodeError);
    expect(error.httpStatus).toBe(401);
    expect(error.message).toBe('Twilio 401 (error 20003): Authenticate');
    expect(error.message).not.toContain('bad');
  });

  it('surfaces 21211 for an invalid To number, on the right item', async () => {
    fake = await startTwilioFake();
    const error = (await runNode({
      node: sendSms,
      items: items({}, {}),
      itemParams: [
        { to: '+15005550006', body: 'ok' },
        { to: '555-CALL-NOW', body: 'bad' },
      ],
      credentials: cred(fake),
    }).catch((e: unknown) => e)) as NodeError;
    expect(error.httpStatus).toBe(400);
    expect(error.code).toBe('TWILIO_21211');
    expect(error.itemIndex).toBe(1);
    expect(error.message).toContain("The 'To' number 555-CALL-NOW is not a valid phone number.");
    expect(fake.state.messages).toHaveLength(1);
  });

  it('validates the body length (1600) and a missing sender before calling Twilio', async () => {
    fake = await startTwilioFake();
    const long = (await runNode({
      node: sendSms,
      params: { to: '+15005550006', body: 'x'.repeat(1601) },
      credentials: cred(fake),
    }).catch((e: unknown) => e)) as ValidationError;
    expect(long).toBeInstanceOf(ValidationError);
    expect(long.field).toBe('params.body');
    const noSender = (await runNode({
      node: sendSms,
      params: { to: '+15005550006', body: 'x' },
      credentials: cred(fake, { fromNumber: undefined }),
    }).catch((e: unknown) => e)) as ValidationError;
    expect(noSender.field).toBe('params.from');
    expect(fake.received).toHaveLength(0);
    // exactly 1600 is allowed
    await runNode({
      node: sendSms,
      params: { to: '+15005550006', body: 'y'.repeat(1600) },
      credentials: cred(fake),
    });
    expect(fake.state.messages[0]!.num_segments).toBe('11');
  });

  it('retries 429 / 20429 and still sends every message', async () => {
    fake = await startTwilioFake({ rateLimit: { limit: 2, windowMs: 300 } });
    const phones = ['+15005550001', '+15005550002', '+15005550003', '+15005550004', '+15005550005'];
    const out = await runNode({
      node: sendSms,
      items: phones.map((phone) => ({ json: { phone } })),
      itemParams: phones.map((to) => ({ to, body: 'Back in stock!' })),
      credentials: cred(fake),
      http: createHttpClient({ allowPrivateNetworks: true, baseDelayMs: 100 }),
    });
    expect(outputJson(out)).toHaveLength(5);
    expect(fake.state.messages.map((m) => m.to)).toEqual(phones);
    expect(fake.state.rateLimited).toBeGreaterThan(0);
  });
});

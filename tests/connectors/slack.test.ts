import slack, { slackIncomingWebhook } from '@shopwire/nodes-slack';
import { NodeError, ValidationError } from '@shopwire/sdk';
import type { NodeDefinition } from '@shopwire/sdk';
import { createHttpClient } from '@shopwire/http';
import { items, outputJson, runNode } from '@shopwire/testing';
import { afterEach, describe, expect, it } from 'vitest';
import { startSlackFake } from '../fakes/slack/index.js';
import type { SlackFake } from '../fakes/slack/index.js';

const sendMessage = slack.nodes.find((n) => n.type === 'slack.sendMessage') as NodeDefinition;

let fake: SlackFake | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

const blocks = [
  { type: 'header', text: { type: 'plain_text', text: 'Low stock' } },
  { type: 'section', text: { type: 'mrkdwn', text: '*SW-CAN-001* — 3 left' } },
];

describe('slack credential', () => {
  it('test() tells a live webhook (400 no_text, nothing posted) from a revoked one', async () => {
    fake = await startSlackFake();
    const http = createHttpClient({ allowPrivateNetworks: true, baseDelayMs: 5 });
    const url = fake.createWebhook();
    expect((await slackIncomingWebhook.test!({ webhookUrl: url }, { http })).ok).toBe(true);
    expect(fake.state.messages).toHaveLength(0);
    const revoked = await slackIncomingWebhook.test!(
      { webhookUrl: `${fake.url}/services/T1/B1/nope` },
      { http },
    );
    expect(revoked.ok).toBe(false);
    expect(revoked.message).toContain('invalid_token');
  });
});

describe('slack.sendMessage', () => {
  it('posts text and blocks (JSON text or array) and Slack answers ok', async () => {
    fake = await startSlackFake({ messagesPerSecond: 10 });
    const webhookUrl = fake.createWebhook('#stock');
    const out = outputJson(
      await runNode({
        node: sendMessage,
        items: items({}, {}),
        itemParams: [{ text: 'Low stock: SW-CAN-001', blocks: JSON.stringify(blocks) }, { text: 'Plain' }],
        credentials: { slack: { webhookUrl } },
      }),
    );
    expect(out).toEqual([
      { ok: true, text: 'Low stock: SW-CAN-001', blockCount: 2 },
      { ok: true, text: 'Plain' },
    ]);
    expect(fake.state.messages).toMatchObject([
      { channel: '#stock', text: 'Low stock: SW-CAN-001', blocks },
      { text: 'Plain' },
    ]);
    expect(fake.received[0]!.headers['content-type']).toBe('application/json');
  });

  it('validates blocks and text before posting, naming the field', async () => {
    fake = await startSlackFake();
    const webhookUrl = fake.createWebhook();
    const cases: [Record<string, unknown>, string][] = [
      [{ text: 'x', blocks: '[{"type": ' }, 'params.blocks'],
      [{ text: 'x', blocks: [{ text: 'no type' }] }, 'params.blocks.0.type'],
      [{ text: '' }, 'params.text'],
    ];
    for (const [params, field] of cases) {
      const error = (await runNode({
        node: sendMessage,
        params,
        credentials: { slack: { webhookUrl } },
      }).catch((e: unknown) => e)) as ValidationError;
      expect(error).toBeInstanceOf(ValidationError);
      expect(error.field).toBe(field);
    }
    expect(fake.received).toHaveLength(0);
  });

  it('surfaces Slack’s plain-text errors: invalid_token, channel_not_found, channel_is_archived', async () => {
    fake = await startSlackFake();
    const webhookUrl = fake.createWebhook();
    const send = (url: string) =>
      runNode({
        node: sendMessage,
        params: { text: 'hi' },
        credentials: { slack: { webhookUrl: url } },
      }).then(
        () => {
          throw new Error('expected a failure');
        },
        (e: unknown) => e as NodeError,
      );
    const badToken = await send(`${fake.url}/services/T0/B0/wrong`);
    expect(badToken).toMatchObject({ httpStatus: 403 });
    expect(badToken.message).toContain('invalid_token');
    fake.setChannelState(webhookUrl, 'deleted');
    const deleted = await send(webhookUrl);
    expect(deleted.httpStatus).toBe(404);
    expect(deleted.message).toContain('channel_not_found: the channel was deleted');
    fake.setChannelState(webhookUrl, 'archived');
    const archived = await send(webhookUrl);
    expect(archived.httpStatus).toBe(410);
    expect(archived.message).toContain('channel_is_archived');
    expect(fake.state.messages).toHaveLength(0);
  });

  it('answers 400 invalid_payload to a malformed body', async () => {
    fake = await startSlackFake();
    const res = await fetch(fake.createWebhook(), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"text":',
    });
    expect(res.status).toBe(400);
    expect(await res.text()).toBe('invalid_payload');
  });

  it('slows down to ~1 message/s on 429 + Retry-After and still posts every message', async () => {
    fake = await startSlackFake({ messagesPerSecond: 1 });
    const webhookUrl = fake.createWebhook();
    const started = Date.now();
    const out = await runNode({
      node: sendMessage,
      items: items({ n: 1 }, { n: 2 }, { n: 3 }),
      itemParams: [1, 2, 3].map((n) => ({ text: `alert ${n}` })),
      credentials: { slack: { webhookUrl } },
    });
    expect(outputJson(out)).toHaveLength(3);
    expect(fake.state.messages.map((m) => m.text)).toEqual(['alert 1', 'alert 2', 'alert 3']);
    expect(fake.state.rateLimited).toBeGreaterThan(0);
    expect(Date.now() - started).toBeGreaterThanOrEqual(1500);
  });
});

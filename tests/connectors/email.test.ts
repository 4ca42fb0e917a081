import email, { buildCsv, smtpCredential } from '@shopwire/nodes-email';
import { NodeError, ValidationError } from '@shopwire/sdk';
import type { NodeDefinition } from '@shopwire/sdk';
import { createHttpClient } from '@shopwire/http';
import { items, outputJson, runNode } from '@shopwire/testing';
import { afterEach, describe, expect, it } from 'vitest';
import { startSmtpFake } from '../fakes/smtp/index.js';
import type { SmtpFake } from '../fakes/smtp/index.js';

const sendEmail = email.nodes.find((n) => n.type === 'email.sendEmail') as NodeDefinition;

let fake: SmtpFake | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

const cred = (f: SmtpFake, extra: Record<string, unknown> = {}) => ({
  smtp: {
    host: f.host,
    port: f.port,
    secure: f.secure,
    user: f.user,
    password: f.password,
    from: 'Demo Boutique <shop@demo-boutique.test>',
    ...extra,
  },
});
const fail = (p: Promise<unknown>) =>
  p.then(
    () => {
      throw new Error('expected a failure');
    },
    (e: unknown) => e,
  );

describe('email.smtp credential', () => {
  it('test() verifies the connection and reports 535 for a wrong password', async () => {
    fake = await startSmtpFake();
    const http = createHttpClient({ allowPrivateNetworks: true });
    const ok = await smtpCredential.test!(smtpCredential.schema.parse(cred(fake).smtp), { http });
    expect(ok).toEqual({ ok: true, message: `Connected to 127.0.0.1:${fake.port}` });
    const bad = await smtpCredential.test!(
      smtpCredential.schema.parse(cred(fake, { password: 'hunter2' }).smtp),
      { http },
    );
    expect(bad.ok).toBe(false);
    expect(bad.message).toContain('535');
    expect(bad.message).not.toContain('hunter2');
  });
});

describe('email.sendEmail', () => {
  it('sends one email per item over one SMTP connection, with a text fallback from the HTML', async () => {
    fake = await startSmtpFake();
    const out = outputJson(
      await runNode({
        node: sendEmail,
        items: items({ n: 1 }, { n: 2 }, { n: 3 }),
        itemParams: [1, 2, 3].map((n) => ({
          to: `customer${n}@example.test`,
          subject: `Order #100${n} — shipped ✓`,
          html: `<h1>Thanks!</h1><p>Order <b>#100${n}</b> is on its way &amp; tracked.</p>`,
        })),
        credentials: cred(fake),
      }),
    );
    expect(out).toHaveLength(3);
    expect(out[0]).toMatchObject({ accepted: ['customer1@example.test'], rejected: [] });
    expect((out[0] as { messageId: string }).messageId).toMatch(/^<.+@.+>$/);
    expect(fake.messages).toHaveLength(3);
    const first = fake.messages[0]!;
    expect(first.subject).toBe('Order #1001 — shipped ✓');
    expect(first.from).toBe('Demo Boutique <shop@demo-boutique.test>');
    expect(first.to).toEqual(['customer1@example.test']);
    expect(first.html).toContain('<b>#1001</b>');
    expect(first.text).toBe('Thanks!\nOrder #1001 is on its way & tracked.');
    expect(first.user).toBe(fake.user);
    expect(fake.state.connections).toBe(1);
  });

  it('sends one email for all items with a readable, correctly quoted CSV attachment', async () => {
    fake = await startSmtpFake();
    const rows = [
      { sku: 'SW-CAN-001', title: 'Candle, "Amber" large', quantity: 12, note: 'line1\nline2' },
      { sku: 'SW-CER-002', title: 'Mug — café', quantity: 3, note: '=HYPERLINK("x")' },
    ];
    const out = outputJson(
      await runNode({
        node: sendEmail,
        items: rows.map((json) => ({ json })),
        params: {
          to: 'buyer@demo-boutique.test, "Ops, Team" <ops@demo-boutique.test>',
          cc: 'owner@demo-boutique.test',
          subject: 'Low stock report',
          html: '<p>Attached.</p>',
          mode: 'once',
          attachCsv: { fileName: 'low-stock', fields: ['sku', 'title', 'quantity', 'note'] },
        },
        credentials: cred(fake),
      }),
    );
    expect(out).toHaveLength(1);
    expect((out[0] as { accepted: string[] }).accepted.sort()).toEqual([
      'buyer@demo-boutique.test',
      'ops@demo-boutique.test',
      'owner@demo-boutique.test',
    ]);
    const message = fake.messages[0]!;
    expect(message.attachments).toHaveLength(1);
    const attachment = message.attachments[0]!;
    expect(attachment.fileName).toBe('low-stock.csv');
    expect(attachment.contentType).toBe('text/csv');
    const csv = attachment.content.toString('utf8');
    expect(csv).toBe(
      'sku,title,quantity,note\r\n' +
        'SW-CAN-001,"Candle, ""Amber"" large",12,"line1\nline2"\r\n' +
        `SW-CER-002,Mug — café,3,"'=HYPERLINK(""x"")"\r\n`,
    );
    expect(csv).toBe(buildCsv({ rows, fields: ['sku', 'title', 'quantity', 'note'] }));
  });

  it('attaches CSV text or rows held in an item field (e.g. a purchase order)', async () => {
    fake = await startSmtpFake();
    await runNode({
      node: sendEmail,
      items: items(
        {
          poNumber: 'PO-1',
          lines: [
            { sku: 'A', qty: 2 },
            { sku: 'B', qty: 1 },
          ],
        },
        { poNumber: 'PO-2', csv: 'sku,qty\r\nC,5\r\n' },
      ),
      itemParams: [
        {
          to: 'a@sup.test',
          subject: 'PO-1',
          text: 'see attached',
          attachCsv: { fileName: 'PO-1.csv', fromField: 'lines' },
        },
        {
          to: 'b@sup.test',
          subject: 'PO-2',
          text: 'see attached',
          attachCsv: { fileName: 'PO-2.csv', fromField: 'csv' },
        },
      ],
      credentials: cred(fake),
    });
    expect(fake.messages.map((m) => m.attachments[0]!.content.toString('utf8'))).toEqual([
      'sku,qty\r\nA,2\r\nB,1\r\n',
      'sku,qty\r\nC,5\r\n',
    ]);
    expect(fake.messages[0]!.text).toBe('see attached');
    expect(fake.messages[0]!.html).toBeUndefined();
  });

  it('fails with the server’s 535 on a wrong password, without leaking it', async () => {
    fake = await startSmtpFake();
    const error = (await fail(
      runNode({
        node: sendEmail,
        params: { to: 'a@b.test', subject: 's', text: 't' },
        credentials: cred(fake, { password: 'wrong-pass' }),
      }),
    )) as NodeError;
    expect(error).toBeInstanceOf(NodeError);
    expect(error.code).toBe('AUTH_FAILED');
    expect(error.message).toContain('535');
    expect(error.message).not.toContain('wrong-pass');
    expect(fake.messages).toHaveLength(0);
  });

  it('names the bad field: recipients, missing body, CSV source', async () => {
    fake = await startSmtpFake();
    const cases: [Record<string, unknown>, string][] = [
      [{ to: 'not an address', subject: 's', text: 't' }, 'params.to'],
      [{ to: 'a@b.test', bcc: 'x@y.test, nope', subject: 's', text: 't' }, 'params.bcc'],
      [{ to: 'a@b.test', subject: 's' }, 'params.html'],
      [
        { to: 'a@b.test', subject: 's', text: 't', attachCsv: { fromField: 'missing' } },
        'params.attachCsv.fromField',
      ],
    ];
    for (const [params, field] of cases) {
      const error = (await fail(
        runNode({ node: sendEmail, items: items({ a: 1 }), params, credentials: cred(fake) }),
      )) as ValidationError;
      expect(error).toBeInstanceOf(ValidationError);
      expect(error.field).toBe(field);
    }
    expect(fake.messages).toHaveLength(0);
  });

  it('reports recipients the server rejected and still delivers to the others', async () => {
    fake = await startSmtpFake({ rejectRecipients: ['gone@example.test'] });
    const out = outputJson(
      await runNode({
        node: sendEmail,
        params: { to: 'ok@example.test, gone@example.test', subject: 's', text: 't' },
        credentials: cred(fake),
      }),
    );
    expect(out[0]).toMatchObject({ accepted: ['ok@example.test'], rejected: ['gone@example.test'] });
    expect(fake.messages[0]!.envelope.to).toEqual(['ok@example.test']);
  });

  it('speaks implicit TLS (secure, port-465 style) and refuses an untrusted certificate unless allowed', async () => {
    fake = await startSmtpFake({ secure: true });
    const untrusted = (await fail(
      runNode({
        node: sendEmail,
        params: { to: 'a@b.test', subject: 's', text: 't' },
        credentials: cred(fake),
      }),
    )) as NodeError;
    expect(untrusted.message).toMatch(/certificate/i);
    await runNode({
      node: sendEmail,
      params: { to: 'a@b.test', subject: 'over TLS', text: 't' },
      credentials: cred(fake, { allowSelfSigned: true }),
    });
    expect(fake.messages[0]!.subject).toBe('over TLS');
  });
});

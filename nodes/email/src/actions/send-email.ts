import { ValidationError, defineNode, z } from '@shopwire/sdk';
import type { Item, JsonObject } from '@shopwire/sdk';
import { buildCsv } from '../csv.js';
import { htmlToText } from '../html-to-text.js';
import { createSmtpTransport, parseSmtpSettings, smtpError } from '../transport.js';

const ADDRESS = /^(?:[^<>]*<\s*[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+\s*>|[^\s@<>,]+@[^\s@<>,]+\.[^\s@<>,]+)$/;

/** Comma-separated addresses (`a@x.com, Name <b@y.com>`); every one must be valid. */
const addressList = (title: string) =>
  z
    .string()
    .trim()
    .max(5000)
    .refine(
      (v) => v === '' || splitAddresses(v).every((a) => ADDRESS.test(a)),
      'must be email addresses separated by commas',
    )
    .meta({ title });

export function splitAddresses(value: string): string[] {
  return value
    .split(/,(?=(?:[^"]*"[^"]*")*[^"]*$)/)
    .map((a) => a.trim())
    .filter((a) => a !== '');
}

const params = z.object({
  to: addressList('To').refine((v) => v !== '', 'at least one recipient is required'),
  cc: addressList('Cc').default(''),
  bcc: addressList('Bcc').default(''),
  replyTo: addressList('Reply-To').default(''),
  from: z
    .string()
    .trim()
    .max(320)
    .optional()
    .meta({ title: 'From', description: 'Overrides the credential' }),
  subject: z.string().min(1).max(998).meta({ title: 'Subject' }),
  html: z
    .string()
    .max(2_000_000)
    .default('')
    .meta({ title: 'HTML body', ui: { widget: 'code', language: 'html' } }),
  text: z
    .string()
    .max(2_000_000)
    .default('')
    .meta({ title: 'Text body', description: 'Default: the HTML without tags' }),
  mode: z
    .enum(['perItem', 'once'])
    .default('perItem')
    .meta({ title: 'Send', description: 'perItem: one email per item; once: one email for all items' }),
  attachCsv: z
    .object({
      fileName: z.string().trim().min(1).max(200).default('items.csv').meta({ title: 'File name' }),
      fields: z
        .array(z.string().min(1).max(200))
        .max(500)
        .default([])
        .meta({ title: 'Columns (empty: all fields)' }),
      fromField: z.string().max(200).default('').meta({
        title: 'From item field',
        description:
          'A field holding CSV text or a list of rows (e.g. csv or lines); empty: the items themselves',
      }),
    })
    .optional()
    .meta({ title: 'Attach items as CSV' }),
  attachBinary: z.boolean().default(false).meta({ title: 'Attach the items’ binary files' }),
});
type Params = z.output<typeof params>;

interface Attachment {
  filename: string;
  content: string | Buffer;
  contentType: string;
}

function csvAttachment(p: Params, batch: Item[]): Attachment | undefined {
  if (!p.attachCsv) return undefined;
  const { fileName, fields, fromField } = p.attachCsv;
  let csv: string;
  if (fromField) {
    const values = batch.map((item) => item.json[fromField]);
    if (values.every((v) => typeof v === 'string')) csv = (values as string[]).join('');
    else {
      const rows = values.flatMap((v, i) => {
        if (!Array.isArray(v))
          throw new ValidationError(
            'params.attachCsv.fromField',
            `item ${i}: "${fromField}" is neither CSV text nor a list`,
          );
        return v.map((row) =>
          row && typeof row === 'object' && !Array.isArray(row) ? row : { value: row },
        ) as JsonObject[];
      });
      csv = buildCsv({ rows, fields });
    }
  } else csv = buildCsv({ rows: batch.map((item) => item.json), fields });
  return {
    filename: fileName.endsWith('.csv') ? fileName : `${fileName}.csv`,
    content: csv,
    contentType: 'text/csv; charset=utf-8',
  };
}

function binaryAttachments(batch: Item[]): Attachment[] {
  return batch.flatMap((item) =>
    Object.entries(item.binary ?? {}).map(([key, bin]) => ({
      filename: bin.fileName ?? key,
      content: Buffer.from(bin.data, 'base64'),
      contentType: bin.mimeType,
    })),
  );
}

export const sendEmail = defineNode({
  type: 'email.sendEmail',
  version: 1,
  displayName: 'Send Email (SMTP)',
  description:
    'Sends HTML email through SMTP, one per item or one for all items, optionally with the items as a CSV attachment.',
  kind: 'action',
  group: 'Actions',
  icon: 'mail',
  params,
  credentials: [{ name: 'smtp', type: 'email.smtp', required: true }],
  // SMTP has no idempotency key: a retry sends the email again
  idempotent: false,
  sampleOutput: [
    {
      json: {
        messageId: '<b7c1…@demo-boutique.test>',
        accepted: ['orders@makers-collective.test'],
        rejected: [],
      },
    },
  ],
  run: async (ctx) => {
    const settings = parseSmtpSettings(await ctx.credential('smtp'));
    const inputs = ctx.items.length ? ctx.items : [{ json: {} }];
    const batches: { params: Params; items: Item[]; index: number }[] =
      ctx.params.mode === 'once'
        ? [{ params: ctx.params, items: inputs, index: 0 }]
        : inputs.map((item, i) => ({ params: ctx.itemParams[i] ?? ctx.params, items: [item], index: i }));
    const transport = await createSmtpTransport(settings);
    const out: Item[] = [];
    try {
      for (const batch of batches) {
        const p = batch.params;
        if (!p.html && !p.text) throw new ValidationError('params.html', 'set an HTML or a text body');
        const csv = csvAttachment(p, batch.items);
        const attachments = [
          ...(csv ? [csv] : []),
          ...(p.attachBinary ? binaryAttachments(batch.items) : []),
        ];
        try {
          const info = (await transport.sendMail({
            from: p.from || settings.from,
            to: p.to,
            ...(p.cc ? { cc: p.cc } : {}),
            ...(p.bcc ? { bcc: p.bcc } : {}),
            ...(p.replyTo ? { replyTo: p.replyTo } : {}),
            subject: p.subject,
            ...(p.html ? { html: p.html } : {}),
            text: p.text || htmlToText(p.html),
            ...(attachments.length ? { attachments } : {}),
          })) as { messageId: string; accepted: unknown[]; rejected: unknown[] };
          out.push({
            json: {
              messageId: info.messageId,
              accepted: info.accepted.map(addressText),
              rejected: info.rejected.map(addressText),
            },
            pairedItem: batch.index,
          });
        } catch (error) {
          throw smtpError(error, batch.index);
        }
      }
    } finally {
      transport.close();
    }
    return out;
  },
});

function addressText(value: unknown): string {
  return typeof value === 'string' ? value : String((value as { address?: string }).address ?? value);
}

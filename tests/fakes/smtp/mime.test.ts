import { describe, expect, it } from 'vitest';
import { decodeQuotedPrintable, decodeWords, parseEmail, parseHeaderValue } from './mime.js';

describe('minimal MIME reader', () => {
  it('decodes encoded words, RFC 2231 parameters and quoted-printable', () => {
    expect(decodeWords('=?UTF-8?Q?caf=C3=A9_au_lait?= =?UTF-8?B?IOKckw==?=')).toBe('café au lait ✓');
    expect(
      parseHeaderValue(`attachment; filename*0*=utf-8''r%C3%A9sum; filename*1*=%C3%A9.csv`).params.filename,
    ).toBe('résumé.csv');
    expect(parseHeaderValue('text/plain; charset="utf-8"')).toEqual({
      value: 'text/plain',
      params: { charset: 'utf-8' },
    });
    expect(decodeQuotedPrintable('a=3Db=\r\nc=C3=A9').toString('utf8')).toBe('a=bcé');
  });

  it('reads a nested multipart message', () => {
    const raw = [
      'From: Shop <shop@x.test>',
      'To: a@x.test,',
      ' "B, C" <b@x.test>',
      'Subject: =?UTF-8?Q?Hello_=E2=9C=93?=',
      'Content-Type: multipart/mixed; boundary="--m"',
      '',
      'preamble',
      '----m',
      'Content-Type: multipart/alternative; boundary=alt',
      '',
      '--alt',
      'Content-Type: text/plain; charset=utf-8',
      'Content-Transfer-Encoding: quoted-printable',
      '',
      'caf=C3=A9',
      '--alt',
      'Content-Type: text/html',
      '',
      '<p>hi</p>',
      '--alt--',
      '----m',
      'Content-Type: text/csv; name=po.csv',
      'Content-Disposition: attachment; filename=po.csv',
      'Content-Transfer-Encoding: base64',
      '',
      Buffer.from('sku,qty\r\nA,1\r\n').toString('base64'),
      '----m--',
      '',
    ].join('\r\n');
    const email = parseEmail(Buffer.from(raw));
    expect(email.subject).toBe('Hello ✓');
    expect(email.to).toEqual(['a@x.test', '"B, C" <b@x.test>']);
    expect(email.text).toBe('café');
    expect(email.html).toBe('<p>hi</p>');
    expect(email.attachments).toEqual([
      { fileName: 'po.csv', contentType: 'text/csv', content: Buffer.from('sku,qty\r\nA,1\r\n') },
    ]);
  });
});

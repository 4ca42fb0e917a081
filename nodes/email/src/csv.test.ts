import { describe, expect, it } from 'vitest';
import { buildCsv, csvField } from './csv.js';
import { htmlToText } from './html-to-text.js';

describe('buildCsv', () => {
  it('quotes commas, quotes, line breaks and edge spaces; CRLF rows', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField(' padded')).toBe('" padded"');
  });

  it('neutralises spreadsheet formulas but keeps negative numbers', () => {
    expect(csvField('=1+2')).toBe("'=1+2");
    expect(csvField('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvField('-5')).toBe('-5');
    expect(csvField('-x')).toBe("'-x");
  });

  it('uses the union of keys (or the given fields, dot paths allowed) and renders objects as JSON', () => {
    const csv = buildCsv({
      rows: [
        { a: 1, b: null },
        { c: { d: 2 }, a: true },
      ],
    });
    expect(csv).toBe('a,b,c\r\n1,,\r\ntrue,,"{""d"":2}"\r\n');
    expect(buildCsv({ rows: [{ c: { d: 2 } }], fields: ['c.d'] })).toBe('c.d\r\n2\r\n');
    expect(buildCsv({ rows: [] })).toBe('\r\n');
  });
});

describe('htmlToText', () => {
  it('keeps structure, drops tags and scripts, decodes entities', () => {
    expect(
      htmlToText(
        '<style>p{}</style><h1>Hi</h1><p>A &amp; B&nbsp;&#233;</p><ul><li>one</li><li>two</li></ul>x<br>y<script>alert(1)</script>',
      ),
    ).toBe('Hi\nA & B é\n- one\n- two\n\nx\ny');
  });
});

import { describe, expect, it } from 'vitest';
import { isStillOpen, ledgerKey } from './ledger.js';
import { csvField, escapeHtml, poCsv } from './render.js';

describe('purchase order rendering', () => {
  it('quotes CSV fields and leaves numbers alone', () => {
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('-1')).toBe("'-1");
    expect(csvField(-1)).toBe('-1');
    expect(
      poCsv({
        poNumber: 'PO-1',
        supplier: 'S',
        date: '2025-01-01',
        currency: 'EUR',
        shopName: '',
        notes: '',
        lines: [],
        total: 0,
      }),
    ).toBe(
      'po_number,supplier,sku,title,quantity,unit_cost,line_total,currency\r\nPO-1,S,,TOTAL,0,,0.00,EUR\r\n',
    );
  });

  it('escapes HTML', () => {
    expect(escapeHtml(`<a href="x">Tom's & co</a>`)).toBe(
      '&lt;a href=&quot;x&quot;&gt;Tom&#39;s &amp; co&lt;/a&gt;',
    );
  });
});

describe('ledger', () => {
  it('keys by supplier (case-insensitive) and SKU, and expires after the cooldown', () => {
    expect(ledgerKey(' Orders@X.test ', 'SKU-1')).toBe('orders@x.test|SKU-1');
    const order = {
      supplier: 's',
      sku: 'a',
      quantity: 1,
      orderedAt: '2025-01-01T00:00:00.000Z',
      poNumber: 'PO',
      runKey: 'r',
    };
    expect(isStillOpen(order, new Date('2025-01-07T23:59:59Z'), 7)).toBe(true);
    expect(isStillOpen(order, new Date('2025-01-08T00:00:00Z'), 7)).toBe(false);
    expect(isStillOpen(order, new Date('2025-01-01T00:00:01Z'), 0)).toBe(false);
  });
});

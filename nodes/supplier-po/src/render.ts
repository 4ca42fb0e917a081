/** CSV (RFC 4180) and HTML (escaped) renderings of a purchase order. */

export interface PoLine {
  sku: string;
  title: string;
  quantity: number;
  unitCost: number;
  lineTotal: number;
}
export interface PurchaseOrder {
  poNumber: string;
  supplier: string;
  date: string;
  currency: string;
  shopName: string;
  notes: string;
  lines: PoLine[];
  total: number;
}

export function csvField(value: string | number): string {
  let text = String(value);
  // spreadsheet formula injection: prefix text that would run as a formula
  if (/^[=+\-@\t\r]/.test(text) && typeof value !== 'number') text = `'${text}`;
  return /[",\r\n]|^\s|\s$/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

const money = (n: number): string => n.toFixed(2);

export function poCsv(po: PurchaseOrder): string {
  const rows: (string | number)[][] = [
    ['po_number', 'supplier', 'sku', 'title', 'quantity', 'unit_cost', 'line_total', 'currency'],
  ];
  for (const l of po.lines)
    rows.push([
      po.poNumber,
      po.supplier,
      l.sku,
      l.title,
      l.quantity,
      money(l.unitCost),
      money(l.lineTotal),
      po.currency,
    ]);
  rows.push([
    po.poNumber,
    po.supplier,
    '',
    'TOTAL',
    po.lines.reduce((n, l) => n + l.quantity, 0),
    '',
    money(po.total),
    po.currency,
  ]);
  return `${rows.map((r) => r.map(csvField).join(',')).join('\r\n')}\r\n`;
}

export function escapeHtml(text: string): string {
  return text.replace(
    /[&<>"']/g,
    (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch]!,
  );
}

export function poHtml(po: PurchaseOrder): string {
  const e = escapeHtml;
  const rows = po.lines
    .map(
      (l) =>
        `<tr><td>${e(l.sku)}</td><td>${e(l.title)}</td><td style="text-align:right">${l.quantity}</td>` +
        `<td style="text-align:right">${money(l.unitCost)}</td><td style="text-align:right">${money(l.lineTotal)}</td></tr>`,
    )
    .join('\n');
  return [
    `<h2>Purchase order ${e(po.poNumber)}</h2>`,
    `<p>From: ${e(po.shopName)}<br>To: ${e(po.supplier)}<br>Date: ${e(po.date)}</p>`,
    '<table border="1" cellpadding="4" cellspacing="0">',
    `<thead><tr><th>SKU</th><th>Item</th><th>Qty</th><th>Unit cost (${e(po.currency)})</th><th>Line total</th></tr></thead>`,
    `<tbody>\n${rows}\n</tbody>`,
    `<tfoot><tr><td colspan="4"><b>Total</b></td><td style="text-align:right"><b>${money(po.total)} ${e(po.currency)}</b></td></tr></tfoot>`,
    '</table>',
    ...(po.notes ? [`<p>${e(po.notes).replace(/\n/g, '<br>')}</p>`] : []),
  ].join('\n');
}

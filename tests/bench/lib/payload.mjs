// Request bodies used by every scenario.
export const ORDER = {
  orderId: 123,
  items: [
    { sku: 'A', qty: 2, price: 9.5 },
    { sku: 'B', qty: 1, price: 20 },
  ],
};
export const ORDER_TOTAL = 39;

/** S3: one order with `count` lines; returns the body and its expected total. */
export function bigOrder(count = 10_000) {
  const items = [];
  let total = 0;
  for (let i = 0; i < count; i++) {
    const line = { sku: `SKU-${i}`, qty: (i % 5) + 1, price: (i % 7) + 0.5 };
    total += line.qty * line.price;
    items.push(line);
  }
  return { body: { orderId: 456, items }, total };
}

/** POSTs JSON; returns status, parsed body (or text) and latency in ms. */
export async function postJson(url, body) {
  const payload = typeof body === 'string' ? body : JSON.stringify(body);
  const started = performance.now();
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: payload,
  });
  const text = await res.text();
  const ms = performance.now() - started;
  let json;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: res.status, json, text, ms };
}

/** True when a webhook answer carries the expected order total (top level or under `json`). */
export function hasTotal(answer, expected) {
  if (answer.status !== 200 || !answer.json) return false;
  const body = Array.isArray(answer.json) ? answer.json[0] : answer.json;
  const total = body?.total ?? body?.json?.total;
  return typeof total === 'number' && Math.abs(total - expected) < 1e-6;
}

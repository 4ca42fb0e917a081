// Open-loop load at a fixed, modest rate (the chaos run): request i leaves at t0 + i / rate whatever
// the earlier ones are doing, each with its own body (`seq`), and every answer is kept, because the
// run must account for each execution the server accepted. wrk/autocannon send one fixed body and
// only count answers, so this runs in-process (at ≤ 50 req/s it costs the bench script little).
import { sleep } from './server-process.mjs';

/**
 * Returns [{ seq, status, executionId?, error? }] in seq order. `firstSeq` lets a caller keep seqs
 * unique across several calls. 2xx answers without an execution id count as errors.
 */
export async function pacedLoad({ url, rate, durationS, firstSeq = 1, timeoutMs = 10_000 }) {
  const count = Math.max(1, Math.round(rate * durationS));
  const started = performance.now();
  const pending = [];
  for (let i = 0; i < count; i++) {
    const due = started + (i * 1000) / rate;
    const wait = due - performance.now();
    if (wait > 0) await sleep(wait);
    pending.push(send(url, firstSeq + i, timeoutMs));
  }
  return Promise.all(pending);
}

async function send(url, seq, timeoutMs) {
  try {
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ seq, orderId: 1000 + seq }),
      signal: AbortSignal.timeout(timeoutMs),
    });
    const text = await res.text();
    let executionId;
    try {
      executionId = JSON.parse(text).executionId;
    } catch {
      // not JSON: reported below
    }
    if (res.status >= 200 && res.status < 300 && typeof executionId === 'string')
      return { seq, status: res.status, executionId };
    return { seq, status: res.status, error: text.slice(0, 200) };
  } catch (error) {
    return { seq, status: 0, error: error instanceof Error ? error.message : String(error) };
  }
}

// The chaos run's "external system": PUT /ledger/<executionId> with a JSON body. It counts raw
// deliveries per id and the distinct writes (PUT semantics: the same body twice is one write).
import http from 'node:http';

/**
 * Starts on a free loopback port. The write is recorded as soon as the request arrives and answered
 * `delayMs` later, like an API that applies a write before its answer travels back: a worker killed
 * in that window leaves a write whose answer it never saw.
 */
export function startLedger({ delayMs = 50 } = {}) {
  const deliveries = new Map(); // id → raw PUTs received
  const bodies = new Map(); // id → Set of distinct body texts
  const idsBySeq = new Map(); // request seq → Set of execution ids that wrote it
  let unexpected = 0;

  const server = http.createServer((req, res) => {
    const match = /^\/ledger\/([A-Za-z0-9_-]+)$/.exec(req.url ?? '');
    const chunks = [];
    req.on('data', (chunk) => chunks.push(chunk));
    req.on('end', () => {
      if (req.method !== 'PUT' || !match) {
        unexpected++;
        res.writeHead(404, { 'content-type': 'application/json' }).end('{"error":"not found"}');
        return;
      }
      const id = match[1];
      const text = Buffer.concat(chunks).toString('utf8');
      let seq;
      try {
        seq = JSON.parse(text).seq;
      } catch {
        // recorded as a distinct body all the same
      }
      deliveries.set(id, (deliveries.get(id) ?? 0) + 1);
      if (!bodies.has(id)) bodies.set(id, new Set());
      bodies.get(id).add(text);
      if (seq !== undefined) {
        if (!idsBySeq.has(seq)) idsBySeq.set(seq, new Set());
        idsBySeq.get(seq).add(id);
      }
      setTimeout(() => {
        res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ id, applied: true }));
      }, delayMs);
    });
  });

  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      resolve({
        url: `http://127.0.0.1:${port}`,
        has: (id) => deliveries.has(id),
        /** totals; `duplicated` = ids written with different bodies + request seqs written by >1 execution */
        summary() {
          let raw = 0;
          let conflictingIds = 0;
          for (const [id, n] of deliveries) {
            raw += n;
            if (bodies.get(id).size > 1) conflictingIds++;
          }
          let seqsWithSeveralIds = 0;
          for (const ids of idsBySeq.values()) if (ids.size > 1) seqsWithSeveralIds++;
          return {
            ids: deliveries.size,
            rawDeliveries: raw,
            redeliveries: raw - deliveries.size,
            conflictingIds,
            seqsWithSeveralIds,
            duplicated: conflictingIds + seqsWithSeveralIds,
            unexpected,
          };
        },
        ids: () => [...deliveries.keys()],
        close: () =>
          new Promise((done) => {
            server.close(() => done());
            server.closeAllConnections();
          }),
      });
    });
  });
}

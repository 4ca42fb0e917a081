// Throughput check for the built sandbox (not a test).
// Run: npm run build -w @shopwire/sdk && npm run build -w @shopwire/sandbox && node packages/sandbox/bench.mjs
import { createSandboxPool } from './dist/index.js';

const BATCHES = 2000;
const context = {
  items: [
    { name: 'Mug', qty: 2, price: 4.5 },
    { name: 'Tee', qty: 1, price: 12 },
  ],
  nodes: {},
  vars: {},
  execution: { id: 'bench', mode: 'manual' },
  workflow: { id: 'wf', name: 'Bench', active: true },
  now: new Date().toISOString(),
  timezone: 'Europe/Berlin',
};
const batch = { templates: ['Total: {{ $json.qty * $json.price }}'], context };
const code = {
  code: 'return items.map((i) => ({ total: i.json.qty * i.json.price }))',
  items: context.items.map((json) => ({ json })),
  context,
};

async function measure(label, fn, concurrency) {
  let next = 0;
  const started = performance.now();
  const worker = async () => {
    while (next++ < BATCHES) await fn();
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  const seconds = (performance.now() - started) / 1000;
  console.log(
    `${label.padEnd(44)} ${Math.round(BATCHES / seconds)
      .toString()
      .padStart(6)} /s`,
  );
}

const pool = createSandboxPool({ size: Number(process.env.SANDBOX_BENCH_CHILDREN ?? 2) });
try {
  await pool.evaluateExpressions(batch); // warm up: children started, template compiled
  await pool.runCode(code);
  for (const concurrency of [1, 16]) {
    await measure(
      `expression batches (1 template x 2 items), c=${concurrency}`,
      () => pool.evaluateExpressions(batch),
      concurrency,
    );
    await measure(`runCode (2 items), c=${concurrency}`, () => pool.runCode(code), concurrency);
  }
} finally {
  await pool.close();
}

// Load generation in a SEPARATE process (wrk if installed, else autocannon in a child node process),
// so the generator never shares an event loop with the measuring script.
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import os from 'node:os';
import path from 'node:path';

const WRK = '/usr/bin/wrk';
const here = path.dirname(fileURLToPath(import.meta.url));

/** wrk when installed; BENCH_TOOL=autocannon forces the fallback (what CI machines without wrk use). */
export function loadTool() {
  if (process.env.BENCH_TOOL === 'autocannon') return 'autocannon';
  return existsSync(WRK) ? 'wrk' : 'autocannon';
}

/**
 * Runs one load test. Returns { tool, connections, durationS, requests, rps, p50Ms, p99Ms, errors, non2xx }.
 * `errors` = socket errors + timeouts; `non2xx` = HTTP answers outside 2xx.
 */
export async function runLoad({ url, body, connections, durationS }) {
  return loadTool() === 'wrk'
    ? runWrk({ url, body, connections, durationS })
    : runAutocannon({ url, body, connections, durationS });
}

function run(file, args, timeoutMs) {
  return new Promise((resolve, reject) => {
    execFile(file, args, { timeout: timeoutMs, maxBuffer: 16 * 1024 * 1024 }, (error, stdout, stderr) => {
      if (error) reject(new Error(`${path.basename(file)} failed: ${error.message}\n${stderr}`));
      else resolve(stdout);
    });
  });
}

async function runWrk({ url, body, connections, durationS }) {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'sw-wrk-'));
  try {
    const script = path.join(dir, 'post.lua');
    // The `done` hook prints one JSON line we parse (latency in microseconds).
    writeFileSync(
      script,
      `wrk.method = "POST"
wrk.body = ${luaString(JSON.stringify(body))}
wrk.headers["Content-Type"] = "application/json"
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format('BENCHJSON {"requests":%d,"durationUs":%d,"connect":%d,"read":%d,"write":%d,"status":%d,"timeout":%d,"p50":%d,"p99":%d}\\n',
    summary.requests, summary.duration, e.connect, e.read, e.write, e.status, e.timeout,
    latency:percentile(50), latency:percentile(99)))
end
`,
    );
    const threads = Math.max(1, Math.min(2, connections));
    const out = await run(
      WRK,
      [
        '-t',
        String(threads),
        '-c',
        String(connections),
        '-d',
        `${durationS}s`,
        '--timeout',
        '10s',
        '-s',
        script,
        url,
      ],
      (durationS + 30) * 1000,
    );
    const line = out.split('\n').find((l) => l.startsWith('BENCHJSON '));
    if (!line) throw new Error(`wrk printed no summary:\n${out}`);
    const r = JSON.parse(line.slice('BENCHJSON '.length));
    return {
      tool: 'wrk',
      connections,
      durationS,
      requests: r.requests,
      ok: r.requests - r.status,
      rps: r.requests / (r.durationUs / 1e6),
      p50Ms: r.p50 / 1000,
      p99Ms: r.p99 / 1000,
      errors: r.connect + r.read + r.write + r.timeout,
      non2xx: r.status,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function luaString(text) {
  // long bracket string; pick a level that does not occur in the text
  let eq = '';
  while (text.includes(`]${eq}]`)) eq += '=';
  return `[${eq}[${text}]${eq}]`;
}

async function runAutocannon({ url, body, connections, durationS }) {
  const child = path.join(here, 'autocannon-child.mjs');
  const out = await run(
    process.execPath,
    [child, JSON.stringify({ url, body: JSON.stringify(body), connections, durationS })],
    (durationS + 30) * 1000,
  );
  const r = JSON.parse(out.trim().split('\n').pop() ?? '{}');
  return {
    tool: 'autocannon',
    connections,
    durationS,
    requests: r.requests,
    ok: r.ok,
    rps: r.rps,
    p50Ms: r.p50,
    p99Ms: r.p99,
    errors: r.errors,
    non2xx: r.non2xx,
  };
}

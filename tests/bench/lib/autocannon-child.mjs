// Runs autocannon in its own process and prints one JSON line with the summary.
import autocannon from 'autocannon';

const { url, body, connections, durationS } = JSON.parse(process.argv[2] ?? '{}');
const result = await autocannon({
  url,
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body,
  connections,
  duration: durationS,
  timeout: 10,
});
const ok = result['2xx'] ?? 0;
process.stdout.write(
  `${JSON.stringify({
    requests: result.requests.total,
    ok,
    rps: result.requests.total / (result.duration || durationS),
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: (result.errors ?? 0) + (result.timeouts ?? 0),
    non2xx: result.non2xx ?? 0,
  })}\n`,
);

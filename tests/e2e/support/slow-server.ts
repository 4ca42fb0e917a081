import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A local HTTP server that holds every answer `delayMs` and counts hits (the crash tests' "slow API"). */
export interface SlowServer {
  url: string;
  hits: () => number;
  close: () => Promise<void>;
}

export async function startSlowServer(delayMs: number): Promise<SlowServer> {
  let hits = 0;
  const server = createServer((req, res) => {
    hits++;
    const hit = hits;
    req.resume();
    setTimeout(() => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ slow: true, hit, path: req.url }));
    }, delayMs);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    hits: () => hits,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

import http from 'node:http';

/**
 * POSTs `totalBytes` of filler with a declared Content-Length, streaming it in paced chunks. A server
 * that refuses an over-limit body answers 413 and closes the connection before reading it all:
 * fetch reports that as a write error (EPIPE), so this resolves with the answer instead.
 */
export function postOversized(
  url: string,
  totalBytes: number,
  headers: Record<string, string> = {},
): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    let answered = false;
    const req = http.request(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'content-length': String(totalBytes), ...headers },
    });
    req.on('response', (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (text += chunk));
      res.on('end', () => {
        answered = true;
        resolve({ status: res.statusCode ?? 0, text });
        req.destroy();
      });
    });
    req.on('error', (error) => {
      // the answer may still be on its way when our write fails
      setTimeout(() => {
        if (!answered) reject(error);
      }, 1000);
    });
    const chunk = Buffer.alloc(64 * 1024, 0x20);
    chunk.write('{"pad":"');
    let sent = 0;
    let gotResponse = false;
    req.once('response', () => (gotResponse = true));
    // slowly, so the early answer is read before the server's close makes our writes fail
    const pump = (): void => {
      if (gotResponse || req.destroyed) return;
      if (sent >= totalBytes) {
        req.end();
        return;
      }
      const n = Math.min(chunk.length, totalBytes - sent);
      sent += n;
      req.write(chunk.subarray(0, n), () => setTimeout(pump, 2));
    };
    pump();
  });
}

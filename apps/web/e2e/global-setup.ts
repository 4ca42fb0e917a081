import fs from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * Fails early, with what to do, when something the browser tests need is missing. Missing Chromium
 * is a failure (never a skip), so CI cannot go green without running the tests.
 */
const CHROMIUM = '/usr/bin/chromium';
const repo = (p: string) => fileURLToPath(new URL(`../../../${p}`, import.meta.url));

export default function globalSetup(): void {
  const problems: string[] = [];
  if (!fs.existsSync(CHROMIUM))
    problems.push(
      `Chromium is not installed at ${CHROMIUM}: install it with \`apt-get install -y chromium\`.`,
    );
  if (!fs.existsSync(repo('apps/server/dist/main.js')))
    problems.push('The server is not built (apps/server/dist/main.js is missing): run `npm run build`.');
  if (!fs.existsSync(repo('apps/web/dist/index.html')))
    problems.push('The editor is not built (apps/web/dist/index.html is missing): run `npm run build`.');
  if (problems.length > 0) throw new Error(`Browser tests cannot run:\n- ${problems.join('\n- ')}`);
}

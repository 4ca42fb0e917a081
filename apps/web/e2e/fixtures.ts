import { test as base, expect, type APIRequestContext, type Page } from '@playwright/test';
import { fileURLToPath } from 'node:url';
import { startTestServer, type TestServer } from './server.js';

/** `server`: the built Shopwire server (one per worker); `owner`: the page logged in as the owner. */

export const OWNER = { email: 'owner@example.com', name: 'Olivia Owner', password: 'correct horse battery' };

const SCREENS = fileURLToPath(new URL('../test-results/screens/', import.meta.url));

export const test = base.extend<{ owner: typeof OWNER }, { server: TestServer }>({
  server: [
    // eslint-disable-next-line no-empty-pattern -- Playwright fixtures take their dependencies by destructuring
    async ({}, use) => {
      const server = await startTestServer();
      await use(server);
      await server.stop();
    },
    { scope: 'worker', timeout: 60_000 },
  ],
  baseURL: async ({ server }, use) => use(server.url),
  owner: async ({ page }, use) => {
    await loginAsOwner(page.request);
    // the test's own API calls (page.request) need the session's CSRF token, as the app sends it
    const csrf = (await page.context().cookies()).find((c) => c.name === 'shopwire_csrf');
    if (csrf) await page.context().setExtraHTTPHeaders({ 'x-csrf-token': csrf.value });
    await use(OWNER);
  },
});

export { expect };

/** Creates the owner on first use, else logs in; the session cookie lands in the page's context. */
export async function loginAsOwner(request: APIRequestContext): Promise<void> {
  const status = (await (await request.get('/api/v1/setup')).json()) as { needsSetup: boolean };
  const res = status.needsSetup
    ? await request.post('/api/v1/setup', { data: OWNER })
    : await request.post('/api/v1/login', { data: { email: OWNER.email, password: OWNER.password } });
  expect(res.ok(), await res.text()).toBe(true);
}

export async function screenshot(page: Page, name: string): Promise<void> {
  // let fonts, skeletons and toasts settle so the picture shows the real screen
  await page.evaluate(() => document.fonts.ready);
  await page.screenshot({ path: `${SCREENS}${name}.png`, fullPage: false });
}

export async function workflowCount(request: APIRequestContext): Promise<number> {
  const res = await request.get('/api/v1/workflows');
  expect(res.ok()).toBe(true);
  return ((await res.json()) as { items: unknown[] }).items.length;
}

/** A valid workflow document with a manual trigger (no webhook, nothing to activate). */
export function manualWorkflow(name: string, opts: { fail?: boolean } = {}) {
  return {
    name,
    nodes: [
      { id: 'start', name: 'Start', type: 'core.manualTrigger', params: {}, position: [0, 0] },
      opts.fail
        ? {
            id: 'stop',
            name: 'Stop',
            type: 'core.stopAndError',
            params: { message: 'Out of stock' },
            position: [240, 0],
          }
        : { id: 'noop', name: 'Nothing', type: 'core.noOp', params: {}, position: [240, 0] },
    ],
    connections: [{ from: { node: 'start' }, to: { node: opts.fail ? 'stop' : 'noop' } }],
  };
}

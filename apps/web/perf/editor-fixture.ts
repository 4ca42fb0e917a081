import { test as shellTest, expect, screenshot as shellScreenshot, loginAsOwner } from '../e2e/fixtures.js';
import { test as base, type Page } from '@playwright/test';
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * Fixture for the editor e2e specs. Default: the shell's fixture (built server serving apps/web/dist).
 * EDITOR_E2E_HARNESS=1: the stand-alone harness (perf/serve.mjs: real server + perf/dist), usable
 * before the server serves the built app.
 */
const SCREENS = fileURLToPath(new URL('../test-results/screens/', import.meta.url));

interface Harness {
  url: string;
  stop(): Promise<void>;
}

const harnessTest = base.extend<{ owner: void }, { server: Harness }>({
  server: [
    // eslint-disable-next-line no-empty-pattern
    async ({}, use) => {
      const { startHarness } = (await import('./serve.mjs')) as { startHarness(): Promise<Harness> };
      const h = await startHarness();
      await use(h);
      await h.stop();
    },
    { scope: 'worker', timeout: 60_000 },
  ],
  baseURL: async ({ server }, use) => use(server.url),
  owner: async ({ page }, use) => {
    await loginAsOwner(page.request);
    await use();
  },
});

export const test = (process.env['EDITOR_E2E_HARNESS'] ? harnessTest : shellTest) as unknown as typeof harnessTest;
export { expect };

export async function screenshot(page: Page, name: string): Promise<void> {
  if (!process.env['EDITOR_E2E_HARNESS']) return shellScreenshot(page, name);
  fs.mkdirSync(SCREENS, { recursive: true });
  await page.waitForTimeout(150);
  await page.screenshot({ path: `${SCREENS}${name}.png` });
}

/** Adds a node through the palette (open it first with the given opener). */
export async function pick(page: Page, displayName: string): Promise<void> {
  const palette = page.getByRole('dialog', { name: 'Add a node' });
  await palette.getByRole('searchbox', { name: 'Search nodes' }).fill(displayName);
  await palette.getByRole('button', { name: displayName, exact: true }).click();
}

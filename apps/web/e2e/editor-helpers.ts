import { expect, type Page } from '@playwright/test';
import { test as shellTest } from './fixtures.js';
import { startTestServer, type TestServer } from './server.js';

/**
 * The editor specs' fixture: the shell's (built server serving the built editor, `owner` logged
 * in), but on a server of their own (`editorServer`, one per worker), so the executions their runs
 * create never show up in the shell specs' lists.
 */
export const test = shellTest.extend<object, { editorServer: TestServer }>({
  editorServer: [
    // eslint-disable-next-line no-empty-pattern -- Playwright fixtures take their dependencies by destructuring
    async ({}, use) => {
      const server = await startTestServer();
      await use(server);
      await server.stop();
    },
    { scope: 'worker', timeout: 60_000 },
  ],
  baseURL: async ({ editorServer }, use) => use(editorServer.url),
});
export { expect };

/** Picks a node in the open palette by its display name. */
export async function pick(page: Page, displayName: string): Promise<void> {
  const palette = page.getByRole('dialog', { name: /Add a node|Add the next node|Choose a trigger/ });
  await palette.getByRole('searchbox', { name: 'Search nodes' }).fill(displayName);
  await palette.getByRole('button', { name: displayName, exact: true }).click();
}

/** Saves with Ctrl/Cmd+S and waits until the toolbar says so. */
export async function save(page: Page): Promise<void> {
  await page.keyboard.press('ControlOrMeta+s');
  await expect(page.getByRole('status', { name: 'All changes saved' })).toBeVisible();
}

/** Types into a CodeMirror field (select all first), as a person would. */
export async function typeInto(
  page: Page,
  field: ReturnType<Page['getByLabel']>,
  text: string,
): Promise<void> {
  await field.click();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.type(text);
}

import { test as base, expect } from '@playwright/test';
import { OWNER, screenshot } from './fixtures.js';
import { startTestServer, type TestServer } from './server.js';

// A server of its own: the first-run screen shows only while no user exists.
const test = base.extend<{ fresh: TestServer }>({
  // eslint-disable-next-line no-empty-pattern -- Playwright fixtures take their dependencies by destructuring
  fresh: async ({}, use) => {
    const server = await startTestServer();
    await use(server);
    await server.stop();
  },
});

test('first run: set up the owner, log out, log in', async ({ page, fresh }) => {
  await page.goto(`${fresh.url}/`);
  await expect(page.getByRole('heading', { name: 'Set up Shopwire' })).toBeVisible();
  await screenshot(page, 'setup');

  // a too-short password is refused with a message on the field
  await page.getByLabel('Your name').fill(OWNER.name);
  await page.getByLabel('Email').fill(OWNER.email);
  await page.getByLabel('Password').fill('short');
  await page.getByRole('button', { name: 'Create owner account' }).click();
  await expect(page.getByRole('alert')).toContainText('8 characters');

  await page.getByLabel('Password').fill(OWNER.password);
  await page.getByRole('button', { name: 'Create owner account' }).click();
  await expect(page.getByRole('heading', { name: 'Workflows', level: 1 })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Create your first automation' })).toBeVisible();
  await screenshot(page, 'workflows-empty');

  await page.getByRole('button', { name: `User menu for ${OWNER.name}` }).click();
  await page.getByRole('menuitem', { name: 'Log out' }).click();
  await expect(page.getByRole('heading', { name: 'Log in' })).toBeVisible();
  await expect(page.getByText('You are logged out.')).toBeVisible();
  // the session is really gone
  expect((await page.request.get(`${fresh.url}/api/v1/me`)).status()).toBe(401);

  await page.getByLabel('Email').fill(OWNER.email);
  await page.getByLabel('Password').fill('wrong password');
  await page.getByRole('button', { name: 'Log in' }).click();
  await expect(page.getByRole('alert')).toContainText(/wrong email or password/i);
  await screenshot(page, 'login');

  await page.getByLabel('Password').fill(OWNER.password);
  await page.getByRole('button', { name: 'Log in' }).click();
  await expect(page.getByRole('heading', { name: 'Workflows', level: 1 })).toBeVisible();

  // a reload keeps the session, and a deep link opens the right page
  await page.goto(`${fresh.url}/variables`);
  await expect(page.getByRole('heading', { name: 'Variables', level: 1 })).toBeVisible();
});

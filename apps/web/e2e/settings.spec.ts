import crypto from 'node:crypto';
import type { Page } from '@playwright/test';
import { expect, manualWorkflow, OWNER, screenshot, test as shellTest } from './fixtures.js';
import { startTestServer, type TestServer } from './server.js';

/**
 * Settings: audit log, API keys, users, projects, the own account. On a server of its own (like the
 * editor specs), so changing the owner's password and the audit entries touch no other spec.
 */
const test = shellTest.extend<object, { settingsServer: TestServer }>({
  settingsServer: [
    // eslint-disable-next-line no-empty-pattern -- Playwright fixtures take their dependencies by destructuring
    async ({}, use) => {
      const server = await startTestServer();
      await use(server);
      await server.stop();
    },
    { scope: 'worker', timeout: 60_000 },
  ],
  baseURL: async ({ settingsServer }, use) => use(settingsServer.url),
});

async function logOut(page: Page, name: string): Promise<void> {
  await page.getByRole('button', { name: `User menu for ${name}` }).click();
  await page.getByRole('menuitem', { name: 'Log out' }).click();
  await expect(page.getByRole('heading', { name: 'Log in' })).toBeVisible();
}

async function logIn(page: Page, email: string, password: string): Promise<void> {
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Log in' }).click();
}

/**
 * After a login in the page: the owner fixture put the first session's CSRF token in the context's
 * extra headers, which override the app's own header on every request; give it the new one.
 */
async function syncCsrf(page: Page): Promise<void> {
  const csrf = (await page.context().cookies()).find((c) => c.name === 'shopwire_csrf');
  if (csrf) await page.context().setExtraHTTPHeaders({ 'x-csrf-token': csrf.value });
}

/** RFC 6238 code of a base32 secret (what an authenticator app shows). */
function totpCode(secret: string, timeMs = Date.now()): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  let bits = '';
  for (const ch of secret.replace(/=+$/, '').toUpperCase())
    bits += alphabet.indexOf(ch).toString(2).padStart(5, '0');
  const key = Buffer.from((bits.match(/.{8}/g) ?? []).map((b) => parseInt(b, 2)));
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(Math.floor(timeMs / 30_000)));
  const mac = crypto.createHmac('sha1', key).update(counter).digest();
  const offset = (mac[mac.length - 1] ?? 0) & 0xf;
  return String((mac.readUInt32BE(offset) & 0x7fffffff) % 1_000_000).padStart(6, '0');
}

test('audit log shows the login and a workflow creation; API key shown once, listed, revoked', async ({
  page,
  request,
  owner: _owner,
}) => {
  const created = await page.request.post('/api/v1/workflows', { data: manualWorkflow('Restock alert') });
  expect(created.ok(), await created.text()).toBe(true);
  // enough entries for a second page of the audit log (50 per page)
  for (let i = 0; i < 55; i++) {
    const res = await page.request.put(`/api/v1/variables/AUDIT_FILLER_${i}`, { data: { value: String(i) } });
    expect(res.ok(), await res.text()).toBe(true);
  }

  // a login of this test, through the login form
  await page.goto('/workflows');
  await logOut(page, OWNER.name);
  await logIn(page, OWNER.email, OWNER.password);
  await expect(page.getByRole('heading', { name: 'Workflows', level: 1 })).toBeVisible();
  await syncCsrf(page);

  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' }).click();
  await expect(page).toHaveURL(/\/settings$/);
  const tabs = page.getByRole('tablist', { name: 'Settings' });
  await expect(tabs.getByRole('tab', { name: 'Audit log' })).toHaveAttribute('aria-selected', 'true');
  const log = page.getByRole('table', { name: 'Audit log' });
  const rows = log.locator('tbody tr');
  await expect(rows.first()).toContainText('auth.login');
  await expect(rows.first()).toContainText(OWNER.email);
  await expect(rows.first()).toContainText('127.0.0.1');
  await expect(rows).toHaveCount(50);
  await screenshot(page, 'settings-audit');

  // cursor pagination reaches the workflow's creation (older than the 55 variable changes)
  await page.getByRole('button', { name: 'Load more' }).click();
  await expect(rows.filter({ hasText: 'workflow.create' })).toContainText('Restock alert');
  await expect(page.getByRole('button', { name: 'Load more' })).toBeHidden();

  // filters: action, actor, date range
  await page.getByLabel('Action', { exact: true }).selectOption('workflow.create');
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText('workflow Restock alert');
  await page.getByLabel('Action', { exact: true }).selectOption('auth.login');
  await page.getByLabel('Actor', { exact: true }).fill('nobody@example.com');
  await expect(page.getByRole('heading', { name: 'No entries match these filters' })).toBeVisible();
  await page.getByLabel('Actor', { exact: true }).fill(OWNER.email);
  await expect(rows).toHaveCount(1);
  const yesterday = new Date(Date.now() - 86_400_000).toLocaleDateString('en-CA');
  await page.getByLabel('To', { exact: true }).fill(yesterday);
  await expect(page.getByRole('heading', { name: 'No entries match these filters' })).toBeVisible();
  await page.getByRole('button', { name: 'Clear filters' }).click();
  await expect(rows).toHaveCount(50);

  // API keys: keyboard moves between tabs
  await tabs.getByRole('tab', { name: 'Audit log' }).focus();
  await page.keyboard.press('End');
  await expect(tabs.getByRole('tab', { name: 'Account' })).toBeFocused();
  await page.keyboard.press('ArrowLeft');
  await expect(tabs.getByRole('tab', { name: 'API keys' })).toHaveAttribute('aria-selected', 'true');
  await expect(page).toHaveURL(/\/settings\/api-keys$/);
  await expect(page.getByRole('heading', { name: 'No API keys yet' })).toBeVisible();
  await page.getByRole('button', { name: 'Create API key' }).click();
  const dialog = page.getByRole('dialog', { name: 'Create an API key' });
  await dialog.getByRole('button', { name: 'Create key' }).click();
  await expect(dialog.getByRole('alert')).toContainText('Name the key');
  await dialog.getByLabel('Name').fill('Stock sync script');
  await dialog.getByLabel('Scope').selectOption('execute');
  await dialog.getByRole('button', { name: 'Create key' }).click();

  const shown = page.getByRole('dialog', { name: 'Copy your new API key' });
  await expect(shown.getByRole('alert')).toContainText('only time the key is shown');
  const key = await shown.getByRole('textbox', { name: 'API key' }).inputValue();
  expect(key).toMatch(/^sw_[\w-]{20,}$/);
  await screenshot(page, 'settings-api-key-created');
  const auth = { authorization: `Bearer ${key}` };
  expect((await request.get('/api/v1/workflows', { headers: auth })).status()).toBe(200);
  await shown.getByRole('button', { name: 'Done' }).click();
  await expect(shown).toBeHidden();

  const keys = page.getByRole('table', { name: 'API keys' });
  const row = keys.locator('tbody tr').filter({ hasText: 'Stock sync script' });
  await expect(row).toContainText('execute');
  await expect(row).toContainText(key.slice(0, 9));
  await expect(row).toContainText('Never');
  expect(await page.content()).not.toContain(key);

  // after a reload the key itself is gone for good; the list still names it by prefix and scope
  await page.reload();
  await expect(row).toContainText(key.slice(0, 9));
  await expect(row).toContainText('execute');
  await expect(row).not.toContainText('Never'); // the request above used it
  expect(await page.content()).not.toContain(key);
  await screenshot(page, 'settings-api-keys');

  await row.getByRole('button', { name: 'Revoke Stock sync script' }).click();
  const confirm = page.getByRole('alertdialog', { name: 'Revoke Stock sync script?' });
  await confirm.getByRole('button', { name: 'Cancel' }).click();
  await expect(row.getByRole('button', { name: 'Revoke Stock sync script' })).toBeVisible();
  await row.getByRole('button', { name: 'Revoke Stock sync script' }).click();
  await confirm.getByRole('button', { name: 'Revoke key' }).click();
  await expect(row).toContainText('Revoked');
  expect((await request.get('/api/v1/workflows', { headers: auth })).status()).toBe(401);
});

test('invite a viewer, who cannot read the audit log; projects and members; change role, delete', async ({
  page,
  browser,
  settingsServer,
  owner: _owner,
}) => {
  const email = `vera-${Date.now()}@example.com`;
  await page.goto('/settings/users');
  const users = page.getByRole('table', { name: 'Users' });
  await expect(users.locator('tbody tr').filter({ hasText: OWNER.email })).toContainText('(you)');
  await page.getByRole('button', { name: 'Invite user' }).click();
  const invite = page.getByRole('dialog', { name: 'Invite a user' });
  await invite.getByLabel('Email').fill(email);
  await invite.getByLabel('Name').fill('Vera Viewer');
  await invite.getByLabel('Role').selectOption('viewer');
  await invite.getByLabel('Project').selectOption('default');
  await invite.getByLabel('Initial password').fill('short');
  await invite.getByRole('button', { name: 'Invite user' }).click();
  await expect(invite.getByRole('alert')).toContainText('8 characters');
  await invite.getByLabel('Initial password').fill('viewer password 1');
  await invite.getByRole('button', { name: 'Invite user' }).click();
  await expect(invite).toBeHidden();
  const vera = users.locator('tbody tr').filter({ hasText: email });
  await expect(vera.getByLabel(`Role of ${email}`)).toHaveValue('viewer');
  await expect(vera).toContainText('Default');
  await screenshot(page, 'settings-users');

  // the viewer signs in with the initial password; the audit log tells them who may read it
  const context = await browser.newContext({ baseURL: settingsServer.url });
  const viewer = await context.newPage();
  await viewer.goto('/settings/audit');
  await logIn(viewer, email, 'viewer password 1');
  await expect(
    viewer.getByRole('heading', { name: 'Only owners and admins can read the audit log' }),
  ).toBeVisible();
  await screenshot(viewer, 'settings-audit-forbidden');
  await viewer.getByRole('tab', { name: 'Projects' }).click();
  await expect(viewer.getByRole('table', { name: 'Projects' })).toContainText('Viewer');
  await expect(viewer.getByRole('button', { name: 'New project' })).toHaveCount(0);
  await context.close();

  // projects: create one, add Vera, change her project role, remove her
  await page.getByRole('tab', { name: 'Projects' }).click();
  await page.getByRole('button', { name: 'New project' }).click();
  const newProject = page.getByRole('dialog', { name: 'New project' });
  await newProject.getByLabel('Name').fill('Market stall');
  await newProject.getByRole('button', { name: 'Create project' }).click();
  const projects = page.getByRole('table', { name: 'Projects' });
  await projects.getByRole('button', { name: 'Members of Market stall' }).click();
  const members = page.getByRole('dialog', { name: 'Members of Market stall' });
  await expect(members).toContainText('No members yet.');
  await members.getByLabel('User', { exact: true }).selectOption({ label: `Vera Viewer (${email})` });
  await members.getByLabel('Project role').selectOption('viewer');
  await members.getByRole('button', { name: 'Add member' }).click();
  const list = members.getByRole('list', { name: 'Members of Market stall' });
  await expect(list).toContainText(email);
  await members.getByLabel(`Role of ${email} in Market stall`).selectOption('editor');
  await expect(
    page.getByRole('status').filter({ hasText: `${email} is now editor in Market stall.` }),
  ).toBeVisible();
  await screenshot(page, 'settings-project-members');
  await members.getByRole('button', { name: `Remove ${email}` }).click();
  await page.getByRole('alertdialog').getByRole('button', { name: 'Remove member' }).click();
  await expect(members).toContainText('No members yet.');
  await members.getByRole('button', { name: 'Close' }).click();
  const memberships = await page.request.get(`/api/v1/users`);
  const veraRecord = (
    (await memberships.json()) as { items: { email: string; projects: unknown[] }[] }
  ).items.find((u) => u.email === email);
  expect(veraRecord?.projects).toEqual([{ projectId: 'default', role: 'viewer' }]);

  // change her instance role, then delete her (after a confirmation)
  await page.getByRole('tab', { name: 'Users' }).click();
  await vera.getByLabel(`Role of ${email}`).selectOption('editor');
  await expect(page.getByRole('status').filter({ hasText: 'Vera Viewer is now editor.' })).toBeVisible();
  await vera.getByRole('button', { name: `Delete ${email}` }).click();
  const confirm = page.getByRole('alertdialog', { name: 'Delete Vera Viewer?' });
  await confirm.getByRole('button', { name: 'Delete user' }).click();
  await expect(vera).toHaveCount(0);

  await page.getByRole('tab', { name: 'Audit log' }).click();
  await page.getByLabel('Action', { exact: true }).selectOption('user.role_change');
  await expect(page.getByRole('table', { name: 'Audit log' }).locator('tbody tr')).toHaveCount(1);
});

test('change the own password, then log in with it; turn TOTP on and off', async ({
  page,
  owner: _owner,
}) => {
  const newPassword = 'a brand new passphrase';
  await page.goto('/settings/account');
  await expect(page.getByRole('heading', { name: 'Profile' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Profile' })).toContainText(OWNER.email);

  await page.getByLabel('Current password').fill('not my password');
  await page.getByLabel('New password', { exact: true }).fill(newPassword);
  await page.getByLabel('Repeat the new password').fill(newPassword);
  await page.getByRole('button', { name: 'Change password' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'The current password is wrong.' })).toBeVisible();
  await page.getByLabel('Current password').fill(OWNER.password);
  await page.getByRole('button', { name: 'Change password' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Password changed' })).toBeVisible();
  await expect(page.getByLabel('Current password')).toHaveValue('');

  await logOut(page, OWNER.name);
  await logIn(page, OWNER.email, OWNER.password);
  await expect(page.getByRole('alert')).toContainText(/wrong email or password/i);
  await logIn(page, OWNER.email, newPassword);
  await expect(page.getByRole('tablist', { name: 'Settings' })).toBeVisible();
  await syncCsrf(page);

  // TOTP: the secret and otpauth URL, a wrong code is refused, the right one turns it on
  await page.getByRole('button', { name: 'Set up two-factor authentication' }).click();
  const secret = await page.getByRole('textbox', { name: 'Secret' }).inputValue();
  await expect(page.getByRole('textbox', { name: 'otpauth URL' })).toHaveValue(/^otpauth:\/\/totp\//);
  await page.getByLabel('Code from the app').fill('000000');
  await page.getByRole('button', { name: 'Confirm and turn on' }).click();
  const code = totpCode(secret);
  if (code === '000000') throw new Error('unlucky clock: the wrong code is right; run again');
  await expect(page.getByRole('alert').filter({ hasText: 'wrong or expired' })).toBeVisible();
  await screenshot(page, 'settings-account-totp');
  await page.getByLabel('Code from the app').fill(code);
  await page.getByRole('button', { name: 'Confirm and turn on' }).click();
  const totp = page.getByRole('region', { name: /Two-factor authentication/ });
  await expect(totp.getByText('On', { exact: true })).toBeVisible();
  expect(
    ((await (await page.request.get('/api/v1/me')).json()) as { user: { totpEnabled: boolean } }).user
      .totpEnabled,
  ).toBe(true);

  // with two-factor on, the login form asks for the code after the password
  await logOut(page, OWNER.name);
  await logIn(page, OWNER.email, newPassword);
  const codeField = page.getByLabel('Authenticator code');
  await expect(codeField).toBeVisible();
  await codeField.fill('000000' === totpCode(secret) ? '111111' : '000000');
  await page.getByRole('button', { name: 'Log in' }).click();
  await expect(page.getByText(/wrong or already used authenticator code/i)).toBeVisible();
  // the confirm step used this time step's code: the next step's code is accepted (±1 step)
  await codeField.fill(totpCode(secret, Date.now() + 30_000));
  await page.getByRole('button', { name: 'Log in' }).click();
  await expect(page.getByRole('tablist', { name: 'Settings' })).toBeVisible();
  await syncCsrf(page);

  await totp.getByLabel('Password').fill(newPassword);
  await page.getByRole('button', { name: 'Turn off two-factor authentication' }).click();
  await expect(totp.getByText('Off', { exact: true })).toBeVisible();
  await page.evaluate(() => document.getElementById('main')?.scrollTo(0, 0));
  await screenshot(page, 'settings-account');

  // put the fixture's password back for whatever runs after this in the worker
  await page.getByLabel('Current password').fill(newPassword);
  await page.getByLabel('New password', { exact: true }).fill(OWNER.password);
  await page.getByLabel('Repeat the new password').fill(OWNER.password);
  await page.getByRole('button', { name: 'Change password' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Password changed' }).first()).toBeVisible();
});

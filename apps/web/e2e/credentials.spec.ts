import { expect, screenshot, test } from './fixtures.js';

test('credentials: a saved secret never reaches the DOM or any API response', async ({
  page,
  owner: _owner,
}) => {
  const secret = `sk_live_${Date.now().toString(36)}_Zq9XwV`;
  const bodies: Promise<string>[] = [];
  page.on('response', (res) => {
    if (res.url().includes('/api/')) bodies.push(res.text().catch(() => ''));
  });

  await page.goto('/credentials');
  await expect(page.getByRole('heading', { name: 'No credentials yet' })).toBeVisible();
  await page.getByRole('button', { name: 'Add credential' }).first().click();
  const dialog = page.getByRole('dialog', { name: 'Add a credential' });
  await dialog.getByLabel('Credential type').selectOption({ label: 'Header auth' });
  await dialog.getByLabel('Name', { exact: true }).fill('Shop API key');
  await dialog.getByLabel('Header name').fill('X-Shop-Key');
  const secretInput = dialog.getByLabel('Header value');
  await expect(secretInput).toHaveAttribute('type', 'password');
  await secretInput.fill(secret);
  await dialog.getByRole('button', { name: 'Save credential' }).click();
  await expect(dialog).toBeHidden();

  const row = page.getByRole('row').filter({ hasText: 'Shop API key' });
  await expect(row).toContainText('Header auth');
  await expect(row).toContainText('Secret set: value');
  expect(await page.content()).not.toContain(secret);

  // edit: the secret input is empty with a placeholder; saving it empty keeps the stored value
  await page.getByRole('button', { name: 'Actions for Shop API key' }).click();
  await page.getByRole('menuitem', { name: 'Edit' }).click();
  const edit = page.getByRole('dialog', { name: 'Edit “Shop API key”' });
  await expect(edit.getByLabel('Header name')).toHaveValue('X-Shop-Key');
  await expect(edit.getByLabel('Header value')).toHaveValue('');
  await expect(edit.getByLabel('Header value')).toHaveAttribute('placeholder', '•••••• (unchanged)');
  expect(await page.content()).not.toContain(secret);
  await edit.getByLabel('Name', { exact: true }).fill('Shop API key (main)');
  await edit.getByRole('button', { name: 'Save changes' }).click();
  await expect(edit).toBeHidden();
  await expect(page.getByRole('row').filter({ hasText: 'Shop API key (main)' })).toContainText(
    'Secret set: value',
  );

  // header auth has no connection test: no Test button, and the row says so
  const mainRow = page.getByRole('row').filter({ hasText: 'Shop API key (main)' });
  await expect(mainRow).toContainText('No connection test for this type');
  await expect(page.getByRole('button', { name: 'Test Shop API key (main)' })).toHaveCount(0);
  await screenshot(page, 'credentials');

  // the test endpoint itself (called from the page, so its response is captured too) answers ok/message
  const creds = (await (await page.request.get('/api/v1/credentials')).json()) as { items: { id: string }[] };
  const id = creds.items[0]?.id ?? '';
  const tested = await page.evaluate(async (credId) => {
    const res = await fetch(`/api/v1/credentials/${credId}/test`, { method: 'POST' });
    return (await res.json()) as { ok: boolean; message: string };
  }, id);
  expect(tested).toEqual({
    ok: false,
    message: expect.stringContaining('no connection test') as unknown as string,
  });

  const all = await Promise.all(bodies);
  expect(all.length).toBeGreaterThan(3);
  for (const body of all) expect(body).not.toContain(secret);
  expect(await page.content()).not.toContain(secret);

  // the stored secret was kept (it still authenticates: the server reports it as set)
  const list = (await (await page.request.get('/api/v1/credentials')).json()) as {
    items: { name: string; secretFieldsSet: string[] }[];
  };
  expect(list.items.find((c) => c.name === 'Shop API key (main)')?.secretFieldsSet).toEqual(['value']);

  // delete with confirmation
  await page.getByRole('button', { name: 'Actions for Shop API key (main)' }).click();
  await page.getByRole('menuitem', { name: 'Delete' }).click();
  await page.getByRole('alertdialog').getByRole('button', { name: 'Delete credential' }).click();
  await expect(page.getByRole('heading', { name: 'No credentials yet' })).toBeVisible();
});

test('credentials: a missing required field is named in the form', async ({ page, owner: _owner }) => {
  await page.goto('/credentials');
  await page.getByRole('button', { name: 'Add credential' }).first().click();
  const dialog = page.getByRole('dialog', { name: 'Add a credential' });
  await dialog.getByLabel('Credential type').selectOption({ label: 'Header auth' });
  await dialog.getByLabel('Header name').fill('X-Key');
  await dialog.getByRole('button', { name: 'Save credential' }).click();
  await expect(dialog.getByRole('alert')).toContainText('data.value');
  await expect(dialog).toBeVisible();
  const list = (await (await page.request.get('/api/v1/credentials')).json()) as { items: unknown[] };
  expect(list.items).toHaveLength(0);
});

import { expect, manualWorkflow, screenshot, test } from './fixtures.js';
import type { APIRequestContext } from '@playwright/test';

async function createAndRun(
  request: APIRequestContext,
  name: string,
  runs: number,
  fail = false,
): Promise<string> {
  const res = await request.post('/api/v1/workflows', { data: manualWorkflow(name, { fail }) });
  expect(res.ok(), await res.text()).toBe(true);
  const { id } = (await res.json()) as { id: string };
  for (let i = 0; i < runs; i++) {
    const run = await request.post(`/api/v1/workflows/${id}/run`, { data: { wait: true } });
    expect(run.ok(), await run.text()).toBe(true);
  }
  return id;
}

test('executions: filters, pagination, retry, open on the canvas', async ({ page, owner: _owner }) => {
  await createAndRun(page.request, 'Nightly export', 52);
  const failingId = await createAndRun(page.request, 'Stock check', 2, true);

  await page.goto('/executions');
  const table = page.getByRole('table', { name: 'Executions' });
  await expect(table.locator('tbody tr')).toHaveCount(50);
  await page.getByRole('button', { name: 'Load more' }).click();
  await expect(table.locator('tbody tr')).toHaveCount(54);
  await expect(page.getByRole('button', { name: 'Load more' })).toBeHidden();

  await page.getByLabel('Status', { exact: true }).selectOption('error');
  await expect(table.locator('tbody tr')).toHaveCount(2);
  await expect(table.locator('tbody tr').first()).toContainText('Failed');
  await expect(table.locator('tbody tr').first()).toContainText('Out of stock');
  await expect(page).toHaveURL(/status=error/);

  await page.getByLabel('Status', { exact: true }).selectOption('');
  await page.getByLabel('Workflow', { exact: true }).selectOption({ label: 'Stock check' });
  await expect(table.locator('tbody tr')).toHaveCount(2);
  await expect(page).toHaveURL(new RegExp(`workflowId=${failingId}`));

  // date range: nothing ran yesterday or before
  const yesterday = new Date(Date.now() - 86_400_000).toLocaleDateString('en-CA');
  await page.getByLabel('To', { exact: true }).fill(yesterday);
  await expect(page.getByRole('heading', { name: 'No executions match these filters' })).toBeVisible();
  await page.getByRole('button', { name: 'Clear filters' }).click();
  await expect(table.locator('tbody tr')).toHaveCount(50);
  const today = new Date().toLocaleDateString('en-CA');
  await page.getByLabel('From', { exact: true }).fill(today);
  await expect(table.locator('tbody tr')).toHaveCount(50);
  await page.getByRole('button', { name: 'Clear filters' }).click();
  await screenshot(page, 'executions');

  // retry a failed one: a new execution appears at the top
  await page.getByLabel('Status', { exact: true }).selectOption('error');
  await expect(table.locator('tbody tr')).toHaveCount(2);
  await table
    .getByRole('button', { name: /^Retry execution/ })
    .first()
    .click();
  await expect(page.getByRole('status').filter({ hasText: 'Retry started.' })).toBeVisible();
  await expect(table.locator('tbody tr')).toHaveCount(3);

  // a click opens the execution on the canvas (the editor's route)
  const firstLink = table.getByRole('link').first();
  const href = await firstLink.getAttribute('href');
  await firstLink.click();
  await expect(page).toHaveURL(new RegExp(`${href}$`));
});

test('variables: add, edit, search, delete', async ({ page, owner: _owner }) => {
  await page.goto('/variables');
  await expect(page.getByRole('heading', { name: 'No variables yet' })).toBeVisible();

  await page.getByRole('button', { name: 'Add variable' }).first().click();
  let dialog = page.getByRole('dialog', { name: 'Add a variable' });
  await dialog.getByLabel('Key').fill('bad key!');
  await dialog.getByRole('button', { name: 'Add variable' }).click();
  await expect(dialog.getByRole('alert')).toContainText('letters, digits or _');
  await dialog.getByLabel('Key').fill('SHOP_DOMAIN');
  await dialog.getByLabel('Value').fill('example.myshopify.com');
  await dialog.getByRole('button', { name: 'Add variable' }).click();
  await expect(dialog).toBeHidden();

  await page.getByRole('button', { name: 'Add variable' }).first().click();
  dialog = page.getByRole('dialog', { name: 'Add a variable' });
  await dialog.getByLabel('Key').fill('LOW_STOCK');
  await dialog.getByLabel('Value').fill('5');
  await dialog.getByRole('button', { name: 'Add variable' }).click();
  await expect(dialog).toBeHidden();

  const table = page.getByRole('table', { name: 'Variables' });
  await expect(table.getByRole('row').filter({ hasText: 'SHOP_DOMAIN' })).toContainText(
    'example.myshopify.com',
  );

  await page.getByRole('button', { name: 'Edit LOW_STOCK' }).click();
  const edit = page.getByRole('dialog', { name: 'Edit LOW_STOCK' });
  await expect(edit.getByLabel('Key')).toHaveAttribute('readonly', '');
  await edit.getByLabel('Value').fill('3');
  await edit.getByRole('button', { name: 'Save' }).click();
  await expect(table.getByRole('row').filter({ hasText: 'LOW_STOCK' })).toContainText('3');
  const api = (await (await page.request.get('/api/v1/variables')).json()) as {
    items: { key: string; value: string }[];
  };
  expect(api.items.find((v) => v.key === 'LOW_STOCK')?.value).toBe('3');
  await screenshot(page, 'variables');

  await page.keyboard.press('/');
  await expect(page.getByRole('searchbox', { name: 'Search variables' })).toBeFocused();
  await page.keyboard.type('shop');
  await expect(table.getByRole('row').filter({ hasText: 'LOW_STOCK' })).toBeHidden();
  await page.getByRole('searchbox', { name: 'Search variables' }).fill('');

  await page.getByRole('button', { name: 'Delete SHOP_DOMAIN' }).click();
  await page.getByRole('alertdialog').getByRole('button', { name: 'Delete variable' }).click();
  await expect(table.getByRole('row').filter({ hasText: 'SHOP_DOMAIN' })).toBeHidden();
  expect(
    ((await (await page.request.get('/api/v1/variables')).json()) as { items: unknown[] }).items,
  ).toHaveLength(1);
});

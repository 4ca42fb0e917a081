import fs from 'node:fs';
import { expect, manualWorkflow, screenshot, test, workflowCount } from './fixtures.js';

test.describe('workflows list', () => {
  test('create, rename, duplicate, delete with confirmation', async ({ page, owner: _owner }) => {
    await page.goto('/workflows');
    await page.getByRole('button', { name: 'Create workflow' }).first().click();
    const dialog = page.getByRole('dialog', { name: 'Create a workflow' });
    await dialog.getByLabel('Workflow name').fill('Order sync');
    await dialog.getByRole('button', { name: 'Create and open' }).click();
    await expect(page).toHaveURL(/\/workflows\/[^/]+$/);

    await page.goto('/workflows');
    const table = page.getByRole('table', { name: 'Workflows' });
    await expect(table.getByRole('link', { name: 'Order sync' })).toBeVisible();

    // inline rename: Enter saves
    await page.getByRole('button', { name: 'Actions for Order sync' }).click();
    await page.getByRole('menuitem', { name: 'Rename' }).click();
    const input = page.getByLabel('New name for Order sync');
    await input.fill('Order sync to sheet');
    await input.press('Enter');
    await expect(table.getByRole('link', { name: 'Order sync to sheet' })).toBeVisible();
    const ids = await page.request.get('/api/v1/workflows?search=Order%20sync%20to%20sheet');
    expect(((await ids.json()) as { items: { name: string }[] }).items.map((w) => w.name)).toEqual([
      'Order sync to sheet',
    ]);

    // Escape cancels a rename
    await page.getByRole('button', { name: 'Actions for Order sync to sheet' }).click();
    await page.getByRole('menuitem', { name: 'Rename' }).click();
    await page.getByLabel('New name for Order sync to sheet').fill('Nope');
    await page.getByLabel('New name for Order sync to sheet').press('Escape');
    await expect(table.getByRole('link', { name: 'Order sync to sheet' })).toBeVisible();

    await page.getByRole('button', { name: 'Actions for Order sync to sheet' }).click();
    await page.getByRole('menuitem', { name: 'Duplicate' }).click();
    await expect(table.getByRole('link', { name: 'Order sync to sheet (copy)' })).toBeVisible();

    // delete asks first; Cancel keeps it
    const before = await workflowCount(page.request);
    await page.getByRole('button', { name: 'Actions for Order sync to sheet (copy)' }).click();
    await page.getByRole('menuitem', { name: 'Delete' }).click();
    const confirm = page.getByRole('alertdialog', { name: 'Delete “Order sync to sheet (copy)”?' });
    await expect(confirm).toBeVisible();
    await confirm.getByRole('button', { name: 'Cancel' }).click();
    await expect(confirm).toBeHidden();
    expect(await workflowCount(page.request)).toBe(before);

    await page.getByRole('button', { name: 'Actions for Order sync to sheet (copy)' }).click();
    await page.getByRole('menuitem', { name: 'Delete' }).click();
    await confirm.getByRole('button', { name: 'Delete workflow' }).click();
    await expect(table.getByRole('link', { name: 'Order sync to sheet (copy)' })).toBeHidden();
    expect(await workflowCount(page.request)).toBe(before - 1);
  });

  test('import from a file and from a paste, export as a download', async ({
    page,
    owner: _owner,
  }, testInfo) => {
    await page.goto('/workflows');
    await page.getByLabel('Workflow JSON file').setInputFiles({
      name: 'restock.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(manualWorkflow('Restock alert'))),
    });
    await expect(page.getByRole('status').filter({ hasText: 'Imported “Restock alert”' })).toBeVisible();
    const table = page.getByRole('table', { name: 'Workflows' });
    await expect(table.getByRole('link', { name: 'Restock alert' })).toBeVisible();

    await page.getByRole('button', { name: 'Paste JSON' }).click();
    const dialog = page.getByRole('dialog', { name: 'Import a workflow' });
    await dialog.getByLabel('Workflow JSON').fill(JSON.stringify(manualWorkflow('Weekly report')));
    await dialog.getByRole('button', { name: 'Import' }).click();
    await expect(dialog).toBeHidden();
    await expect(table.getByRole('link', { name: 'Weekly report' })).toBeVisible();

    await page.getByRole('button', { name: 'Actions for Weekly report' }).click();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('menuitem', { name: 'Export JSON' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('Weekly-report.json');
    const file = testInfo.outputPath('export.json');
    await download.saveAs(file);
    const exported = JSON.parse(fs.readFileSync(file, 'utf8')) as { name: string; nodes: { type: string }[] };
    expect(exported.name).toBe('Weekly report');
    expect(exported.nodes.map((n) => n.type)).toEqual(['core.manualTrigger', 'core.noOp']);
  });

  test('search, sort, activation errors and the last run', async ({ page, owner: _owner }) => {
    for (const name of ['Alpha orders', 'Beta refunds', 'Gamma stock']) {
      const res = await page.request.post('/api/v1/workflows', { data: manualWorkflow(name) });
      expect(res.ok()).toBe(true);
    }
    const alpha = await page.request.get('/api/v1/workflows?search=Alpha%20orders');
    const alphaId = ((await alpha.json()) as { items: { id: string }[] }).items[0]?.id ?? '';
    await page.request.post(`/api/v1/workflows/${alphaId}/run`, { data: { wait: true } });

    await page.goto('/workflows');
    const table = page.getByRole('table', { name: 'Workflows' });
    await expect(table.getByRole('link', { name: 'Gamma stock' })).toBeVisible();

    // `/` focuses the search
    await page.keyboard.press('/');
    await expect(page.getByRole('searchbox', { name: 'Search workflows' })).toBeFocused();
    await page.keyboard.type('beta');
    await expect(table.getByRole('link', { name: 'Beta refunds' })).toBeVisible();
    await expect(table.getByRole('link', { name: 'Gamma stock' })).toBeHidden();
    await page.getByRole('searchbox', { name: 'Search workflows' }).fill('');

    await page.getByLabel('Sort by').selectOption('name');
    const names = await table.locator('tbody .row-title').allTextContents();
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b, undefined, { sensitivity: 'base' })));
    await page.getByLabel('Sort by').selectOption('lastRun');
    await expect(table.locator('tbody tr').first()).toContainText('Alpha orders');
    await expect(table.locator('tbody tr').first()).toContainText('Succeeded');

    // a manual-trigger workflow has nothing to activate: the server's message is shown, the switch stays off
    const toggle = page.getByRole('switch', { name: 'Active: Gamma stock' });
    await toggle.click();
    await expect(
      page.getByRole('alert').filter({ hasText: 'Could not activate “Gamma stock”' }),
    ).toBeVisible();
    await expect(toggle).toHaveAttribute('aria-checked', 'false');
    await screenshot(page, 'workflows-list');
  });
});

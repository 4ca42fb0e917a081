import { screenshot } from './fixtures.js';
import { test, expect, pick, save, typeInto } from './editor-helpers.js';

test('webhook: listen for a test call, see its data, activate, call production, open the execution', async ({
  page,
  owner,
  editorServer: server,
}) => {
  void owner;
  await page.goto('/workflows/new');
  await page.getByRole('button', { name: /Add a trigger to start/ }).click();
  await pick(page, 'Webhook');
  const hookPanel = page.getByRole('dialog', { name: 'Webhook panel' });
  await hookPanel.getByLabel('Path', { exact: true }).fill('orders/new');

  await page.getByRole('button', { name: 'Add node after Webhook' }).click();
  await pick(page, 'Edit fields');
  const panel = page.getByRole('dialog', { name: 'Edit fields panel' });
  await panel.getByRole('button', { name: '+ Add field' }).click();
  const row = panel.getByRole('group', { name: 'Field 1' });
  await row.getByLabel('Field', { exact: true }).fill('doubled');
  await row.getByRole('button', { name: 'Expression for Value' }).click();
  await typeInto(page, row.getByLabel('Value', { exact: true }), '{{ $json.body.total * 2 }}');
  await page.getByRole('button', { name: 'Close panel' }).click();
  await page.getByRole('textbox', { name: 'Workflow name' }).fill('Order webhook');
  await page.getByRole('textbox', { name: 'Workflow name' }).press('Enter');
  await save(page);
  await expect(page).toHaveURL(/\/workflows\/[^/]+$/);

  // no manual trigger: "Test workflow" listens on /webhook-test/... for one call
  await page.getByRole('button', { name: /Test workflow/ }).click();
  const listening = page.getByRole('region', { name: 'Listening' });
  await expect(listening).toContainText('Listening for a test call');
  const testUrl = (await listening.getByLabel('Test URL').textContent())?.trim() ?? '';
  expect(testUrl).toBe(`${server.url}/webhook-test/orders/new`);
  await screenshot(page, 'editor-webhook-listening');
  const testCall = await fetch(testUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ total: 21 }),
  });
  expect(testCall.ok, await testCall.text()).toBe(true);

  await expect(page.getByRole('region', { name: 'Run status' })).toContainText('Run finished', {
    timeout: 20_000,
  });
  await expect(page.getByRole('group', { name: 'Webhook' }).getByRole('status')).toHaveAccessibleName(
    'Succeeded, 1 items',
  );
  await page.getByRole('group', { name: 'Edit fields' }).click();
  await panel.getByRole('tab', { name: /Output/ }).click();
  await expect(panel.getByRole('table', { name: 'Output table' })).toContainText('42');
  await screenshot(page, 'editor-webhook-test-data');
  await page.getByRole('button', { name: 'Close panel' }).click();

  // activate, then call the production URL
  await page.getByRole('switch', { name: 'Active' }).click();
  await expect(page.getByRole('switch', { name: 'Active' })).toHaveAttribute('aria-checked', 'true');
  const prod = await fetch(`${server.url}/webhook/orders/new`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ total: 50 }),
  });
  expect(prod.ok, await prod.text()).toBe(true);

  // the production execution is in the list and opens read-only on the canvas
  await page.getByRole('link', { name: 'Executions' }).click();
  const table = page.getByRole('table');
  const rows = table.getByRole('link', { name: /^Execution .* of Order webhook$/ });
  await expect(rows).toHaveCount(2); // the test call and the production call, newest first
  await rows.first().click();
  await expect(page).toHaveURL(/\/executions\/[^/]+$/);
  const banner = page.getByRole('region', { name: 'Execution' });
  await expect(banner).toContainText('success');
  await expect(banner).toContainText('read-only');
  await page.getByRole('group', { name: 'Edit fields' }).click();
  const viewPanel = page.getByRole('dialog', { name: 'Edit fields panel' });
  await viewPanel.getByRole('tab', { name: /Output/ }).click();
  await expect(viewPanel.getByRole('table', { name: 'Output table' })).toContainText('100');
  await screenshot(page, 'editor-execution-view');
});

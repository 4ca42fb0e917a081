import { screenshot } from './fixtures.js';
import { test, expect, pick } from './editor-helpers.js';

test('builds manual → Set (expression) → If → Code by clicking, runs it and reads every output', async ({
  page,
  owner,
}) => {
  void owner;
  await page.goto('/workflows/new');
  await expect(page.getByRole('button', { name: /Add a trigger to start/ })).toBeVisible();
  await screenshot(page, 'editor-empty');

  await page.getByRole('button', { name: /Add a trigger to start/ }).click();
  await pick(page, 'Manual trigger');
  await expect(page.getByRole('group', { name: 'Manual trigger' })).toBeVisible();

  // + on the trigger's output opens the palette; the new node arrives connected
  await page.getByRole('button', { name: 'Add node after Manual trigger' }).click();
  await pick(page, 'Edit fields');
  const panel = page.getByRole('dialog', { name: 'Edit fields panel' });
  await panel.getByRole('button', { name: '+ Add field' }).click();
  const row = panel.getByRole('group', { name: 'Field 1' });
  await row.getByLabel('Field', { exact: true }).fill('total');
  await row.getByRole('button', { name: 'Expression for Value' }).click();
  const valueEditor = row.getByLabel('Value', { exact: true });
  await valueEditor.click();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.type('{{ 6 * 7 }}');
  await expect(row.getByLabel('Result of Value')).toContainText('42');
  await row.getByLabel('Type', { exact: true }).selectOption('number');

  await page.getByRole('button', { name: 'Add node after Edit fields' }).click();
  await pick(page, 'If');
  const ifPanel = page.getByRole('dialog', { name: 'If panel' });
  await ifPanel.getByRole('button', { name: '+ Add condition' }).click();
  const cond = ifPanel.getByRole('group', { name: 'Condition 1' });
  await cond.getByRole('button', { name: 'Expression for Value' }).click();
  const left = cond.getByLabel('Value', { exact: true });
  await left.click();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.type('{{ $json.total }}');
  await cond.getByLabel('Operator', { exact: true }).selectOption('gt');
  await cond.getByLabel('Compare with', { exact: true }).fill('10');

  await page.getByRole('button', { name: 'Add node after If (true)' }).click();
  await pick(page, 'Code');
  await expect(page.getByRole('group', { name: 'Code' })).toBeVisible();
  await expect(page.getByRole('status', { name: 'Unsaved changes' })).toBeVisible();
  await screenshot(page, 'editor-built');

  await page.keyboard.press('Escape');
  await page.getByRole('button', { name: 'Close panel' }).click();
  await page.keyboard.press('ControlOrMeta+s');
  await expect(page).toHaveURL(/\/workflows\/[^/]+$/);
  await expect(page.getByRole('status', { name: 'All changes saved' })).toBeVisible();

  await page.getByRole('button', { name: /Test workflow/ }).click();
  await expect(page.getByRole('region', { name: 'Run status' })).toContainText('Run finished', {
    timeout: 20_000,
  });
  for (const name of ['Manual trigger', 'Edit fields', 'If', 'Code'])
    await expect(page.getByRole('group', { name }).getByRole('status')).toHaveAccessibleName(
      /Succeeded, 1 items/,
    );
  await screenshot(page, 'editor-after-run');

  await page.getByRole('group', { name: 'Edit fields' }).click();
  const setPanel = page.getByRole('dialog', { name: 'Edit fields panel' });
  await setPanel.getByRole('tab', { name: /Output/ }).click();
  await expect(setPanel.getByRole('table', { name: 'Output table' })).toContainText('42');
  await setPanel.getByRole('tab', { name: 'JSON' }).click();
  await expect(setPanel.getByLabel('Output JSON')).toContainText('"total": 42');

  await page.getByRole('button', { name: 'Close panel' }).click();
  await page.getByRole('group', { name: 'Code' }).click();
  const codePanel = page.getByRole('dialog', { name: 'Code panel' });
  await codePanel.getByRole('tab', { name: /Output/ }).click();
  await expect(codePanel.getByRole('table', { name: 'Output table' })).toContainText('true');
  await codePanel.getByRole('tab', { name: /Input/ }).click();
  await expect(codePanel.getByRole('table', { name: 'Input table' })).toContainText('42');
  await screenshot(page, 'editor-node-output');
});

import type { Locator } from '@playwright/test';
import { screenshot, manualWorkflow } from './fixtures.js';
import { test, expect, pick, save } from './editor-helpers.js';

const boxes = async (nodes: Locator) =>
  Promise.all((await nodes.all()).map(async (n) => (await n.boundingBox())!));

test('canvas editing: drag from the palette, undo/redo, copy/paste between workflows, auto-layout, delete, versions', async ({
  page,
  context,
  owner,
}) => {
  void owner;
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const target = await page.request.post('/api/v1/workflows', { data: manualWorkflow('Paste target') });
  const targetId = ((await target.json()) as { id: string }).id;

  await page.goto('/workflows/new');
  await page.getByRole('button', { name: /Add a trigger to start/ }).click();
  await pick(page, 'Manual trigger');
  await page.getByRole('button', { name: 'Close panel' }).click();

  // drag a node from the palette onto the canvas
  await page.getByRole('button', { name: 'Add node', exact: true }).click();
  const palette = page.getByRole('dialog', { name: 'Add a node' });
  await palette.getByRole('searchbox', { name: 'Search nodes' }).fill('Edit fields');
  await palette
    .getByRole('button', { name: 'Edit fields', exact: true })
    .dragTo(page.locator('.react-flow__pane'), { targetPosition: { x: 420, y: 420 } });
  const setNode = page.getByRole('group', { name: 'Edit fields', exact: true });
  await expect(setNode).toBeVisible();
  await page.getByRole('button', { name: 'Close panel' }).click();

  // undo / redo (toolbar and keyboard)
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(setNode).toHaveCount(0);
  await page.getByRole('button', { name: 'Redo' }).click();
  await expect(setNode).toBeVisible();
  await page.locator('.react-flow__pane').click({ position: { x: 40, y: 40 } });
  await page.keyboard.press('ControlOrMeta+z');
  await expect(setNode).toHaveCount(0);
  await page.keyboard.press('ControlOrMeta+Shift+z');
  await expect(setNode).toBeVisible();

  await save(page);
  await expect(page).toHaveURL(/\/workflows\/[^/]+$/);
  const sourceUrl = page.url();

  // in-app navigation with unsaved changes asks first (router guard)
  await page.getByRole('textbox', { name: 'Workflow name' }).fill('Renamed flow');
  await page.getByRole('textbox', { name: 'Workflow name' }).press('Enter');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Workflows' }).click();
  const leave = page.getByRole('dialog', { name: 'Leave without saving?' });
  await expect(leave).toBeVisible();
  await leave.getByRole('button', { name: 'Cancel' }).click();
  await expect(page).toHaveURL(sourceUrl);
  await save(page);

  // versions: 2 saved; restore version 1 (the old name comes back)
  await page.getByRole('button', { name: 'Versions' }).click();
  const versions = page.getByRole('dialog', { name: 'Versions' });
  await expect(versions.getByText('Version 2')).toBeVisible();
  await screenshot(page, 'editor-versions');
  await versions.getByRole('button', { name: 'Restore version 1' }).click();
  await page
    .getByRole('dialog', { name: 'Restore version 1?' })
    .getByRole('button', { name: 'Restore' })
    .click();
  await expect(page.getByRole('textbox', { name: 'Workflow name' })).toHaveValue('My workflow');
  await expect(page.getByRole('status', { name: 'All changes saved' })).toBeVisible();

  // copy both nodes, paste them twice into another workflow
  await page.locator('.react-flow__pane').click({ position: { x: 40, y: 40 } });
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.press('ControlOrMeta+c');
  await expect(page.getByText('Copied 2 nodes')).toBeVisible();
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(JSON.parse(copied).nodes).toHaveLength(2);

  await page.goto(`/workflows/${targetId}`);
  await expect(page.getByRole('group', { name: 'Start', exact: true })).toBeVisible();
  await page.locator('.react-flow__pane').click({ position: { x: 40, y: 40 } });
  await page.keyboard.press('ControlOrMeta+v');
  await expect(page.getByText('Pasted 2 nodes')).toBeVisible();
  await page.keyboard.press('ControlOrMeta+v');
  for (const name of ['Manual trigger', 'Edit fields', 'Manual trigger 1', 'Edit fields 1'])
    await expect(page.getByRole('group', { name, exact: true })).toBeVisible();

  // auto-layout: no two nodes overlap afterwards
  await page.getByRole('button', { name: 'Auto-layout' }).click();
  await page.waitForTimeout(400);
  const laid = await boxes(page.locator('.react-flow__node-wf'));
  expect(laid).toHaveLength(6);
  for (let i = 0; i < laid.length; i++)
    for (let j = i + 1; j < laid.length; j++) {
      const a = laid[i]!;
      const b = laid[j]!;
      const overlap =
        a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
      expect(overlap, `nodes ${i} and ${j} overlap after auto-layout`).toBe(false);
    }
  await screenshot(page, 'editor-pasted-layout');

  // delete a node from its panel (asks first), then undo brings it back
  await page.getByRole('group', { name: 'Nothing', exact: true }).click();
  await page
    .getByRole('dialog', { name: 'Nothing panel' })
    .getByRole('button', { name: 'Delete node' })
    .click();
  const confirm = page.getByRole('dialog', { name: 'Delete “Nothing”?' });
  await expect(confirm).toBeVisible();
  await confirm.getByRole('button', { name: 'Delete node' }).click();
  await expect(page.getByRole('group', { name: 'Nothing', exact: true })).toHaveCount(0);
  await page.keyboard.press('ControlOrMeta+z');
  await expect(page.getByRole('group', { name: 'Nothing', exact: true })).toBeVisible();

  await save(page);
  const saved = (await (await page.request.get(`/api/v1/workflows/${targetId}`)).json()) as {
    document: { nodes: { name: string }[] };
  };
  expect(saved.document.nodes.map((n) => n.name).sort()).toEqual([
    'Edit fields',
    'Edit fields 1',
    'Manual trigger',
    'Manual trigger 1',
    'Nothing',
    'Start',
  ]);
});

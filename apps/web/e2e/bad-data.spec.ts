import { expect, test, workflowCount } from './fixtures.js';

test('importing malformed JSON shows a clear message and changes nothing', async ({
  page,
  owner: _owner,
}) => {
  await page.goto('/workflows');
  const before = await workflowCount(page.request);

  // pasted: not JSON at all
  await page.getByRole('button', { name: 'Paste JSON' }).first().click();
  const dialog = page.getByRole('dialog', { name: 'Import a workflow' });
  await dialog.getByLabel('Workflow JSON').fill('{ "name": "Broken", "nodes": [ { "id": "a", ');
  await dialog.getByRole('button', { name: 'Import' }).click();
  await expect(dialog.getByRole('alert')).toContainText('not valid JSON');
  await expect(dialog.getByRole('alert')).toContainText('Nothing was imported');

  // pasted: JSON, but not a workflow (the server names the field)
  await dialog
    .getByLabel('Workflow JSON')
    .fill(JSON.stringify({ name: 'Bad type', nodes: [{ id: 'a', name: 'A', type: 'core.doesNotExist' }] }));
  await dialog.getByRole('button', { name: 'Import' }).click();
  await expect(dialog.getByRole('alert')).toContainText('nodes.0.type');

  await dialog.getByLabel('Workflow JSON').fill('[1, 2, 3]');
  await dialog.getByRole('button', { name: 'Import' }).click();
  await expect(dialog.getByRole('alert')).toContainText('must be a JSON object');
  await dialog.getByRole('button', { name: 'Cancel' }).click();

  // a file: truncated JSON
  await page.getByLabel('Workflow JSON file').setInputFiles({
    name: 'truncated.json',
    mimeType: 'application/json',
    buffer: Buffer.from('{"name":"Half'),
  });
  await expect(page.getByRole('alert').filter({ hasText: 'Could not import truncated.json' })).toContainText(
    'not valid JSON',
  );

  // a file: a missing name
  await page.getByLabel('Workflow JSON file').setInputFiles({
    name: 'nameless.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify({ nodes: [] })),
  });
  await expect(page.getByRole('alert').filter({ hasText: 'Could not import nameless.json' })).toContainText(
    'name',
  );

  expect(await workflowCount(page.request)).toBe(before);
  await page.reload();
  expect(await workflowCount(page.request)).toBe(before);
});

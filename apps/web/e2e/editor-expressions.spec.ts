import type { APIRequestContext } from '@playwright/test';
import { screenshot, manualWorkflow } from './fixtures.js';
import { test, expect, save } from './editor-helpers.js';

async function create(request: APIRequestContext, doc: unknown): Promise<string> {
  const res = await request.post('/api/v1/workflows', { data: doc });
  expect(res.ok(), await res.text()).toBe(true);
  return ((await res.json()) as { id: string }).id;
}

type Detail = { steps: { nodeId: string; output?: { main?: { json: Record<string, unknown> }[] } }[] };
async function customerR(request: APIRequestContext, workflowId: string): Promise<unknown[]> {
  const list = (await (await request.get(`/api/v1/executions?workflowId=${workflowId}`)).json()) as {
    items: { id: string }[];
  };
  const details = await Promise.all(
    list.items.map(async (e) => (await (await request.get(`/api/v1/executions/${e.id}`)).json()) as Detail),
  );
  return details.map((d) => d.steps.find((s) => s.nodeId === 'customer')?.output?.main?.[0]?.json['r']);
}

test('expression editor: upstream completions, live preview, syntax errors on the field; run from here reuses upstream data', async ({
  page,
  owner,
}) => {
  void owner;
  const id = await create(page.request, {
    name: 'Greetings',
    nodes: [
      { id: 'start', name: 'Start', type: 'core.manualTrigger', position: [0, 0] },
      {
        id: 'customer',
        name: 'Customer',
        type: 'core.set',
        position: [300, 0],
        params: {
          fields: [
            { name: 'email', value: 'ann@example.com' },
            { name: 'r', value: '{{ Math.random() }}' },
          ],
        },
      },
      { id: 'greeting', name: 'Greeting', type: 'core.set', position: [600, 0], params: { fields: [] } },
    ],
    connections: [
      { from: { node: 'start' }, to: { node: 'customer' } },
      { from: { node: 'customer' }, to: { node: 'greeting' } },
    ],
  });
  await page.goto(`/workflows/${id}`);
  await page.getByRole('button', { name: /Test workflow/ }).click();
  await expect(page.getByRole('region', { name: 'Run status' })).toContainText('Run finished', {
    timeout: 20_000,
  });

  await page.getByRole('group', { name: 'Greeting', exact: true }).click();
  const panel = page.getByRole('dialog', { name: 'Greeting panel' });
  await panel.getByRole('button', { name: '+ Add field' }).click();
  const row = panel.getByRole('group', { name: 'Field 1' });
  await row.getByLabel('Field', { exact: true }).fill('message');
  await row.getByRole('button', { name: 'Expression for Value' }).click();
  const value = row.getByLabel('Value', { exact: true });
  await value.click();
  await page.keyboard.press('ControlOrMeta+A');

  // $json. offers the fields the upstream node produced in the last run
  await page.keyboard.type('{{ $json.');
  await expect(page.getByRole('option', { name: /^email/ })).toBeVisible();
  await expect(page.getByRole('option', { name: /^r\d/ })).toBeVisible();
  await screenshot(page, 'editor-expression-autocomplete');
  await page.getByRole('option', { name: /^email/ }).click();
  await page.keyboard.type(' }}');
  await expect(value).toHaveText('{{ $json.email }}');
  await expect(row.getByLabel('Result of Value')).toContainText('ann@example.com');

  // $( offers the upstream nodes by name
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.type('{{ $(');
  await expect(page.getByRole('option', { name: /\$\('Customer'\)/ })).toBeVisible();
  await expect(page.getByRole('option', { name: /\$\('Greeting'\)/ })).toHaveCount(0);
  await page.keyboard.press('Escape');

  // a syntax error is shown on the field, and the editor keeps working
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.type('{{ $json.email + }}');
  await expect(row.getByLabel('Result of Value').getByRole('alert')).toBeVisible();
  await expect(row.locator('.swe-cm.is-invalid')).toBeVisible();
  await screenshot(page, 'editor-expression-error');
  await value.click();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.type("{{ 'Hi ' + $('Customer').item.json.email }}");
  await expect(row.getByLabel('Result of Value')).toContainText('Hi ann@example.com');
  await expect(row.locator('.swe-cm.is-invalid')).toHaveCount(0);

  // run from here: Customer (with its random number) is reused, Greeting runs again
  await panel.getByRole('button', { name: 'Run from here' }).click();
  await expect(page.getByRole('region', { name: 'Run status' })).toContainText('Run finished', {
    timeout: 20_000,
  });
  await panel.getByRole('tab', { name: /Output/ }).click();
  await expect(panel.getByRole('table', { name: 'Output table' })).toContainText('Hi ann@example.com');
  const [latest, first] = await customerR(page.request, id);
  expect(typeof first).toBe('number');
  expect(latest).toBe(first);
  await save(page);
});

test('credential "create new" from a node, read-only execution view and retry', async ({ page, owner }) => {
  void owner;
  const id = await create(page.request, {
    name: 'Call the shop',
    nodes: [
      { id: 'start', name: 'Start', type: 'core.manualTrigger', position: [0, 0] },
      {
        id: 'http',
        name: 'HTTP Request',
        type: 'core.httpRequest',
        position: [300, 0],
        params: { url: 'https://shop.example.com/api/orders', authentication: 'credential' },
      },
    ],
    connections: [{ from: { node: 'start' }, to: { node: 'http' } }],
  });
  await page.goto(`/workflows/${id}`);
  await page.getByRole('group', { name: 'HTTP Request', exact: true }).click();
  const panel = page.getByRole('dialog', { name: 'HTTP Request panel' });
  await panel.getByRole('button', { name: 'Create new' }).click();
  const dialog = page.getByRole('dialog', { name: 'New credential' });
  await dialog.getByLabel('Type').selectOption('core.httpBearerAuth');
  await dialog.getByLabel('Name').fill('Shop API');
  await dialog.getByLabel('Token').fill('secret-token-123');
  await screenshot(page, 'editor-credential-create');
  await dialog.getByRole('button', { name: 'Create credential' }).click();
  await expect(dialog).toBeHidden();
  await expect(panel.getByLabel('Credential (auth)').locator('option:checked')).toHaveText(
    'Shop API (core.httpBearerAuth)',
  );
  await save(page);
  const doc = (await (await page.request.get(`/api/v1/workflows/${id}`)).json()) as {
    document: { nodes: { credentials: Record<string, string> }[] };
  };
  const credId = doc.document.nodes[1]?.credentials['auth'];
  expect(credId).toBeTruthy();
  expect(await page.content()).not.toContain('secret-token-123');

  // a failed execution opens read-only on the canvas; retry makes a new execution
  const failingId = await create(page.request, manualWorkflow('Out of stock check', { fail: true }));
  const run = await page.request.post(`/api/v1/workflows/${failingId}/run`, { data: { wait: true } });
  const failed = (await run.json()) as { id: string; status: string };
  expect(failed.status).toBe('error');
  await page.goto(`/executions/${failed.id}`);
  const banner = page.getByRole('region', { name: 'Execution' });
  await expect(banner).toContainText('error');
  await expect(banner).toContainText('Out of stock');
  await expect(page.getByRole('button', { name: 'Add node', exact: true })).toHaveCount(0);
  await page.getByRole('group', { name: 'Stop', exact: true }).click();
  const stopPanel = page.getByRole('dialog', { name: 'Stop panel' });
  await expect(stopPanel.getByLabel('Node name')).toBeDisabled();
  await expect(stopPanel.getByRole('button', { name: 'Delete node' })).toHaveCount(0);
  await screenshot(page, 'editor-execution-failed');
  await banner.getByRole('button', { name: 'Retry execution' }).click();
  await expect(page).not.toHaveURL(new RegExp(`/executions/${failed.id}$`));
  await expect(page).toHaveURL(/\/executions\/[^/]+$/);
  const retriedId = page.url().split('/').pop() ?? '';
  await expect(page.getByRole('region', { name: 'Execution' })).toContainText(retriedId);
  const retried = (await (await page.request.get(`/api/v1/executions/${retriedId}`)).json()) as {
    retryOf: string;
  };
  expect(retried.retryOf).toBe(failed.id);
});

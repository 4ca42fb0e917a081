import { test as shellTest, expect, screenshot } from './fixtures.js';
import { startTestServer, type TestServer } from './server.js';

/**
 * The template gallery in a real browser: cards, the "Use template" dialog that asks only for the
 * template's credentials (created inline or picked), the import, and the canvas it opens.
 * Runs on a server of its own: the credentials and workflows it creates stay out of the shell specs' lists.
 */
const test = shellTest.extend<object, { templatesServer: TestServer }>({
  templatesServer: [
    // eslint-disable-next-line no-empty-pattern -- Playwright fixtures take their dependencies by destructuring
    async ({}, use) => {
      const server = await startTestServer();
      await use(server);
      await server.stop();
    },
    { scope: 'worker', timeout: 60_000 },
  ],
  baseURL: async ({ templatesServer }, use) => use(templatesServer.url),
});

const TEMPLATE = 'Refund and chargeback alert in Slack';
const STRIPE_KEY = 'sk_test_x';
const SLACK_URL = 'https://hooks.slack.com/services/T0/B0/X0';

interface WorkflowRecord {
  name: string;
  document: { nodes: { name: string; credentials?: Record<string, string> }[] };
}

test('templates: gallery, credentials created inline, import opens the canvas; an existing credential can be picked', async ({
  page,
  owner: _owner,
}) => {
  await page.goto('/workflows');
  await page.getByRole('link', { name: 'Templates' }).click();
  await expect(page).toHaveURL(/\/templates$/);
  await expect(page.getByRole('heading', { name: 'Templates', level: 1 })).toBeVisible();

  // every card has a name and a description
  const cards = page
    .getByRole('listitem')
    .filter({ has: page.getByRole('button', { name: 'Use template' }) });
  await expect(cards.first()).toBeVisible();
  expect(await cards.count()).toBeGreaterThanOrEqual(10);
  for (const card of await cards.all()) {
    expect((await card.getByRole('heading', { level: 2 }).innerText()).trim().length).toBeGreaterThan(5);
    expect((await card.locator('p').first().innerText()).trim().length).toBeGreaterThan(20);
  }
  const card = cards.filter({ has: page.getByRole('heading', { name: TEMPLATE }) });
  await expect(card).toContainText('Stripe API key');
  await expect(card).toContainText('Slack incoming webhook');
  await expect(card.getByRole('button', { name: 'Use template' })).toBeEnabled();
  await screenshot(page, 'templates-gallery');

  // the dialog asks only for this template's two credentials, neither exists yet
  await card.getByRole('button', { name: 'Use template' }).click();
  const dialog = page.getByRole('dialog', { name: `Use “${TEMPLATE}”` });
  await expect(dialog).toBeVisible();
  const stripeSlot = dialog.getByLabel('Stripe API key', { exact: true });
  const slackSlot = dialog.getByLabel('Slack incoming webhook', { exact: true });
  await expect(dialog.getByRole('combobox')).toHaveCount(2);
  await expect(stripeSlot).toHaveValue('');
  await expect(slackSlot).toHaveValue('');
  await expect(dialog).not.toContainText(/Shopify|SMTP|Klaviyo|WooCommerce|Square|Google/i);
  await screenshot(page, 'templates-dialog');

  // importing with nothing chosen names both slots
  await expect(stripeSlot).toHaveAccessibleDescription(/webhook signing secret/);
  await dialog.getByRole('button', { name: 'Create workflow' }).click();
  await expect(dialog.getByRole('alert')).toHaveCount(2);
  await expect(stripeSlot).toHaveAttribute('aria-invalid', 'true');

  // create both inline: the credential form opens on the slot's type
  await stripeSlot.selectOption({ label: '+ Add a Stripe API key credential' });
  let create = page.getByRole('dialog', { name: 'Add a Stripe API key credential' });
  await expect(create.getByLabel('Credential type')).toHaveCount(0);
  await expect(create.getByRole('textbox')).toHaveCount(4); // Name + the Stripe fields, nothing else
  await expect(create.getByLabel('Webhook signing secret')).toBeVisible();
  await expect(create.getByLabel('Secret key')).toHaveAttribute('type', 'password');
  await create.getByLabel('Name', { exact: true }).fill('Stripe (shop)');
  await create.getByLabel('Secret key').fill(STRIPE_KEY);
  await create.getByRole('button', { name: 'Save credential' }).click();
  await expect(create).toBeHidden();
  await expect(stripeSlot.locator('option:checked')).toHaveText('Stripe (shop)');
  await expect(stripeSlot).not.toHaveAttribute('aria-invalid', 'true');
  expect(await page.content()).not.toContain(STRIPE_KEY);

  await slackSlot.selectOption({ label: '+ Add a Slack incoming webhook credential' });
  create = page.getByRole('dialog', { name: 'Add a Slack incoming webhook credential' });
  await expect(create.getByLabel('Webhook URL')).toHaveAttribute('type', 'password');
  await create.getByLabel('Name', { exact: true }).fill('Slack #alerts');
  await create.getByLabel('Webhook URL').fill(SLACK_URL);
  await create.getByRole('button', { name: 'Save credential' }).click();
  await expect(create).toBeHidden();
  await expect(slackSlot.locator('option:checked')).toHaveText('Slack #alerts');
  await expect(stripeSlot.locator('option:checked')).toHaveText('Stripe (shop)');
  expect(await page.content()).not.toContain(SLACK_URL);

  // import: the browser lands on the new workflow's canvas with the template's nodes and notes
  await dialog.getByRole('button', { name: 'Create workflow' }).click();
  await expect(page).toHaveURL(/\/workflows\/[^/]+$/);
  const firstId = page.url().split('/').pop() ?? '';
  const canvas = page
    .getByRole('application', { name: 'Workflow canvas' })
    .or(page.getByLabel('Workflow canvas'));
  await expect(canvas.first()).toBeVisible();
  for (const node of ['Stripe refund or dispute', 'Event facts', 'Charge', 'Customer', 'Alert in Slack'])
    await expect(page.getByRole('group', { name: node, exact: true })).toBeVisible();
  await expect(page.getByRole('note', { name: 'Sticky note' })).toHaveCount(2);
  await expect(page.getByRole('note', { name: 'Sticky note' }).first()).toContainText('Stripe webhook');
  expect(await page.content()).not.toContain(STRIPE_KEY);
  expect(await page.content()).not.toContain(SLACK_URL);

  // the workflows list has it
  await page.getByRole('link', { name: 'Workflows' }).first().click();
  const table = page.getByRole('table', { name: 'Workflows' });
  await expect(table.getByRole('link', { name: 'Refund and chargeback alert' })).toBeVisible();

  // second import: with two Stripe credentials the user picks one; the only Slack one is preselected
  const other = await page.request.post('/api/v1/credentials', {
    data: { name: 'Stripe (old shop)', type: 'stripe.apiKey', data: { secretKey: 'sk_test_old' } },
  });
  expect(other.ok(), await other.text()).toBe(true);
  const creds = (await (await page.request.get('/api/v1/credentials')).json()) as {
    items: { id: string; name: string }[];
  };
  const idOf = (name: string) => creds.items.find((c) => c.name === name)?.id ?? '';

  await page.getByRole('link', { name: 'Templates' }).click();
  await cards
    .filter({ has: page.getByRole('heading', { name: TEMPLATE }) })
    .getByRole('button', { name: 'Use template' })
    .click();
  await expect(dialog).toBeVisible();
  await expect(slackSlot.locator('option:checked')).toHaveText('Slack #alerts');
  await expect(stripeSlot).toHaveValue('');
  await expect(stripeSlot.locator('option')).toHaveText([
    'Choose…',
    'Stripe (old shop)',
    'Stripe (shop)',
    '+ Add a Stripe API key credential',
  ]);
  await stripeSlot.selectOption({ label: 'Stripe (shop)' });
  await dialog.getByRole('button', { name: 'Create workflow' }).click();
  await expect(page).toHaveURL(/\/workflows\/[^/]+$/);
  const secondId = page.url().split('/').pop() ?? '';
  expect(secondId).not.toBe(firstId);
  await expect(page.getByRole('group', { name: 'Alert in Slack', exact: true })).toBeVisible();

  // both workflows use the picked credentials, and no new credential was created
  for (const id of [firstId, secondId]) {
    const doc = (await (await page.request.get(`/api/v1/workflows/${id}`)).json()) as WorkflowRecord;
    const used = doc.document.nodes.flatMap((n) => Object.values(n.credentials ?? {}));
    expect(new Set(used)).toEqual(new Set([idOf('Stripe (shop)'), idOf('Slack #alerts')]));
  }
  const after = (await (await page.request.get('/api/v1/credentials')).json()) as { items: unknown[] };
  expect(after.items).toHaveLength(3);
  const list = (await (await page.request.get('/api/v1/workflows')).json()) as { items: { name: string }[] };
  expect(list.items.filter((w) => w.name === 'Refund and chargeback alert')).toHaveLength(2);
  expect(await page.content()).not.toContain(STRIPE_KEY);
  expect(await page.content()).not.toContain(SLACK_URL);
});

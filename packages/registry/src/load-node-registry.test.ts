import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { discoverPackageDirs } from './discover.js';
import { loadNodeRegistry } from './load-node-registry.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const CORE_TYPES = [
  'core.manualTrigger',
  'core.webhook',
  'core.schedule',
  'core.executeWorkflowTrigger',
  'core.errorTrigger',
  'core.set',
  'core.filter',
  'core.sort',
  'core.limit',
  'core.removeDuplicates',
  'core.aggregate',
  'core.dateTime',
  'core.code',
  'core.if',
  'core.switch',
  'core.merge',
  'core.loop',
  'core.wait',
  'core.executeWorkflow',
  'core.stopAndError',
  'core.noOp',
  'core.httpRequest',
  'core.respondToWebhook',
];
const CORE_CREDENTIAL_TYPES = [
  'core.httpHeaderAuth',
  'core.httpBasicAuth',
  'core.httpBearerAuth',
  'core.httpQueryAuth',
  'core.webhookHeaderAuth',
  'core.webhookBasicAuth',
  'core.webhookHmac',
];

// inside the repo, so `@shopwire/sdk` resolves from the test packages like from an installed plugin
let tmp: string;
beforeAll(() => {
  mkdirSync(path.join(repoRoot, '.tmp'), { recursive: true });
  tmp = mkdtempSync(path.join(repoRoot, '.tmp', 'sw-registry-'));
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function writePackage(
  name: string,
  manifest: Record<string, unknown> | string,
  files: Record<string, string> = {},
): string {
  const dir = path.join(tmp, name);
  mkdirSync(dir, { recursive: true });
  writeFileSync(
    path.join(dir, 'package.json'),
    typeof manifest === 'string'
      ? manifest
      : JSON.stringify({ name, version: '1.0.0', type: 'module', ...manifest }),
  );
  for (const [file, text] of Object.entries(files)) writeFileSync(path.join(dir, file), text);
  return dir;
}

const nodeSource = (type: string) => `{
  type: '${type}', version: 1, displayName: 'Hello', description: 'Says hello', kind: 'transform', group: 'Utility',
  params: z.object({ greeting: z.string().default('hi').meta({ title: 'Greeting' }) }),
  run: async (ctx) => ctx.items.map((item) => ({ json: { ...item.json, greeting: ctx.params.greeting } })),
}`;
const entry = (
  ...types: string[]
) => `import { z, defineNode, definePackage, defineCredentialType } from '@shopwire/sdk';
export default definePackage({
  name: 'x',
  nodes: [${types.map(nodeSource).join(',')}],
  credentials: [defineCredentialType({ type: '${types[0]}Key', displayName: 'Key', schema: z.object({ key: z.string() }), secretFields: ['key'] })],
});`;

describe('loadNodeRegistry', () => {
  it('loads every built-in core node from source', async () => {
    const registry = await loadNodeRegistry({
      packageDirs: discoverPackageDirs(path.join(repoRoot, 'nodes')),
      useSourceCondition: true,
    });
    expect(registry.failures()).toEqual([]);
    expect(
      registry
        .listNodes()
        .map((n) => n.type)
        .sort(),
    ).toEqual(expect.arrayContaining([...CORE_TYPES].sort()));
    expect(registry.packages()).toContainEqual({
      name: '@shopwire/nodes-core',
      version: '0.1.0',
      builtin: true,
      nodes: CORE_TYPES.length,
      credentials: CORE_CREDENTIAL_TYPES.length,
    });
    expect(registry.listCredentialTypes().map((c) => c.type)).toEqual(
      expect.arrayContaining(CORE_CREDENTIAL_TYPES),
    );
    for (const description of registry.describeAll()) {
      expect(description.paramsSchema.type, description.type).toBe('object');
      expect(description.displayName.length).toBeGreaterThan(0);
    }
    const httpRequest = registry.describeNode('core.httpRequest')!;
    expect(httpRequest.credentials[0]).toEqual({
      name: 'auth',
      type: ['core.httpHeaderAuth', 'core.httpBasicAuth', 'core.httpBearerAuth', 'core.httpQueryAuth'],
      required: false,
    });
    expect(httpRequest.idempotent).toBe(false);
    expect(registry.describeNode('core.switch')).toMatchObject({
      outputs: ['fallback'],
      dynamicOutputs: true,
    });
    expect(registry.describeNode('core.loop')).toMatchObject({
      inputs: 2,
      outputs: ['loop', 'done'],
      loop: true,
    });
    expect(registry.describeNode('core.merge')).toMatchObject({ inputs: 2 });
    expect(registry.describeNode('core.webhook')).toMatchObject({
      inputs: 0,
      trigger: 'webhook',
      kind: 'trigger',
    });
    expect(registry.describeNode('core.code')).toMatchObject({ rawParams: ['code'] });
    const codeSchema = registry.describeNode('core.code')!.paramsSchema as {
      properties: { code: { ui?: unknown } };
    };
    expect(codeSchema.properties.code.ui).toEqual({ widget: 'code', language: 'javascript' });
    expect(registry.describeNode('core.set')).toBe(registry.describeNode('core.set')); // cached
    expect(registry.getCredentialType('core.httpBearerAuth')?.secretFields).toEqual(['token']);
    expect(registry.listCredentialTypes().find((c) => c.type === 'core.httpBasicAuth')).toMatchObject({
      secretFields: ['password'],
      testable: false,
    });
  });

  it('loads a third-party package and reports broken ones without throwing', async () => {
    const dirs = [
      path.join(repoRoot, 'nodes', 'core'),
      writePackage(
        'good',
        { main: 'index.js', shopwire: { apiVersion: 1 } },
        { 'index.js': entry('acme.hello') },
      ),
      writePackage('bad-json', '{ "name": "bad-json", '),
      writePackage(
        'throws',
        { main: 'index.js', shopwire: { apiVersion: 1 } },
        { 'index.js': "throw new Error('boom at import');" },
      ),
      writePackage(
        'dup',
        { exports: { '.': { import: './index.js' } }, shopwire: { apiVersion: 1 } },
        { 'index.js': entry('core.set', 'dup.ok') },
      ),
      writePackage('not-a-node-package', { main: 'index.js' }, { 'index.js': 'export default 1;' }),
      writePackage(
        'future',
        { main: 'index.js', shopwire: { apiVersion: 2 } },
        { 'index.js': entry('future.x') },
      ),
      writePackage('no-entry', { main: 'dist/missing.js', shopwire: { apiVersion: 1 } }),
      writePackage(
        'invalid-node',
        { main: 'index.js', shopwire: { apiVersion: 1 } },
        {
          'index.js':
            "export default { name: 'n', nodes: [{ type: 'inv.node', version: 1, displayName: 'X', description: '', kind: 'transform', group: 'Utility', params: { not: 'zod' }, run() {} }] };",
        },
      ),
      path.join(tmp, 'does-not-exist'),
    ];
    const warnings: string[] = [];
    const logger = {
      debug: () => undefined,
      info: () => undefined,
      warn: (m: string, f?: Record<string, unknown>) => void warnings.push(`${m} ${JSON.stringify(f)}`),
      error: () => undefined,
    };
    const registry = await loadNodeRegistry({ packageDirs: dirs, useSourceCondition: true, logger });

    const hello = registry.getNode('acme.hello');
    expect(hello?.displayName).toBe('Hello');
    expect(registry.describeNode('acme.hello')).toMatchObject({
      package: 'good',
      inputs: 1,
      outputs: ['main'],
      dynamicOutputs: false,
    });
    expect(registry.getNode('dup.ok')).toBeDefined();
    expect(registry.describeNode('core.set')?.package).toBe('@shopwire/nodes-core'); // first wins
    expect(registry.getCredentialType('acme.helloKey')).toBeDefined();

    const failures = Object.fromEntries(registry.failures().map((f) => [path.basename(f.package), f.error]));
    expect(Object.keys(failures).sort()).toEqual([
      'bad-json',
      'does-not-exist',
      'dup',
      'future',
      'invalid-node',
      'no-entry',
      'throws',
    ]);
    expect(failures['bad-json']).toMatch(/cannot read package.json/);
    expect(failures.throws).toMatch(/boom at import/);
    expect(failures.dup).toMatch(/node core.set@1 is already provided by @shopwire\/nodes-core/);
    expect(failures.future).toMatch(/unsupported shopwire.apiVersion 2/);
    expect(failures['no-entry']).toMatch(/entry file dist\/missing.js not found/);
    expect(failures['invalid-node']).toMatch(/node inv.node: params must be a zod schema/);
    expect(failures['does-not-exist']).toMatch(/no package.json/);
    expect(registry.packages().map((p) => p.name)).toEqual(['@shopwire/nodes-core', 'good', 'dup']);
    expect(registry.packages()[2]).toMatchObject({ nodes: 1, credentials: 1 });
    expect(warnings).toHaveLength(7);
  });

  it('returns the requested or the latest version of a node', async () => {
    const v2 = nodeSource('multi.node').replace('version: 1', 'version: 2').replace("'Hello'", "'Hello v2'");
    const dir = writePackage(
      'versions',
      { main: 'index.js', shopwire: { apiVersion: 1 } },
      {
        'index.js': `import { z } from '@shopwire/sdk';\nexport default { name: 'v', nodes: [${nodeSource('multi.node')}, ${v2}] };`,
      },
    );
    const registry = await loadNodeRegistry({ packageDirs: [dir] });
    expect(registry.getNode('multi.node')?.version).toBe(2);
    expect(registry.getNode('multi.node', 1)?.displayName).toBe('Hello');
    expect(registry.describeNode('multi.node', 2)?.displayName).toBe('Hello v2');
    expect(registry.getNode('multi.node', 3)).toBeUndefined();
    expect(registry.listNodes()).toHaveLength(1);
  });
});

describe('discoverPackageDirs', () => {
  it('lists sub-directories that have a package.json', () => {
    expect(discoverPackageDirs(path.join(repoRoot, 'nodes'))).toContain(path.join(repoRoot, 'nodes', 'core'));
    expect(discoverPackageDirs(path.join(tmp, 'nowhere'))).toEqual([]);
  });
});

import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ApiClient, setupOwner } from './support/api.js';
import { runCli } from './support/cli.js';
import { waitFor } from './support/poll.js';
import { start, type StartedServer } from './support/server.js';
import { tempDir } from './support/temp-dir.js';
import { ORDER, ORDER_TOTAL, orderTotalWorkflow } from './support/workflows.js';

// The `shopwire` CLI against real data dirs: api-key create, import --activate (server running and
// server stopped), export round trip, and clear failures on bad files.
describe('shopwire CLI', () => {
  const tmp = tempDir();
  const dataDir = path.join(tmp.dir, 'data');
  let server: StartedServer | undefined;
  let port = 0;
  let api: ApiClient;

  afterAll(async () => {
    await server?.stop();
    tmp.cleanup();
  });

  function writeDoc(name: string, doc: unknown): string {
    const file = path.join(tmp.dir, name);
    fs.writeFileSync(file, JSON.stringify(doc, null, 2));
    return file;
  }

  async function orderTotalFrom(url: string): Promise<number | undefined> {
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(ORDER),
    });
    if (res.status !== 200) return undefined;
    return ((await res.json()) as { total?: number }).total;
  }

  it('api-key create prints only a key that authenticates both ways', async () => {
    server = await start(dataDir);
    port = server.port;
    api = await setupOwner(server.url);

    const created = await runCli(['api-key', 'create', '--name', 'ci'], { dataDir, port });
    expect(created.code, created.stderr).toBe(0);
    const key = created.stdout.trim();
    expect(key).toMatch(/^\S{20,}$/);
    expect(created.stdout.trim().split('\n')).toHaveLength(1);

    const bearer = new ApiClient(server.url, { apiKey: key });
    expect((await bearer.get('/api/v1/workflows')).status).toBe(200);
    const header = new ApiClient(server.url, { apiKey: key, header: 'x-api-key' });
    expect((await header.get('/api/v1/workflows')).status).toBe(200);
    const wrong = new ApiClient(server.url, { apiKey: `${key.slice(0, -4)}xxxx` });
    expect((await wrong.get('/api/v1/workflows')).status).toBe(401);
    // the key itself is never listed back
    const keys = await api.get('/api/v1/api-keys');
    expect(keys.status).toBe(200);
    expect(keys.body.items.map((k: { name: string }) => k.name)).toContain('ci');
    expect(keys.text).not.toContain(key);
  });

  it('import --activate prints the id and the running server picks it up', async () => {
    const file = writeDoc('running.json', orderTotalWorkflow('cli-running'));
    const imported = await runCli(['import', file, '--activate'], { dataDir, port });
    expect(imported.code, imported.stderr).toBe(0);
    const id = imported.stdout.trim();
    expect(id).toMatch(/^\S+$/);

    const total = await waitFor(() => orderTotalFrom(`${server!.url}/webhook/cli-running`), {
      what: 'the imported webhook to answer',
      timeoutMs: 10_000,
    });
    expect(total).toBe(ORDER_TOTAL);
    const record = await api.get(`/api/v1/workflows/${id}`);
    expect(record.status).toBe(200);
    expect(record.body.active).toBe(true);
  });

  it('import --activate while the server is stopped: active after the next start', async () => {
    await server!.stop();
    const file = writeDoc('stopped.json', orderTotalWorkflow('cli-stopped'));
    const imported = await runCli(['import', file, '--activate'], { dataDir, port });
    expect(imported.code, imported.stderr).toBe(0);
    const id = imported.stdout.trim();
    expect(id).toMatch(/^\S+$/);

    server = await start(dataDir, {}, { port });
    api = new ApiClient(server.url, api.auth);
    expect(await orderTotalFrom(`${server.url}/webhook/cli-stopped`)).toBe(ORDER_TOTAL);
    expect(await orderTotalFrom(`${server.url}/webhook/cli-running`)).toBe(ORDER_TOTAL);
    expect((await api.get(`/api/v1/workflows/${id}`)).body.active).toBe(true);
  });

  it('export round-trips the document (stdout and --out), also into another data dir', async () => {
    const original = orderTotalWorkflow('cli-export', 'Export me');
    const imported = await runCli(['import', writeDoc('export.json', original)], { dataDir, port });
    expect(imported.code, imported.stderr).toBe(0);
    const id = imported.stdout.trim();

    const exported = await runCli(['export', id], { dataDir, port });
    expect(exported.code, exported.stderr).toBe(0);
    const doc = JSON.parse(exported.stdout) as {
      name: string;
      nodes: unknown[];
      connections: unknown[];
      schemaVersion: number;
    };
    expect(doc.schemaVersion).toBe(1);
    expect(doc.name).toBe('Export me');
    expect(doc.nodes).toEqual(
      original.nodes.map((n) =>
        expect.objectContaining({ id: n.id, type: n.type, params: expect.objectContaining(n.params) }),
      ),
    );
    expect(doc.connections).toEqual(original.connections);
    // the API's view of the same workflow is the same document
    expect((await api.get(`/api/v1/workflows/${id}/export`)).body).toEqual(doc);

    const outFile = path.join(tmp.dir, 'out.json');
    const toFile = await runCli(['export', id, '--out', outFile], { dataDir, port });
    expect(toFile.code, toFile.stderr).toBe(0);
    expect(JSON.parse(fs.readFileSync(outFile, 'utf8'))).toEqual(doc);

    // a second install imports the exported file and exports the same document
    const otherDir = path.join(tmp.dir, 'other');
    const again = await runCli(['import', outFile], { dataDir: otherDir });
    expect(again.code, again.stderr).toBe(0);
    const reexported = await runCli(['export', again.stdout.trim()], { dataDir: otherDir });
    expect(reexported.code, reexported.stderr).toBe(0);
    const { id: _a, ...first } = doc as typeof doc & { id?: string };
    const { id: _b, ...second } = JSON.parse(reexported.stdout) as typeof doc & { id?: string };
    expect(second).toEqual(first);
  });

  it('fails clearly on a missing file and on an invalid document', async () => {
    const missing = await runCli(['import', path.join(tmp.dir, 'nope.json')], { dataDir, port });
    expect(missing.code).not.toBe(0);
    expect(missing.stdout.trim()).toBe('');
    expect(missing.stderr).toMatch(/nope\.json/);

    const bad = orderTotalWorkflow('cli-bad');
    (bad.nodes[1] as { type: string }).type = 'core.doesNotExist';
    const invalid = await runCli(['import', writeDoc('bad.json', bad)], { dataDir, port });
    expect(invalid.code).not.toBe(0);
    expect(invalid.stdout.trim()).toBe('');
    expect(invalid.stderr).toMatch(/nodes\.1\.type/);

    const notJson = path.join(tmp.dir, 'broken.json');
    fs.writeFileSync(notJson, '{ "name": ');
    const broken = await runCli(['import', notJson], { dataDir, port });
    expect(broken.code).not.toBe(0);
    expect(broken.stderr.length).toBeGreaterThan(0);

    const unknown = await runCli(['export', 'no-such-workflow'], { dataDir, port });
    expect(unknown.code).not.toBe(0);
    expect(unknown.stderr).toMatch(/no-such-workflow/);

    // the server is unaffected
    expect((await fetch(`${server!.url}/healthz`)).status).toBe(200);
  });
});

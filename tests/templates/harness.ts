import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { setupOwner, startTestServer, type TestServer } from '@shopwire/server/test-support';
import { importTemplate, templateSchema, type Template } from '@shopwire/server/templates';
import { fakeCredentialData, startAllFakes, type AllFakes } from '../fakes/all-fakes.js';

/**
 * One real Shopwire server (temp data dir, real HTTP, public URL = its own address) plus every
 * service fake, with one stored credential per type pointing at its fake. Templates are imported
 * the way the gallery does it (only the credentials they declare) and activated through the API.
 */

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export interface Execution {
  id: string;
  status: string;
  error: { message: string } | null;
}

export interface Harness {
  fakes: AllFakes;
  server: TestServer;
  url: string;
  slackWebhookUrl: string;
  api(method: string, urlPath: string, json?: unknown): Promise<{ status: number; json: any }>; // eslint-disable-line @typescript-eslint/no-explicit-any
  /** imports a template (after `patch` edits its workflow, e.g. short waits) and optionally activates it */
  use(templateId: string, options?: { patch?: (workflow: any) => void; activate?: boolean }): Promise<string>; // eslint-disable-line @typescript-eslint/no-explicit-any
  run(workflowId: string, startNodeId: string): Promise<Execution>;
  executions(workflowId: string): Promise<Execution[]>;
  /** waits until `count` executions exist and none is queued, running or waiting */
  settled(workflowId: string, count: number, timeoutMs?: number): Promise<Execution[]>;
  close(): Promise<void>;
}

export function readTemplate(id: string): Template {
  return templateSchema.parse(
    JSON.parse(fs.readFileSync(path.join(repo, 'templates', `${id}.json`), 'utf8')),
  );
}

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = net.createServer();
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(port));
    });
  });
}

export async function startHarness(): Promise<Harness> {
  const fakes = await startAllFakes({ rateLimits: false });
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const server = await startTestServer({
    PORT: String(port),
    SHOPWIRE_PUBLIC_URL: url,
    SHOPWIRE_LOG_LEVEL: 'info',
  });
  const cookie = await setupOwner(server);
  const api: Harness['api'] = async (method, urlPath, json) => {
    const res = await server.request(method, urlPath, json === undefined ? { cookie } : { cookie, json });
    return { status: res.status, json: res.json };
  };
  const slackWebhookUrl = fakes.slack.createWebhook('#shop');
  const data = fakeCredentialData(fakes, { shopwireUrl: url, slackWebhookUrl });
  const credentialIds = new Map<string, string>();
  async function credential(type: string): Promise<string> {
    const known = credentialIds.get(type);
    if (known) return known;
    const res = await api('POST', '/api/v1/credentials', { name: `${type} (fake)`, type, data: data[type] });
    if (res.status !== 201) throw new Error(`credential ${type}: ${res.status} ${JSON.stringify(res.json)}`);
    credentialIds.set(type, res.json.id as string);
    return res.json.id as string;
  }

  const executions: Harness['executions'] = async (workflowId) =>
    (await api('GET', `/api/v1/executions?workflowId=${workflowId}`)).json.items as Execution[];

  return {
    fakes,
    server,
    url,
    slackWebhookUrl,
    api,
    async use(templateId, options = {}) {
      const template = readTemplate(templateId);
      options.patch?.(template.workflow);
      const ids: Record<string, string> = {};
      for (const slot of template.credentials) ids[slot.slot] = await credential(slot.type);
      const { record } = await importTemplate({
        store: server.store,
        registry: server.registry,
        runtime: server.runtime,
        template,
        projectId: 'default',
        credentials: ids,
      });
      if (options.activate) {
        const res = await api('POST', `/api/v1/workflows/${record.id}/activate`);
        if (res.status !== 200)
          throw new Error(`activate ${templateId}: ${res.status} ${JSON.stringify(res.json)}`);
      }
      return record.id;
    },
    async run(workflowId, startNodeId) {
      const res = await api('POST', `/api/v1/workflows/${workflowId}/run`, {
        startNodeId,
        wait: true,
        timeoutMs: 60_000,
      });
      if (res.status !== 200) throw new Error(`run: ${res.status} ${JSON.stringify(res.json)}`);
      return res.json as Execution;
    },
    executions,
    async settled(workflowId, count, timeoutMs = 20_000) {
      const until = Date.now() + timeoutMs;
      for (;;) {
        const list = await executions(workflowId);
        const busy = list.some((e) => ['queued', 'running', 'waiting'].includes(e.status));
        if (list.length >= count && !busy) return list;
        if (Date.now() > until)
          throw new Error(`executions did not settle: ${JSON.stringify(list.map((e) => e.status))}`);
        await new Promise((r) => setTimeout(r, 100));
      }
    },
    async close() {
      await server.stop();
      await fakes.close();
    },
  };
}

/** The error of a failed execution, with its failing step, for readable test failures. */
export async function explain(h: Harness, execution: Execution): Promise<string> {
  const detail = (await h.api('GET', `/api/v1/executions/${execution.id}`)).json;
  const failed = (detail.steps as { nodeName: string; status: string; error?: unknown }[]).filter(
    (s) => s.status === 'error',
  );
  return JSON.stringify({ status: detail.status, error: detail.error, failed });
}

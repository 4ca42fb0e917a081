import { setupOwner, startTestServer } from '@shopwire/server/test-support';

/** The shared real-server harness, signed in as the owner (request() adds the CSRF header). */
export async function startSignedInServer() {
  const server = await startTestServer();
  const cookie = await setupOwner(server);
  const api = (method: string, urlPath: string, json?: unknown) =>
    server.request(method, urlPath, json === undefined ? { cookie } : { cookie, json });
  return { server, api, stop: () => server.stop() };
}
export type SignedInServer = Awaited<ReturnType<typeof startSignedInServer>>;

/** Polls until no execution of the workflow is queued or running, and returns them all. */
export async function finishedExecutions(
  sw: SignedInServer,
  workflowId: string,
): Promise<{ id: string; status: string }[]> {
  for (let i = 0; i < 100; i++) {
    const list = await sw.api('GET', `/api/v1/executions?workflowId=${workflowId}`);
    const items = list.json.items as { id: string; status: string }[];
    if (items.every((e) => !['queued', 'running'].includes(e.status))) return items;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error('executions did not finish');
}

import fs from 'node:fs';
import path from 'node:path';
import { Hono } from 'hono';
import type { Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { AppDeps, AppEnv } from './app-env.js';
import { authorize } from './access/authorize.js';
import { assertRoutePermissions, auditRoute } from './access/route-rules.js';
import { requireCsrf } from './auth/csrf.js';
import { requireAuth } from './auth/middleware.js';
import { ApiError, errorResponse } from './errors.js';
import { accessLog, refuseCorsPreflight, securityHeaders } from './middleware.js';
import { createOutboundHttp } from './outbound-http.js';
import { buildOpenApiDocument, type ExtraOperation } from './openapi/build-document.js';
import { apiRouteTable } from './routes/api-routes.js';
import { parseWith, readJsonBody } from './routes/request.js';
import { route, type RouteDef } from './routes/route-def.js';
import { createStaticWebRoutes, defaultWebDistDir } from './routes/static-web.js';
import { createWebhookRoutes } from './routes/webhooks.js';
import { serverRoot } from './server-root.js';

/** Wires the route table, auth, limits, webhooks and the one error handler into a Hono app. */

const API_BODY_BYTES = 1024 * 1024;

/** Webhook endpoints are mounted from routes/webhooks.ts; documented here. */
export const webhookOperations: ExtraOperation[] = ['/webhook/*', '/webhook-test/*'].flatMap((path) =>
  ['get', 'post', 'put', 'patch', 'delete'].map((method) => ({
    method,
    path,
    summary: path.startsWith('/webhook-test')
      ? 'Test webhook (editor listening): runs the workflow being edited'
      : 'Production webhook of an active workflow',
    tag: 'webhooks',
    public: true,
  })),
);

/** The editor's files and client-side routes (routes/static-web.ts), mounted last. */
const editorOperation: ExtraOperation = {
  method: 'get',
  // the sub-app's get('*') is mounted at '/', so Hono registers it as '/*' (OpenAPI: '/{path}')
  path: '/*',
  summary: 'The editor: static files, and index.html for client-side routes',
  tag: 'editor',
  public: true,
};

export function createApp(deps: AppDeps): Hono<AppEnv> {
  const { store, runtime, config, logger } = deps;
  const http = deps.http ?? createOutboundHttp(config);
  const app = new Hono<AppEnv>();

  app.onError((error, c) => errorResponse(error, c, logger));
  app.notFound((c) =>
    c.json({ error: { code: 'NOT_FOUND', message: `no route ${c.req.method} ${c.req.path}` } }, 404),
  );
  // Webhooks first: their hot path skips the API middleware below. routes/webhooks.ts sets the
  // security headers itself, refuses CORS preflights and keeps its own (debug-level) access log.
  app.route('/', createWebhookRoutes(runtime, { maxBodyBytes: config.maxBodyBytes, logger }));
  app.use('*', accessLog(logger), securityHeaders(), refuseCorsPreflight());

  const routes = apiRouteTable({ ...deps, http });
  let openApi: Record<string, unknown> | undefined;
  routes.push(
    route({
      method: 'get',
      path: '/api/v1/openapi.json',
      summary: 'This OpenAPI 3.1 document',
      tag: 'meta',
      permission: { scope: 'instance', action: 'instance:read' },
      async handler(c) {
        openApi ??= buildOpenApiDocument({
          routes,
          extra: [...webhookOperations, editorOperation],
          version: packageVersion(),
          serverUrl: config.publicUrl,
        });
        return c.json(openApi);
      },
    }),
  );

  const publicRoutes = new Set(
    routes.filter((r) => r.public).map((r) => `${r.method.toUpperCase()} ${r.path}`),
  );
  // a route without a permission rule fails here, before anything is served
  assertRoutePermissions(routes);
  app.use('/api/v1/*', requireAuth({ store, publicRoutes }), requireCsrf());
  for (const def of routes) {
    if (def.method === 'get' || def.method === 'delete')
      app.on(def.method.toUpperCase(), def.path, handle(def, deps));
    else
      app.on(
        def.method.toUpperCase(),
        def.path,
        limitBody(def.maxBodyBytes ?? API_BODY_BYTES),
        handle(def, deps),
      );
  }
  // last: the editor's files and its client-side routes
  app.route('/', createStaticWebRoutes({ distDir: defaultWebDistDir() }));
  return app;
}

function limitBody(maxSize: number) {
  return bodyLimit({
    maxSize,
    onError: () => {
      throw new ApiError(413, 'PAYLOAD_TOO_LARGE', `body: larger than ${maxSize} bytes`, 'body');
    },
  });
}

function handle(def: RouteDef, deps: AppDeps) {
  return async (c: Context<AppEnv>) => {
    // the one permission check: before the body is read or validated
    const access = await authorize(c, def.permission, deps.store);
    const raw = def.method === 'get' || def.method === 'delete' ? undefined : await readJsonBody(c);
    const body = def.body ? parseWith(def.body, raw ?? {}) : raw;
    const query = def.query ? parseWith(def.query, c.req.query(), 'query') : c.req.query();
    const result = await def.handler(c, {
      body,
      query,
      params: c.req.param() as Record<string, string>,
      auth: c.get('auth'),
      access,
    });
    if (def.audit) await auditRoute(deps, c, def, access, result);
    if (result instanceof Response) return result;
    return c.json(result as object, (def.status ?? 200) as 200);
  };
}

let cachedVersion: string | undefined;
function packageVersion(): string {
  if (cachedVersion) return cachedVersion;
  try {
    const pkg = JSON.parse(fs.readFileSync(path.join(serverRoot(), 'package.json'), 'utf8')) as {
      version?: string;
    };
    cachedVersion = pkg.version ?? '0.0.0';
  } catch {
    cachedVersion = '0.0.0';
  }
  return cachedVersion;
}

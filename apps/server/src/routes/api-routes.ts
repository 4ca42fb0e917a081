import { expressionPreviewRoutes } from './expression-preview.js';
import type { HttpClient } from '@shopwire/sdk';
import type { AppDeps } from '../app-env.js';
import { authRoutes } from './auth.js';
import { credentialRoutes } from './credentials.js';
import { executionRoutes } from './executions.js';
import { healthRoutes } from './health.js';
import { nodeTypeRoutes } from './node-types.js';
import type { RouteDef } from './route-def.js';
import { variableRoutes } from './variables.js';
import { workflowRunRoutes } from './workflow-run.js';
import { workflowRoutes } from './workflows.js';

/** THE route table (minus webhooks and the OpenAPI document itself, which app.ts adds). */
export function apiRouteTable(deps: AppDeps & { http: HttpClient }): RouteDef[] {
  return [
    ...healthRoutes(deps),
    ...authRoutes(deps),
    ...workflowRoutes(deps),
    ...workflowRunRoutes(deps),
    ...executionRoutes(deps),
    ...nodeTypeRoutes(deps),
    ...credentialRoutes(deps),
    ...variableRoutes(deps),
    ...expressionPreviewRoutes(deps),
  ];
}

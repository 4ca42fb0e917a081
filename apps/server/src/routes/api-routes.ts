import { expressionPreviewRoutes } from './expression-preview.js';
import type { HttpClient } from '@shopwire/sdk';
import type { AppDeps } from '../app-env.js';
import { createLoginLimiter } from '../auth/login-limiter.js';
import { accountRoutes } from './account.js';
import { apiKeyRoutes } from './api-keys.js';
import { auditRoutes } from './audit.js';
import { authRoutes } from './auth.js';
import { credentialRoutes } from './credentials.js';
import { executionRoutes } from './executions.js';
import { healthRoutes } from './health.js';
import { nodeTypeRoutes } from './node-types.js';
import { projectRoutes } from './projects.js';
import type { RouteDef } from './route-def.js';
import { userRoutes } from './users.js';
import { variableRoutes } from './variables.js';
import { workflowRunRoutes } from './workflow-run.js';
import { templateRoutes } from './templates.js';
import { workflowRoutes } from './workflows.js';

/** THE route table (minus webhooks and the OpenAPI document itself, which app.ts adds). */
export function apiRouteTable(deps: AppDeps & { http: HttpClient }): RouteDef[] {
  // one limiter for login and password checks, so both count against the same account
  const loginLimiter =
    deps.loginLimiter ??
    createLoginLimiter({
      maxFailures: deps.config.loginMaxFailures,
      lockoutMs: deps.config.loginLockoutMinutes * 60_000,
    });
  return [
    ...healthRoutes(deps),
    ...authRoutes({ ...deps, loginLimiter }),
    ...accountRoutes({ ...deps, loginLimiter }),
    ...apiKeyRoutes(deps),
    ...userRoutes(deps),
    ...projectRoutes(deps),
    ...auditRoutes(deps),
    ...workflowRoutes(deps),
    ...workflowRunRoutes(deps),
    ...executionRoutes(deps),
    ...nodeTypeRoutes(deps),
    ...credentialRoutes(deps),
    ...variableRoutes(deps),
    ...templateRoutes(deps),
    ...expressionPreviewRoutes(deps),
  ];
}

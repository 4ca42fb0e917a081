import type { Context } from 'hono';
import type { Role, Store } from '@shopwire/db';
import { DEFAULT_PROJECT, type AppEnv, type AuthInfo } from '../app-env.js';
import { ApiError, notFound } from '../errors.js';
import {
  API_KEY_SCOPE_ACTIONS,
  isInstanceAdmin,
  roleAllows,
  type Action,
  type Permission,
  type ResourceKind,
} from './permissions.js';

/** The outcome of the central permission check, handed to the route handler. */
export interface Access {
  /** the project the request acts in (the resource's, `?projectId=`, or the default project) */
  projectId: string;
  /** the caller's effective role there (undefined on public routes) */
  role: Role | undefined;
}

const PROJECT_ID = /^[A-Za-z0-9_-]{1,128}$/;

function forbidden(message: string): ApiError {
  return new ApiError(403, 'FORBIDDEN', message);
}

async function projectOf(store: Store, kind: ResourceKind, id: string): Promise<string | undefined> {
  switch (kind) {
    case 'workflow':
      return (await store.workflows.get(id))?.projectId;
    case 'execution':
      return (await store.executions.get(id))?.projectId;
    case 'credential':
      return (await store.credentials.get(id))?.projectId;
    case 'project':
      return (await store.projects.get(id))?.id;
  }
}

function checkKeyScope(auth: AuthInfo, action: Action): void {
  if (auth.via !== 'apiKey') return;
  const scope = auth.apiKeyScope ?? 'read';
  if (!API_KEY_SCOPE_ACTIONS[scope].has(action)) {
    throw forbidden(
      action === 'account:write'
        ? 'API keys cannot change the password or second factor: log in'
        : `this API key has scope "${scope}", which does not allow ${action}`,
    );
  }
}

/** Resolves the project and role for a route and throws 401/403/404 when the caller may not proceed. */
export async function authorize(c: Context<AppEnv>, permission: Permission, store: Store): Promise<Access> {
  if (permission.scope === 'public') return { projectId: DEFAULT_PROJECT, role: undefined };
  const auth = c.get('auth');
  if (!auth) throw new ApiError(401, 'UNAUTHENTICATED', 'log in or send an API key');
  const { user } = auth;

  if (permission.scope === 'self' || permission.scope === 'instance') {
    if (!roleAllows(user.role, permission.action))
      throw forbidden(`your role (${user.role}) does not allow ${permission.action}`);
    checkKeyScope(auth, permission.action);
    return { projectId: DEFAULT_PROJECT, role: user.role };
  }

  let projectId: string | undefined;
  if (permission.resource) {
    const id = c.req.param(permission.param ?? 'id') ?? '';
    projectId = id === '' ? undefined : await projectOf(store, permission.resource, id);
    if (projectId === undefined) throw notFound(`${permission.resource} ${id}`);
  } else {
    projectId = c.req.query('projectId') || DEFAULT_PROJECT;
    if (!PROJECT_ID.test(projectId) || !(await store.projects.get(projectId)))
      throw notFound(`project ${projectId}`);
  }

  let role: Role | undefined = isInstanceAdmin(user.role)
    ? user.role
    : await store.projects.memberRole(projectId, user.id);
  if (role === undefined) throw forbidden(`you are not a member of project ${projectId}`);
  // a member's project role never exceeds editor, whatever is stored
  if (!isInstanceAdmin(user.role) && role !== 'viewer') role = 'editor';
  if (!roleAllows(role, permission.action))
    throw forbidden(`your role (${role}) in project ${projectId} does not allow ${permission.action}`);
  checkKeyScope(auth, permission.action);
  return { projectId, role };
}

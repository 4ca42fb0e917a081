import type { ApiKeyScope, Role } from '@shopwire/db';

/**
 * Who may do what. Every route declares one `Permission`; the central check (authorize.ts) resolves
 * the caller's role — instance role for owner/admin, the per-project membership role for everyone
 * else — and the API key's scope, and allows the action only when BOTH grant it.
 */

export type ProjectAction =
  | 'project:read'
  | 'project:manage'
  | 'workflow:read'
  | 'workflow:write'
  | 'workflow:execute'
  | 'workflow:activate'
  | 'credential:read'
  | 'credential:write'
  | 'variable:read'
  | 'variable:write';

export type InstanceAction = 'instance:read' | 'user:read' | 'user:manage' | 'project:create' | 'audit:read';

/** things any signed-in principal does to itself; `account:write` (password, TOTP) needs a session */
export type SelfAction = 'self:read' | 'self:write' | 'account:write';

export type Action = ProjectAction | InstanceAction | SelfAction;

/** The resource whose project decides a project-scoped route (looked up by a path parameter). */
export type ResourceKind = 'workflow' | 'execution' | 'credential' | 'project';

export type Permission =
  | { scope: 'public' }
  | { scope: 'self'; action: SelfAction }
  | { scope: 'instance'; action: InstanceAction }
  | {
      scope: 'project';
      action: ProjectAction;
      /** omitted: the project comes from `?projectId=` (default project when absent) */
      resource?: ResourceKind;
      /** path parameter holding the resource id (default `id`) */
      param?: string;
    };

const VIEWER: readonly Action[] = [
  'project:read',
  'workflow:read',
  'credential:read',
  'variable:read',
  'instance:read',
  'self:read',
  'self:write',
  'account:write',
];
const EDITOR: readonly Action[] = [
  ...VIEWER,
  'workflow:write',
  'workflow:execute',
  'workflow:activate',
  'credential:write',
  'variable:write',
];
const ADMIN: readonly Action[] = [
  ...EDITOR,
  'project:manage',
  'project:create',
  'user:read',
  'user:manage',
  'audit:read',
];

export const ROLE_ACTIONS: Record<Role, ReadonlySet<Action>> = {
  owner: new Set(ADMIN),
  admin: new Set(ADMIN),
  editor: new Set(EDITOR),
  viewer: new Set(VIEWER),
};

const READ_ACTIONS: readonly Action[] = [
  'project:read',
  'workflow:read',
  'credential:read',
  'variable:read',
  'instance:read',
  'user:read',
  'audit:read',
  'self:read',
];

/** What an API key of each scope may do at most (further limited by its user's role). */
export const API_KEY_SCOPE_ACTIONS: Record<ApiKeyScope, ReadonlySet<Action>> = {
  read: new Set(READ_ACTIONS),
  execute: new Set([...READ_ACTIONS, 'workflow:execute']),
  // everything but changing the account's own password / second factor
  manage: new Set([...ADMIN.filter((a) => a !== 'account:write')]),
};

/** Roles that see every project with their instance role. */
export function isInstanceAdmin(role: Role): boolean {
  return role === 'owner' || role === 'admin';
}

export function roleAllows(role: Role, action: Action): boolean {
  return ROLE_ACTIONS[role].has(action);
}

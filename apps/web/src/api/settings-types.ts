import type { User } from './types.js';

/* Settings: audit log, users, projects, API keys, the own account (routes in apps/server/src/routes/
 * audit.ts, users.ts, projects.ts, api-keys.ts, account.ts; their zod schemas aren't exported). */
export type InstanceRole = 'owner' | 'admin' | 'editor' | 'viewer';
export type ProjectRole = 'editor' | 'viewer';
export type ApiKeyScope = 'read' | 'execute' | 'manage';

export interface AuditEntry {
  id: string;
  at: string;
  action: string;
  actorId: string | null;
  actorLabel: string | null;
  targetType: string | null;
  targetId: string | null;
  projectId: string | null;
  ip: string | null;
  userAgent: string | null;
  details: Record<string, unknown> | null;
}

export interface AuditQuery {
  /** user id or email */
  actor?: string;
  action?: string;
  /** ISO dates */
  from?: string;
  to?: string;
  cursor?: string;
  limit?: number;
}

/** the signed-in user as GET /me returns it (with the TOTP flag) */
export interface AccountUser extends User {
  totpEnabled: boolean;
}

export interface ManagedUser extends AccountUser {
  projects: { projectId: string; role: ProjectRole }[];
}

export interface Project {
  id: string;
  name: string;
  createdAt: string;
  /** the caller's role in it (owners and admins: their instance role) */
  role: string;
}

export interface ProjectMember {
  userId: string;
  email: string;
  name: string;
  role: ProjectRole;
  createdAt: string;
}

export interface ApiKey {
  id: string;
  name: string;
  prefix: string;
  scope: ApiKeyScope;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

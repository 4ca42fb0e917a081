import type { JsonValue } from '@shopwire/sdk';
import type { Role, UserRecord } from './store-types.js';

/** Store contracts for accounts, projects, the audit log and the credential vault (migration 0003). */

export type ApiKeyScope = 'read' | 'execute' | 'manage';
export const API_KEY_SCOPES: readonly ApiKeyScope[] = ['read', 'execute', 'manage'];

/** Per-project role of a member. Owners and admins see every project with their instance role. */
export type ProjectRole = 'editor' | 'viewer';
export const PROJECT_ROLES: readonly ProjectRole[] = ['editor', 'viewer'];

export interface ProjectRecord {
  id: string;
  name: string;
  createdAt: string;
}

export interface ProjectMemberRecord {
  projectId: string;
  userId: string;
  role: ProjectRole;
  createdAt: string;
}

export interface TotpState {
  /** the decrypted base32 secret (pending or enabled), or null */
  secret: string | null;
  enabled: boolean;
  lastStep: number | null;
}

export interface AuditEntry {
  action: string;
  actorId?: string | null;
  /** email of the user, or 'system' / 'cli' */
  actorLabel?: string | null;
  targetType?: string | null;
  targetId?: string | null;
  projectId?: string | null;
  ip?: string | null;
  userAgent?: string | null;
  details?: Record<string, JsonValue>;
}

export interface AuditRecord {
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
  details: Record<string, JsonValue> | null;
}

export interface AuditFilter {
  actorId?: string;
  action?: string;
  /** ISO timestamps, inclusive */
  from?: string;
  to?: string;
  cursor?: string;
  /** default 50, max 500 */
  limit?: number;
}

/** User changes beyond create/get, sessions per user and the TOTP second factor. */
export interface AccountsRepo {
  update(id: string, patch: { name?: string; role?: Role; passwordHash?: string }): Promise<UserRecord>;
  delete(id: string): Promise<boolean>;
  /** deletes every session of the user except `exceptTokenHash`; returns how many */
  revokeSessions(userId: string, exceptTokenHash?: string): Promise<number>;
  getTotp(userId: string): Promise<TotpState>;
  /** stores (encrypted) or clears the secret; `enabled` only after a confirmed code */
  setTotp(userId: string, input: { secret: string | null; enabled: boolean }): Promise<void>;
  /** records an accepted time step; false if this step (or a later one) was used already */
  useTotpStep(userId: string, step: number): Promise<boolean>;
}

export interface ProjectsRepo {
  list(): Promise<ProjectRecord[]>;
  get(id: string): Promise<ProjectRecord | undefined>;
  create(input: { name: string }): Promise<ProjectRecord>;
  members(projectId: string): Promise<ProjectMemberRecord[]>;
  /** the projects a user is a member of, with the role */
  membershipsOf(userId: string): Promise<ProjectMemberRecord[]>;
  memberRole(projectId: string, userId: string): Promise<ProjectRole | undefined>;
  /** adds the member or changes the role */
  setMember(projectId: string, userId: string, role: ProjectRole): Promise<ProjectMemberRecord>;
  removeMember(projectId: string, userId: string): Promise<boolean>;
}

/** Append-only: there is no update or delete besides retention pruning. */
export interface AuditRepo {
  append(entry: AuditEntry): Promise<AuditRecord>;
  list(filter: AuditFilter): Promise<{ items: AuditRecord[]; nextCursor: string | null }>;
  /** deletes entries older than `before` in batches; returns how many */
  prune(before: string, batchSize?: number): Promise<number>;
}

/** Key rotation: re-encrypts secrets to the keyring's current key in small transactions. */
export interface VaultRepo {
  /** rows per key id (credentials and TOTP secrets) */
  keyUsage(): Promise<Record<string, number>>;
  /**
   * Re-encrypts up to `limit` rows not on the current key, each batch in one transaction. A row
   * changed meanwhile (by a running server) is skipped and picked up by the next call.
   */
  reencryptBatch(options: { limit: number }): Promise<{ reencrypted: number; remaining: number }>;
}

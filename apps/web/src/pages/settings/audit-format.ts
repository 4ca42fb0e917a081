import type { AuditEntry, AuditQuery } from '../../api/client.js';

/** The audit log's filter values, action list and how an entry reads in the table. */

export interface AuditFilters {
  actor: string;
  action: string;
  /** YYYY-MM-DD (local day) */
  from: string;
  to: string;
}

export const NO_FILTERS: AuditFilters = { actor: '', action: '', from: '', to: '' };

/** docs/access-control.md, "Audit log" */
export const AUDIT_ACTIONS = [
  'auth.login',
  'auth.login_failed',
  'auth.login_blocked',
  'auth.password_change',
  'auth.totp_enrol',
  'auth.totp_enable',
  'auth.totp_disable',
  'user.create',
  'user.update',
  'user.role_change',
  'user.delete',
  'project.create',
  'project.member_add',
  'project.member_update',
  'project.member_remove',
  'credential.create',
  'credential.update',
  'credential.delete',
  'credential.test',
  'credential.use',
  'workflow.create',
  'workflow.import',
  'workflow.update',
  'workflow.activate',
  'workflow.deactivate',
  'workflow.delete',
  'variable.set',
  'variable.delete',
  'api_key.create',
  'api_key.revoke',
  'keys.rotate',
];

/** Local calendar days → the server's ISO bounds (the `to` day is included in full). */
export function auditQuery(filters: AuditFilters): AuditQuery {
  return {
    actor: filters.actor.trim() || undefined,
    action: filters.action || undefined,
    from: filters.from ? new Date(`${filters.from}T00:00:00`).toISOString() : undefined,
    to: filters.to ? new Date(`${filters.to}T23:59:59.999`).toISOString() : undefined,
  };
}

export function isFiltered(filters: AuditFilters): boolean {
  return Object.values(filters).some((v) => v !== '');
}

/** failed or blocked logins stand out; everything else is neutral */
export function actionTone(action: string): 'danger' | 'warning' | 'neutral' {
  if (action === 'auth.login_failed' || action === 'auth.login_blocked') return 'danger';
  if (action.endsWith('.delete') || action.endsWith('.revoke') || action.endsWith('_remove'))
    return 'warning';
  return 'neutral';
}

export function actorText(entry: AuditEntry): string {
  return entry.actorLabel ?? entry.actorId ?? 'System';
}

/** `type:id` → a readable name (workflow name, user email...), from the lists the caller may read. */
export type TargetNames = Map<string, string>;

/** "workflow" + the most readable name: the entry's own details, else the current name, else the id. */
export function targetText(
  entry: AuditEntry,
  names: TargetNames,
): { type: string; label: string } | undefined {
  if (!entry.targetType && !entry.targetId) return undefined;
  const details = entry.details ?? {};
  const named = [details['name'], details['email']].find(
    (v): v is string => typeof v === 'string' && v !== '',
  );
  const known = entry.targetId ? names.get(`${entry.targetType ?? ''}:${entry.targetId}`) : undefined;
  return { type: entry.targetType ?? '', label: named ?? known ?? entry.targetId ?? '' };
}

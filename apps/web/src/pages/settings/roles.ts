import type { InstanceRole, ProjectRole } from '../../api/client.js';

/** Role labels and who may hand out which role (the server enforces the same rules). */

export const ROLE_LABELS: Record<InstanceRole, string> = {
  owner: 'Owner',
  admin: 'Admin',
  editor: 'Editor',
  viewer: 'Viewer',
};

export const ROLE_HINTS: Record<InstanceRole, string> = {
  owner: 'Everything, including other owners.',
  admin: 'Everything except the owner role: users, projects, audit log.',
  editor: 'Builds and runs workflows in the projects they are a member of.',
  viewer: 'Reads workflows and executions in their projects; changes nothing.',
};

export const PROJECT_ROLE_OPTIONS: { value: ProjectRole; label: string }[] = [
  { value: 'editor', label: 'Editor' },
  { value: 'viewer', label: 'Viewer' },
];

/** Only the owner grants the owner role. */
export function grantableRoles(callerRole: string): InstanceRole[] {
  return callerRole === 'owner' ? ['owner', 'admin', 'editor', 'viewer'] : ['admin', 'editor', 'viewer'];
}

export function roleLabel(role: string): string {
  return ROLE_LABELS[role as InstanceRole] ?? role;
}

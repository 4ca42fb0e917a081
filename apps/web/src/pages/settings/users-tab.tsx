import { useState } from 'react';
import { api, errorMessage, type InstanceRole, type ManagedUser, type User } from '../../api/client.js';
import { formatDateTime, relativeTime } from '../../lib/format.js';
import { Button } from '../../ui/button.js';
import { useConfirm } from '../../ui/dialog.js';
import { EmptyState } from '../../ui/empty-state.js';
import { SelectField } from '../../ui/select.js';
import { SkeletonRows } from '../../ui/spinner.js';
import { useToast } from '../../ui/toast.js';
import { InviteUserDialog } from './invite-user-dialog.js';
import { NoAccess } from './no-access.js';
import { grantableRoles, ROLE_LABELS, roleLabel } from './roles.js';
import { UsersIcon } from './settings-icons.js';
import { isForbidden, isInstanceAdmin, useLoad } from './use-load.js';

/** Users with their role: invite, change the role in place, delete (owners and admins). */
export function UsersTab({ user: me }: { user: User }) {
  const toast = useToast();
  const confirm = useConfirm();
  const list = useLoad(() => api.users.list(), []);
  const projects = useLoad(() => api.projects.list(), []);
  const [inviting, setInviting] = useState(false);
  const [busy, setBusy] = useState<string>();
  const canManage = isInstanceAdmin(me.role);

  if (isForbidden(list.error))
    return (
      <NoAccess title="Only owners and admins can manage users">
        You can change your own password and second factor under Account.
      </NoAccess>
    );

  const replace = (updated: ManagedUser) =>
    list.setData((d) => d && { items: d.items.map((u) => (u.id === updated.id ? updated : u)) });

  const changeRole = async (target: ManagedUser, role: InstanceRole) => {
    if (role === target.role) return;
    setBusy(target.id);
    try {
      replace(await api.users.update(target.id, { role }));
      toast.success(`${target.name} is now ${roleLabel(role).toLowerCase()}.`);
    } catch (e) {
      toast.error(`Could not change the role of ${target.name}: ${errorMessage(e)}`);
    } finally {
      setBusy(undefined);
    }
  };

  const remove = async (target: ManagedUser) => {
    const ok = await confirm({
      title: `Delete ${target.name}?`,
      message: `${target.email} can no longer sign in; their sessions, API keys and project memberships are removed. Their workflows stay. This cannot be undone.`,
      confirmLabel: 'Delete user',
      danger: true,
    });
    if (!ok) return;
    setBusy(target.id);
    try {
      await api.users.remove(target.id);
      list.setData((d) => d && { items: d.items.filter((u) => u.id !== target.id) });
      toast.success(`Deleted ${target.email}.`);
    } catch (e) {
      toast.error(`Could not delete ${target.email}: ${errorMessage(e)}`);
    } finally {
      setBusy(undefined);
    }
  };

  const items = [...(list.data?.items ?? [])].sort(
    (a, b) => a.createdAt.localeCompare(b.createdAt) || a.email.localeCompare(b.email),
  );
  const projectNames = new Map((projects.data?.items ?? []).map((p) => [p.id, p.name] as const));
  const firstLoad = list.loading && !list.data;

  return (
    <>
      <div className="tab-header">
        <p className="muted">
          Owners and admins see every project. Editors and viewers see only the projects they are members of.
        </p>
        {canManage && (
          <Button variant="primary" onClick={() => setInviting(true)}>
            Invite user
          </Button>
        )}
      </div>
      <div className="card">
        {!firstLoad && !list.error && items.length === 0 ? (
          <EmptyState icon={<UsersIcon size={24} />} title="No users yet" />
        ) : (
          <table className="table" aria-label="Users" aria-busy={list.loading}>
            <colgroup>
              <col />
              <col style={{ width: 160 }} />
              <col style={{ width: 90 }} />
              <col style={{ width: '24%' }} />
              <col style={{ width: 130 }} />
              <col style={{ width: 100 }} />
            </colgroup>
            <thead>
              <tr>
                <th scope="col">User</th>
                <th scope="col">Role</th>
                <th scope="col">2FA</th>
                <th scope="col">Projects</th>
                <th scope="col">Added</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {firstLoad && <SkeletonRows columns={6} rows={3} />}
              {items.map((u) => {
                const self = u.id === me.id;
                // only the owner touches owners; nobody changes or deletes themselves here
                const locked = self || !canManage || (u.role === 'owner' && me.role !== 'owner');
                const roles = grantableRoles(me.role);
                const options = (
                  roles.includes(u.role as InstanceRole) ? roles : [u.role as InstanceRole, ...roles]
                ).map((r) => ({ value: r, label: ROLE_LABELS[r] ?? r }));
                const memberships = u.projects
                  .map((m) => `${projectNames.get(m.projectId) ?? m.projectId} (${m.role})`)
                  .join(', ');
                return (
                  <tr key={u.id}>
                    <td className="cell-name">
                      <span className="row-title">
                        {u.name}
                        {self && <span className="muted"> (you)</span>}
                      </span>
                      <span className="row-subtitle">{u.email}</span>
                    </td>
                    <td className="cell-role">
                      {locked ? (
                        <span className="role-text">{roleLabel(u.role)}</span>
                      ) : (
                        <SelectField
                          label={`Role of ${u.email}`}
                          hideLabel
                          className="select-inline"
                          options={options}
                          value={u.role}
                          disabled={busy === u.id}
                          onChange={(e) => void changeRole(u, e.target.value as InstanceRole)}
                        />
                      )}
                    </td>
                    <td>
                      <span className={u.totpEnabled ? 'badge badge-success' : 'badge badge-neutral'}>
                        {u.totpEnabled ? 'On' : 'Off'}
                      </span>
                    </td>
                    <td className="cell-ellipsis" title={memberships || undefined}>
                      {isInstanceAdmin(u.role) ? (
                        <span className="muted">All projects</span>
                      ) : (
                        memberships || <span className="muted">None</span>
                      )}
                    </td>
                    <td title={formatDateTime(u.createdAt)}>{relativeTime(u.createdAt)}</td>
                    <td className="cell-actions">
                      {!locked && (
                        <Button
                          size="sm"
                          variant="ghost"
                          aria-label={`Delete ${u.email}`}
                          loading={busy === u.id}
                          onClick={() => void remove(u)}
                        >
                          Delete
                        </Button>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        )}
        {list.error !== undefined && (
          <p className="table-message alert alert-error" role="alert">
            Could not load users: {errorMessage(list.error)}
          </p>
        )}
      </div>
      {inviting && (
        <InviteUserDialog
          callerRole={me.role}
          projects={projects.data?.items ?? []}
          onClose={() => setInviting(false)}
          onInvited={(created) => {
            setInviting(false);
            list.setData((d) => ({ items: [...(d?.items ?? []), created] }));
            toast.success(`Invited ${created.email} as ${roleLabel(created.role).toLowerCase()}.`);
          }}
        />
      )}
    </>
  );
}

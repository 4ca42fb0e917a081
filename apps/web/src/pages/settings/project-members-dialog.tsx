import { useState } from 'react';
import { api, errorMessage, type Project, type ProjectMember, type ProjectRole } from '../../api/client.js';
import { Button } from '../../ui/button.js';
import { Dialog, useConfirm } from '../../ui/dialog.js';
import { SelectField } from '../../ui/select.js';
import { useToast } from '../../ui/toast.js';
import { PROJECT_ROLE_OPTIONS } from './roles.js';
import { useLoad } from './use-load.js';

/** A project's members: add a user, change a member's role, remove one (owners and admins). */
export function ProjectMembersDialog({
  project,
  canManage,
  onClose,
}: {
  project: Project;
  canManage: boolean;
  onClose(): void;
}) {
  const toast = useToast();
  const confirm = useConfirm();
  const members = useLoad(() => api.projects.members(project.id), [project.id]);
  // only owners and admins may list users; they are the ones who add members
  const users = useLoad(() => (canManage ? api.users.list() : Promise.resolve({ items: [] })), [canManage]);
  const [userId, setUserId] = useState('');
  const [role, setRole] = useState<ProjectRole>('editor');
  const [busy, setBusy] = useState<string>();

  const current = members.data?.items ?? [];
  const memberIds = new Set(current.map((m) => m.userId));
  // owners and admins see every project already: membership is for editors and viewers
  const candidates = (users.data?.items ?? []).filter(
    (u) => !memberIds.has(u.id) && (u.role === 'editor' || u.role === 'viewer'),
  );
  const chosen = candidates.some((u) => u.id === userId) ? userId : (candidates[0]?.id ?? '');

  const upsert = (m: ProjectMember) =>
    members.setData((d) => ({ items: [...(d?.items ?? []).filter((x) => x.userId !== m.userId), m] }));

  const add = async () => {
    if (!chosen) return;
    setBusy('add');
    try {
      const m = await api.projects.addMember(project.id, { userId: chosen, role });
      upsert(m);
      toast.success(`Added ${m.email} to ${project.name} as ${m.role}.`);
    } catch (e) {
      toast.error(`Could not add the member: ${errorMessage(e)}`);
    } finally {
      setBusy(undefined);
    }
  };

  const change = async (m: ProjectMember, next: ProjectRole) => {
    setBusy(m.userId);
    try {
      upsert(await api.projects.updateMember(project.id, m.userId, next));
      toast.success(`${m.email} is now ${next} in ${project.name}.`);
    } catch (e) {
      toast.error(`Could not change the role: ${errorMessage(e)}`);
    } finally {
      setBusy(undefined);
    }
  };

  const remove = async (m: ProjectMember) => {
    const ok = await confirm({
      title: `Remove ${m.name || m.email} from ${project.name}?`,
      message: 'They lose access to its workflows, executions, credentials and variables.',
      confirmLabel: 'Remove member',
      danger: true,
    });
    if (!ok) return;
    setBusy(m.userId);
    try {
      await api.projects.removeMember(project.id, m.userId);
      members.setData((d) => d && { items: d.items.filter((x) => x.userId !== m.userId) });
      toast.success(`Removed ${m.email} from ${project.name}.`);
    } catch (e) {
      toast.error(`Could not remove the member: ${errorMessage(e)}`);
    } finally {
      setBusy(undefined);
    }
  };

  const sorted = [...current].sort((a, b) => a.email.localeCompare(b.email));
  return (
    <Dialog
      open
      title={`Members of ${project.name}`}
      description="Owners and admins see every project; add editors and viewers here."
      onClose={onClose}
      width={620}
      footer={<Button onClick={onClose}>Close</Button>}
    >
      {members.loading && !members.data ? (
        <p className="muted">Loading members…</p>
      ) : sorted.length === 0 ? (
        <p className="muted members-empty">No members yet.</p>
      ) : (
        <ul className="member-list" aria-label={`Members of ${project.name}`}>
          {sorted.map((m) => (
            <li key={m.userId} className="member-row">
              <span className="member-who">
                <span className="row-title">{m.name || m.email}</span>
                <span className="row-subtitle">{m.email}</span>
              </span>
              {canManage ? (
                <>
                  <SelectField
                    label={`Role of ${m.email} in ${project.name}`}
                    hideLabel
                    className="select-inline"
                    options={PROJECT_ROLE_OPTIONS}
                    value={m.role}
                    disabled={busy === m.userId}
                    onChange={(e) => void change(m, e.target.value as ProjectRole)}
                  />
                  <Button
                    size="sm"
                    variant="ghost"
                    aria-label={`Remove ${m.email}`}
                    loading={busy === m.userId}
                    onClick={() => void remove(m)}
                  >
                    Remove
                  </Button>
                </>
              ) : (
                <span className="role-text">{m.role}</span>
              )}
            </li>
          ))}
        </ul>
      )}
      {members.error !== undefined && (
        <p className="alert alert-error" role="alert">
          Could not load members: {errorMessage(members.error)}
        </p>
      )}
      {canManage && (
        <div className="member-add" role="group" aria-label="Add a member">
          <SelectField
            label="User"
            className="member-add-user"
            options={
              candidates.length > 0
                ? candidates.map((u) => ({ value: u.id, label: `${u.name} (${u.email})` }))
                : [{ value: '', label: 'No editors or viewers left to add' }]
            }
            value={chosen}
            disabled={candidates.length === 0}
            onChange={(e) => setUserId(e.target.value)}
          />
          <SelectField
            label="Project role"
            className="member-add-role"
            options={PROJECT_ROLE_OPTIONS}
            value={role}
            onChange={(e) => setRole(e.target.value as ProjectRole)}
          />
          <Button variant="primary" disabled={!chosen} loading={busy === 'add'} onClick={() => void add()}>
            Add member
          </Button>
        </div>
      )}
    </Dialog>
  );
}

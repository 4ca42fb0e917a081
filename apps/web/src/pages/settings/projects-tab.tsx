import { useState } from 'react';
import { api, errorMessage, type Project, type User } from '../../api/client.js';
import { formatDateTime, relativeTime } from '../../lib/format.js';
import { Button } from '../../ui/button.js';
import { Dialog } from '../../ui/dialog.js';
import { EmptyState } from '../../ui/empty-state.js';
import { TextField } from '../../ui/input.js';
import { SkeletonRows } from '../../ui/spinner.js';
import { useToast } from '../../ui/toast.js';
import { ProjectMembersDialog } from './project-members-dialog.js';
import { roleLabel } from './roles.js';
import { FolderIcon } from './settings-icons.js';
import { isInstanceAdmin, useLoad } from './use-load.js';

/** Projects you can see; owners and admins create them and manage their members. */
export function ProjectsTab({ user: me }: { user: User }) {
  const toast = useToast();
  const list = useLoad(() => api.projects.list(), []);
  const [creating, setCreating] = useState(false);
  const [members, setMembers] = useState<Project>();
  const canManage = isInstanceAdmin(me.role);
  const items = [...(list.data?.items ?? [])].sort((a, b) =>
    a.id === 'default' ? -1 : b.id === 'default' ? 1 : a.name.localeCompare(b.name),
  );
  const firstLoad = list.loading && !list.data;

  return (
    <>
      <div className="tab-header">
        <p className="muted">
          A project (one per store or location) owns its workflows, executions, credentials and variables.
        </p>
        {canManage && (
          <Button variant="primary" onClick={() => setCreating(true)}>
            New project
          </Button>
        )}
      </div>
      <div className="card">
        {!firstLoad && list.error === undefined && items.length === 0 ? (
          <EmptyState icon={<FolderIcon size={24} />} title="You are not in any project yet">
            Ask an owner or admin to add you to a project.
          </EmptyState>
        ) : (
          <table className="table" aria-label="Projects" aria-busy={list.loading}>
            <colgroup>
              <col />
              <col style={{ width: 140 }} />
              <col style={{ width: 160 }} />
              <col style={{ width: 130 }} />
            </colgroup>
            <thead>
              <tr>
                <th scope="col">Project</th>
                <th scope="col">Your role</th>
                <th scope="col">Created</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {firstLoad && <SkeletonRows columns={4} rows={2} />}
              {items.map((p) => (
                <tr key={p.id}>
                  <td className="cell-name">
                    <span className="row-title">{p.name}</span>
                    <span className="row-subtitle mono">{p.id}</span>
                  </td>
                  <td>{roleLabel(p.role)}</td>
                  <td title={formatDateTime(p.createdAt)}>{relativeTime(p.createdAt)}</td>
                  <td className="cell-actions">
                    <Button size="sm" aria-label={`Members of ${p.name}`} onClick={() => setMembers(p)}>
                      Members
                    </Button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        {list.error !== undefined && (
          <p className="table-message alert alert-error" role="alert">
            Could not load projects: {errorMessage(list.error)}
          </p>
        )}
      </div>
      {creating && (
        <NewProjectDialog
          onClose={() => setCreating(false)}
          onCreated={(project) => {
            setCreating(false);
            list.setData((d) => ({ items: [...(d?.items ?? []), project] }));
            toast.success(`Created ${project.name}.`);
          }}
        />
      )}
      {members && (
        <ProjectMembersDialog project={members} canManage={canManage} onClose={() => setMembers(undefined)} />
      )}
    </>
  );
}

function NewProjectDialog({ onClose, onCreated }: { onClose(): void; onCreated(project: Project): void }) {
  const [name, setName] = useState('');
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const submit = async () => {
    if (!name.trim()) return setError('Enter a name, like “Market stall” or “Online shop”.');
    setBusy(true);
    setError(undefined);
    try {
      onCreated(await api.projects.create({ name: name.trim() }));
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Dialog
      open
      title="New project"
      description="Add members after creating it. Owners and admins see every project."
      onClose={onClose}
      onSubmit={() => void submit()}
      footer={
        <>
          <Button onClick={onClose}>Cancel</Button>
          <Button type="submit" variant="primary" loading={busy}>
            Create project
          </Button>
        </>
      }
    >
      <TextField
        label="Name"
        required
        autoFocus
        maxLength={200}
        value={name}
        error={error}
        onChange={(e) => setName(e.target.value)}
      />
    </Dialog>
  );
}

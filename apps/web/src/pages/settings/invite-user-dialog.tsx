import { useId, useState } from 'react';
import {
  api,
  ApiError,
  errorMessage,
  type InstanceRole,
  type ManagedUser,
  type Project,
  type ProjectRole,
} from '../../api/client.js';
import { Button } from '../../ui/button.js';
import { Dialog } from '../../ui/dialog.js';
import { TextField } from '../../ui/input.js';
import { SelectField } from '../../ui/select.js';
import { grantableRoles, ROLE_HINTS, ROLE_LABELS } from './roles.js';

type Field = 'email' | 'name' | 'password' | 'form';

/**
 * Invite a user: email, name, role, an initial password to pass on to them, and (editors and
 * viewers) the project they start in; owners and admins see every project anyway.
 */
export function InviteUserDialog({
  callerRole,
  projects,
  onClose,
  onInvited,
}: {
  callerRole: string;
  projects: Project[];
  onClose(): void;
  onInvited(user: ManagedUser): void;
}) {
  const [email, setEmail] = useState('');
  const [name, setName] = useState('');
  const [role, setRole] = useState<InstanceRole>('editor');
  const [password, setPassword] = useState('');
  const [projectId, setProjectId] = useState(projects.find((p) => p.id === 'default')?.id ?? '');
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [busy, setBusy] = useState(false);
  const scoped = role === 'editor' || role === 'viewer';
  const roleHintId = useId();

  const submit = async () => {
    const found: Partial<Record<Field, string>> = {};
    if (!/^\S+@\S+\.\S+$/.test(email.trim())) found.email = 'Enter an email address, like sam@example.com.';
    if (!name.trim()) found.name = 'Enter the person’s name.';
    if (password.length < 8) found.password = 'At least 8 characters.';
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    setBusy(true);
    try {
      const memberships = scoped && projectId ? [{ projectId, role: role as ProjectRole }] : [];
      onInvited(
        await api.users.invite({
          email: email.trim(),
          name: name.trim(),
          role,
          password,
          projects: memberships,
        }),
      );
    } catch (e) {
      const field = e instanceof ApiError ? e.field : undefined;
      const key: Field = field === 'email' || field === 'name' || field === 'password' ? field : 'form';
      setErrors({ [key]: errorMessage(e) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog
      open
      title="Invite a user"
      description="They sign in with this email and the initial password; ask them to change it under Settings → Account."
      onClose={onClose}
      onSubmit={() => void submit()}
      width={520}
      footer={
        <>
          <Button onClick={onClose}>Cancel</Button>
          <Button type="submit" variant="primary" loading={busy}>
            Invite user
          </Button>
        </>
      }
    >
      <TextField
        label="Email"
        type="email"
        required
        autoFocus
        autoComplete="off"
        value={email}
        error={errors.email}
        onChange={(e) => setEmail(e.target.value)}
      />
      <TextField
        label="Name"
        required
        autoComplete="off"
        value={name}
        error={errors.name}
        onChange={(e) => setName(e.target.value)}
      />
      <div className="field">
        <SelectField
          label="Role"
          options={grantableRoles(callerRole).map((r) => ({ value: r, label: ROLE_LABELS[r] }))}
          value={role}
          aria-describedby={roleHintId}
          onChange={(e) => setRole(e.target.value as InstanceRole)}
        />
        <p id={roleHintId} className="field-hint">
          {ROLE_HINTS[role]}
        </p>
      </div>
      {scoped && (
        <SelectField
          label="Project"
          options={[
            { value: '', label: 'No project yet' },
            ...projects.map((p) => ({ value: p.id, label: p.name })),
          ]}
          value={projectId}
          onChange={(e) => setProjectId(e.target.value)}
        />
      )}
      <TextField
        label="Initial password"
        type="password"
        required
        autoComplete="new-password"
        value={password}
        error={errors.password}
        hint="At least 8 characters. Pass it on over a channel you trust."
        onChange={(e) => setPassword(e.target.value)}
      />
      {errors.form && (
        <p className="alert alert-error" role="alert">
          {errors.form}
        </p>
      )}
    </Dialog>
  );
}

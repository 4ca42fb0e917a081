import { useState } from 'react';
import { api, ApiError, errorMessage } from '../../api/client.js';
import { Button } from '../../ui/button.js';
import { TextField } from '../../ui/input.js';
import { useToast } from '../../ui/toast.js';

type Field = 'currentPassword' | 'newPassword' | 'repeat' | 'form';

/** Change your password; the server logs out your other sessions. */
export function PasswordForm({ email }: { email: string }) {
  const toast = useToast();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [repeat, setRepeat] = useState('');
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [busy, setBusy] = useState(false);

  const submit = async () => {
    const found: Partial<Record<Field, string>> = {};
    if (!current) found.currentPassword = 'Enter your current password.';
    if (next.length < 8) found.newPassword = 'At least 8 characters.';
    else if (next === current) found.newPassword = 'Choose a password different from the current one.';
    if (repeat !== next) found.repeat = 'The two new passwords differ.';
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    setBusy(true);
    try {
      const { sessionsRevoked } = await api.account.changePassword({
        currentPassword: current,
        newPassword: next,
      });
      setCurrent('');
      setNext('');
      setRepeat('');
      toast.success(
        sessionsRevoked > 0
          ? `Password changed. ${sessionsRevoked} other session${sessionsRevoked === 1 ? ' was' : 's were'} logged out.`
          : 'Password changed.',
      );
    } catch (e) {
      const field = e instanceof ApiError ? e.field : undefined;
      setErrors({
        [field === 'currentPassword' || field === 'newPassword' ? field : 'form']:
          field === 'currentPassword' ? 'The current password is wrong.' : errorMessage(e),
      });
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="card settings-section" aria-labelledby="password-heading">
      <h2 id="password-heading">Password</h2>
      <p className="muted">Changing it logs you out everywhere else.</p>
      <form
        className="settings-form"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        {/* lets password managers pair the new password with the account */}
        <input type="email" name="username" autoComplete="username" value={email} hidden readOnly />
        <TextField
          label="Current password"
          type="password"
          autoComplete="current-password"
          value={current}
          error={errors.currentPassword}
          onChange={(e) => setCurrent(e.target.value)}
        />
        <TextField
          label="New password"
          type="password"
          autoComplete="new-password"
          hint="At least 8 characters."
          value={next}
          error={errors.newPassword}
          onChange={(e) => setNext(e.target.value)}
        />
        <TextField
          label="Repeat the new password"
          type="password"
          autoComplete="new-password"
          value={repeat}
          error={errors.repeat}
          onChange={(e) => setRepeat(e.target.value)}
        />
        {errors.form && (
          <p className="alert alert-error" role="alert">
            {errors.form}
          </p>
        )}
        <div>
          <Button type="submit" variant="primary" loading={busy}>
            Change password
          </Button>
        </div>
      </form>
    </section>
  );
}

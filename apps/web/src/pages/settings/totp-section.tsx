import { useState } from 'react';
import { api, ApiError, errorMessage } from '../../api/client.js';
import { Button } from '../../ui/button.js';
import { TextField } from '../../ui/input.js';
import { useToast } from '../../ui/toast.js';
import { SecretField } from './secret-field.js';

/**
 * The second factor (TOTP): start → the secret and otpauth:// URL to put in an authenticator app →
 * confirm with a code. Turning it off needs the password. (No QR code: that would need a library.)
 */
export function TotpSection({ enabled, onChange }: { enabled: boolean; onChange(enabled: boolean): void }) {
  const toast = useToast();
  const [enrolment, setEnrolment] = useState<{ secret: string; otpauthUrl: string }>();
  const [code, setCode] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);

  const run = async (work: () => Promise<void>) => {
    setBusy(true);
    setError(undefined);
    try {
      await work();
    } catch (e) {
      setError(e instanceof ApiError && e.field ? fieldMessage(e.field) : errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  const start = () => run(async () => setEnrolment(await api.account.startTotp()));
  const confirmCode = () =>
    run(async () => {
      if (!/^\d{6}$/.test(code.trim())) throw new Error('Enter the 6-digit code your app shows.');
      await api.account.confirmTotp(code.trim());
      setEnrolment(undefined);
      setCode('');
      onChange(true);
      toast.success('Two-factor authentication is on. Sign-ins now ask for a code.');
    });
  const disable = () =>
    run(async () => {
      if (!password) throw new Error('Enter your password to turn the second factor off.');
      await api.account.disableTotp(password);
      setPassword('');
      onChange(false);
      toast.success('Two-factor authentication is off.');
    });

  return (
    <section className="card settings-section" aria-labelledby="totp-heading">
      <h2 id="totp-heading">
        Two-factor authentication{' '}
        <span className={enabled ? 'badge badge-success' : 'badge badge-neutral'}>
          {enabled ? 'On' : 'Off'}
        </span>
      </h2>
      <p className="muted">
        {enabled
          ? 'Signing in needs your password and a code from your authenticator app.'
          : 'Ask for a code from an authenticator app (1Password, Google Authenticator, Aegis…) at every sign-in.'}
      </p>
      <form
        className="settings-form"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void (enabled ? disable() : enrolment ? confirmCode() : start());
        }}
      >
        {enabled ? (
          <>
            <TextField
              label="Password"
              type="password"
              autoComplete="current-password"
              value={password}
              onChange={(e) => setPassword(e.target.value)}
            />
            <div>
              <Button type="submit" variant="danger" loading={busy}>
                Turn off two-factor authentication
              </Button>
            </div>
          </>
        ) : enrolment ? (
          <>
            <ol className="totp-steps">
              <li>
                In your authenticator app, add an account with this secret (or open the otpauth link on this
                device).
              </li>
              <li>Enter the 6-digit code it shows.</li>
            </ol>
            <SecretField label="Secret" value={enrolment.secret} />
            <SecretField label="otpauth URL" value={enrolment.otpauthUrl} />
            <TextField
              label="Code from the app"
              inputMode="numeric"
              autoComplete="one-time-code"
              maxLength={6}
              className="totp-code"
              value={code}
              onChange={(e) => setCode(e.target.value.replace(/\D/g, ''))}
            />
            <div className="row-buttons">
              <Button type="submit" variant="primary" loading={busy}>
                Confirm and turn on
              </Button>
              <Button variant="ghost" onClick={() => setEnrolment(undefined)}>
                Cancel
              </Button>
            </div>
          </>
        ) : (
          <div>
            <Button type="submit" variant="primary" loading={busy}>
              Set up two-factor authentication
            </Button>
          </div>
        )}
        {error && (
          <p className="alert alert-error" role="alert">
            {error}
          </p>
        )}
      </form>
    </section>
  );
}

function fieldMessage(field: string): string {
  if (field === 'code') return 'That code is wrong or expired: enter the current one from your app.';
  if (field === 'password') return 'The password is wrong.';
  return `${field} is not valid.`;
}

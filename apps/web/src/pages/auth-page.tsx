import { useState, type FormEvent } from 'react';
import { api, ApiError, errorMessage, type User } from '../api/client.js';
import { useTitle } from '../router.js';
import { Button } from '../ui/button.js';
import { TextField } from '../ui/input.js';

/** First run (create the owner account) and the login form. */
export function AuthPage({
  mode,
  notice,
  onAuthenticated,
}: {
  mode: 'setup' | 'login';
  notice?: string | undefined;
  onAuthenticated(user: User): void;
}) {
  useTitle(mode === 'setup' ? 'Set up' : 'Log in');
  const [email, setEmail] = useState('');
  const [name, setName] = useState('');
  const [password, setPassword] = useState('');
  // shown once the server says this account has two-factor authentication on
  const [needsCode, setNeedsCode] = useState(false);
  const [totpCode, setTotpCode] = useState('');
  const [error, setError] = useState<{ message: string; field?: string | undefined }>();
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      const { user } =
        mode === 'setup'
          ? await api.setup({ email, name, password })
          : await api.login({ email, password, ...(needsCode ? { totpCode: totpCode.trim() } : {}) });
      onAuthenticated(user);
    } catch (e) {
      if (e instanceof ApiError && e.code === 'TOTP_REQUIRED' && !needsCode) {
        setNeedsCode(true);
        return;
      }
      const field = e instanceof ApiError ? (e.code === 'TOTP_INVALID' ? 'totp' : e.field) : undefined;
      setError({ message: errorMessage(e), field });
    } finally {
      setBusy(false);
    }
  };

  const fieldError = (field: string) => (error?.field === field ? error.message : undefined);
  const generalError =
    error && !['email', 'name', 'password', 'totp'].includes(error.field ?? '') ? error.message : undefined;

  return (
    <main className="auth-screen">
      <div className="auth-card">
        <div className="brand brand-large" aria-hidden="true">
          <span className="brand-mark">S</span> Shopwire
        </div>
        <h1>{mode === 'setup' ? 'Set up Shopwire' : 'Log in'}</h1>
        <p className="muted">
          {mode === 'setup'
            ? 'Create the owner account. You will use it to log in to this Shopwire server.'
            : 'Log in to build and run your automations.'}
        </p>
        {notice && !error && (
          <p className="alert alert-success" role="status">
            {notice}
          </p>
        )}
        {generalError && (
          <p className="alert alert-error" role="alert">
            {generalError}
          </p>
        )}
        <form className="auth-form" onSubmit={submit} noValidate>
          {mode === 'setup' && (
            <TextField
              label="Your name"
              autoComplete="name"
              required
              value={name}
              error={fieldError('name')}
              onChange={(e) => setName(e.target.value)}
            />
          )}
          <TextField
            label="Email"
            type="email"
            autoComplete="email"
            required
            value={email}
            error={fieldError('email')}
            onChange={(e) => setEmail(e.target.value)}
          />
          <TextField
            label="Password"
            type="password"
            autoComplete={mode === 'setup' ? 'new-password' : 'current-password'}
            required
            value={password}
            hint={mode === 'setup' ? 'At least 8 characters.' : undefined}
            error={fieldError('password')}
            onChange={(e) => setPassword(e.target.value)}
          />
          {needsCode && (
            <TextField
              label="Authenticator code"
              inputMode="numeric"
              autoComplete="one-time-code"
              required
              autoFocus
              value={totpCode}
              hint="Two-factor authentication is on: enter the 6-digit code from your authenticator app."
              error={fieldError('totp')}
              onChange={(e) => setTotpCode(e.target.value)}
            />
          )}
          <Button type="submit" variant="primary" loading={busy} className="btn-block">
            {mode === 'setup' ? 'Create owner account' : 'Log in'}
          </Button>
        </form>
      </div>
    </main>
  );
}

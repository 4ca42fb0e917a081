import { useCallback, useEffect, useState } from 'react';
import { api, errorMessage, setUnauthenticatedHandler, type User } from './api/client.js';
import { Shell } from './layout/shell.js';
import { AuthPage } from './pages/auth-page.js';
import { ConfirmProvider } from './ui/dialog.js';
import { Spinner } from './ui/spinner.js';
import { ToastProvider } from './ui/toast.js';
import { Button } from './ui/button.js';

/** Decides between owner setup, login and the app, and keeps that decision current on 401s. */

type Session =
  | { state: 'loading' }
  | { state: 'setup' }
  | { state: 'login'; notice?: string }
  | { state: 'ready'; user: User }
  | { state: 'offline'; message: string };

export function App() {
  const [session, setSession] = useState<Session>({ state: 'loading' });

  const check = useCallback(async () => {
    try {
      const { needsSetup } = await api.setupStatus();
      if (needsSetup) return setSession({ state: 'setup' });
      try {
        const { user } = await api.me();
        setSession({ state: 'ready', user });
      } catch {
        setSession({ state: 'login' });
      }
    } catch (error) {
      setSession({ state: 'offline', message: errorMessage(error) });
    }
  }, []);

  useEffect(() => {
    void check();
    setUnauthenticatedHandler(() =>
      setSession((s) =>
        s.state === 'ready' ? { state: 'login', notice: 'Your session ended: log in again.' } : s,
      ),
    );
    return () => setUnauthenticatedHandler(undefined);
  }, [check]);

  const logout = useCallback(async () => {
    try {
      await api.logout();
    } finally {
      setSession({ state: 'login', notice: 'You are logged out.' });
    }
  }, []);

  let content;
  switch (session.state) {
    case 'loading':
      content = (
        <div className="center-screen">
          <Spinner size={24} label="Loading Shopwire" />
        </div>
      );
      break;
    case 'offline':
      content = (
        <div className="center-screen">
          <div className="auth-card" role="alert">
            <h1>Shopwire is not reachable</h1>
            <p className="muted">{session.message}</p>
            <Button variant="primary" onClick={() => void check()}>
              Try again
            </Button>
          </div>
        </div>
      );
      break;
    case 'setup':
    case 'login':
      content = (
        <AuthPage
          mode={session.state}
          notice={session.state === 'login' ? session.notice : undefined}
          onAuthenticated={(user) => setSession({ state: 'ready', user })}
        />
      );
      break;
    case 'ready':
      content = <Shell user={session.user} onLogout={logout} />;
      break;
  }

  return (
    <ToastProvider>
      <ConfirmProvider>{content}</ConfirmProvider>
    </ToastProvider>
  );
}

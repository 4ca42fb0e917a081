import { lazy, Suspense } from 'react';
import { api, type User } from '../api/client.js';
import { Link, matchRoute, navigate, useLocation } from '../router.js';
import { Menu } from '../ui/menu.js';
import { Spinner } from '../ui/spinner.js';
import { CredentialsPage } from '../pages/credentials/credentials-page.js';
import { ExecutionsPage } from '../pages/executions/executions-page.js';
import { NotFoundPage } from '../pages/not-found-page.js';
import { VariablesPage } from '../pages/variables/variables-page.js';
import { WorkflowsPage } from '../pages/workflows/workflows-page.js';
import { KeyIcon, PlayIcon, TemplateIcon, VariableIcon, WorkflowIcon } from '../ui/icons.js';
import { TemplatesPage } from '../pages/templates/index.js';
import { SettingsPage, settingsTab } from '../pages/settings/settings-page.js';
import { SettingsIcon } from '../pages/settings/settings-icons.js';

// The canvas (React Flow, CodeMirror, dagre) loads only when an editor route opens.
const EditorPage = lazy(() => import('../editor/index.js').then((m) => ({ default: m.EditorPage })));

const NAV = [
  { to: '/workflows', label: 'Workflows', icon: <WorkflowIcon /> },
  { to: '/templates', label: 'Templates', icon: <TemplateIcon /> },
  { to: '/executions', label: 'Executions', icon: <PlayIcon /> },
  { to: '/credentials', label: 'Credentials', icon: <KeyIcon /> },
  { to: '/variables', label: 'Variables', icon: <VariableIcon /> },
  { to: '/settings', label: 'Settings', icon: <SettingsIcon /> },
];

/** Sidebar navigation, user menu, and the page for the current path. */
export function Shell({ user, onLogout }: { user: User; onLogout(): void }) {
  const { pathname } = useLocation();
  const { page, full } = route(pathname, user);
  return (
    <div className="shell">
      <aside className="sidebar">
        <Link to="/workflows" className="brand" aria-label="Shopwire home">
          <span className="brand-mark" aria-hidden="true">
            S
          </span>
          Shopwire
        </Link>
        <nav aria-label="Main" className="nav">
          {NAV.map((item) => {
            const current = pathname === item.to || pathname.startsWith(`${item.to}/`);
            return (
              <Link
                key={item.to}
                to={item.to}
                className={`nav-link ${current ? 'nav-link-current' : ''}`}
                aria-current={current ? 'page' : undefined}
              >
                <span className="nav-icon" aria-hidden="true">
                  {item.icon}
                </span>
                {item.label}
              </Link>
            );
          })}
        </nav>
        <div className="sidebar-footer">
          <Menu
            label={`User menu for ${user.name}`}
            align="start"
            className="user-menu"
            items={[{ label: 'Log out', onSelect: onLogout }]}
          >
            <span className="avatar" aria-hidden="true">
              {initials(user.name)}
            </span>
            <span className="user-menu-text">
              <span className="user-name">{user.name}</span>
              <span className="user-email">{user.email}</span>
            </span>
          </Menu>
        </div>
      </aside>
      <main className={full ? 'main main-full' : 'main'} id="main">
        <Suspense
          fallback={
            <div className="center-screen">
              <Spinner size={24} label="Loading the editor" />
            </div>
          }
        >
          {page}
        </Suspense>
      </main>
    </div>
  );
}

function route(pathname: string, user: User): { page: React.ReactNode; full?: boolean } {
  if (pathname === '/' || pathname === '/workflows') return { page: <WorkflowsPage /> };
  if (pathname === '/workflows/new')
    return { page: <EditorPage key="new" api={api} navigate={navigate} />, full: true };
  const wf = matchRoute('/workflows/:id', pathname);
  if (wf)
    return {
      page: <EditorPage key={wf['id']} workflowId={wf['id']} api={api} navigate={navigate} />,
      full: true,
    };
  if (pathname === '/executions') return { page: <ExecutionsPage /> };
  const ex = matchRoute('/executions/:id', pathname);
  if (ex)
    return {
      page: <EditorPage key={`x-${ex['id']}`} executionId={ex['id']} api={api} navigate={navigate} />,
      full: true,
    };
  if (pathname === '/credentials') return { page: <CredentialsPage /> };
  if (pathname === '/variables') return { page: <VariablesPage /> };
  if (pathname === '/templates') return { page: <TemplatesPage api={api} navigate={navigate} /> };
  const settings = pathname === '/settings' ? {} : matchRoute('/settings/:tab', pathname);
  const tab = settings && settingsTab(settings['tab'], user.role);
  if (tab) return { page: <SettingsPage user={user} tab={tab} /> };
  return { page: <NotFoundPage /> };
}

function initials(name: string): string {
  const parts = name.trim().split(/\s+/);
  return ((parts[0]?.[0] ?? '') + (parts.length > 1 ? (parts.at(-1)?.[0] ?? '') : '')).toUpperCase() || '?';
}

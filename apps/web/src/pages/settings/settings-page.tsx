import './settings.css';
import { useRef, type KeyboardEvent } from 'react';
import type { User } from '../../api/client.js';
import { navigate, useTitle } from '../../router.js';
import { AccountTab } from './account-tab.js';
import { ApiKeysTab } from './api-keys-tab.js';
import { AuditTab } from './audit-tab.js';
import { ProjectsTab } from './projects-tab.js';
import { isInstanceAdmin } from './use-load.js';
import { UsersTab } from './users-tab.js';

/** /settings/:tab: audit log, users, projects, API keys and the own account, as ARIA tabs. */

export const SETTINGS_TABS = [
  { id: 'audit', label: 'Audit log' },
  { id: 'users', label: 'Users' },
  { id: 'projects', label: 'Projects' },
  { id: 'api-keys', label: 'API keys' },
  { id: 'account', label: 'Account' },
] as const;
export type SettingsTabId = (typeof SETTINGS_TABS)[number]['id'];

/** The tab of a `/settings[/tab]` path; the default is the audit log for owners and admins, else the account. */
export function settingsTab(tab: string | undefined, role: string): SettingsTabId | undefined {
  if (tab === undefined) return isInstanceAdmin(role) ? 'audit' : 'account';
  return SETTINGS_TABS.find((t) => t.id === tab)?.id;
}

export function SettingsPage({ user, tab }: { user: User; tab: SettingsTabId }) {
  const label = SETTINGS_TABS.find((t) => t.id === tab)?.label ?? 'Settings';
  useTitle(`${label} · Settings`);
  const refs = useRef<Record<string, HTMLButtonElement | null>>({});

  const select = (id: SettingsTabId, focus = false) => {
    navigate(`/settings/${id}`, { replace: true });
    if (focus) refs.current[id]?.focus();
  };

  // arrow keys move between tabs (automatic activation), Home/End jump to the ends
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const index = SETTINGS_TABS.findIndex((t) => t.id === tab);
    const count = SETTINGS_TABS.length;
    const moves: Record<string, number> = {
      ArrowRight: (index + 1) % count,
      ArrowLeft: (index - 1 + count) % count,
      Home: 0,
      End: count - 1,
    };
    const next = moves[event.key];
    const target = next === undefined ? undefined : SETTINGS_TABS[next];
    if (!target) return;
    event.preventDefault();
    select(target.id, true);
  };

  return (
    <div className="page">
      <header className="page-header">
        <div>
          <h1>Settings</h1>
          <p className="muted">
            Signed in as {user.email} · <span className="settings-role">{user.role}</span>
          </p>
        </div>
      </header>
      <div role="tablist" aria-label="Settings" className="tabs" onKeyDown={onKeyDown}>
        {SETTINGS_TABS.map((t) => {
          const selected = t.id === tab;
          return (
            <button
              key={t.id}
              ref={(el) => {
                refs.current[t.id] = el;
              }}
              type="button"
              role="tab"
              id={`settings-tab-${t.id}`}
              aria-selected={selected}
              aria-controls={`settings-panel-${t.id}`}
              tabIndex={selected ? 0 : -1}
              className={selected ? 'tab tab-selected' : 'tab'}
              onClick={() => select(t.id)}
            >
              {t.label}
            </button>
          );
        })}
      </div>
      <section
        role="tabpanel"
        id={`settings-panel-${tab}`}
        aria-labelledby={`settings-tab-${tab}`}
        className="tab-panel"
      >
        {tab === 'audit' && <AuditTab />}
        {tab === 'users' && <UsersTab user={user} />}
        {tab === 'projects' && <ProjectsTab user={user} />}
        {tab === 'api-keys' && <ApiKeysTab />}
        {tab === 'account' && <AccountTab />}
      </section>
    </div>
  );
}

import { useState } from 'react';
import { api, errorMessage, type CredentialView } from '../../api/client.js';
import { formatDateTime, relativeTime } from '../../lib/format.js';
import { useAsync } from '../../lib/use-async.js';
import { useTitle } from '../../router.js';
import { Button } from '../../ui/button.js';
import { useConfirm } from '../../ui/dialog.js';
import { EmptyState } from '../../ui/empty-state.js';
import { Menu } from '../../ui/menu.js';
import { SkeletonRows } from '../../ui/spinner.js';
import { useToast } from '../../ui/toast.js';
import { CredentialDialog } from './credential-dialog.js';
import { KeyIcon, MoreIcon } from '../../ui/icons.js';

type TestResult = { ok: boolean; message: string } | 'testing';

export function CredentialsPage() {
  useTitle('Credentials');
  const toast = useToast();
  const confirm = useConfirm();
  const list = useAsync(() => api.credentials.list(), []);
  const types = useAsync(() => api.credentialTypes(), []);
  const [dialog, setDialog] = useState<{ editing?: CredentialView } | null>(null);
  const [tests, setTests] = useState<Record<string, TestResult>>({});

  const typeOf = (type: string) => types.data?.items.find((t) => t.type === type);
  const typeName = (type: string) => typeOf(type)?.displayName ?? type;

  const test = async (c: CredentialView) => {
    setTests((t) => ({ ...t, [c.id]: 'testing' }));
    try {
      const result = await api.credentials.test(c.id);
      setTests((t) => ({ ...t, [c.id]: result }));
    } catch (e) {
      setTests((t) => ({ ...t, [c.id]: { ok: false, message: errorMessage(e) } }));
    }
  };

  const remove = async (c: CredentialView) => {
    const ok = await confirm({
      title: `Delete “${c.name}”?`,
      message: 'Nodes that use this credential will fail until you pick another one. This cannot be undone.',
      confirmLabel: 'Delete credential',
      danger: true,
    });
    if (!ok) return;
    try {
      await api.credentials.remove(c.id);
      list.setData((d) => d && { items: d.items.filter((x) => x.id !== c.id) });
      toast.success(`Deleted “${c.name}”.`);
    } catch (e) {
      toast.error(`Could not delete: ${errorMessage(e)}`);
    }
  };

  const items = list.data?.items ?? [];
  const firstLoad = list.loading && !list.data;

  return (
    <div className="page">
      <header className="page-header">
        <div>
          <h1>Credentials</h1>
          <p className="muted">
            API keys and logins your workflows use. Secret values are never shown again.
          </p>
        </div>
        <div className="page-actions">
          <Button variant="primary" onClick={() => setDialog({})} disabled={!types.data}>
            Add credential
          </Button>
        </div>
      </header>

      <div className="card">
        {!firstLoad && !list.error && items.length === 0 ? (
          <EmptyState
            icon={<KeyIcon size={24} />}
            title="No credentials yet"
            actions={
              <Button variant="primary" onClick={() => setDialog({})} disabled={!types.data}>
                Add credential
              </Button>
            }
          >
            Add the API keys of your shop, payment provider or chat tool once, then pick them in any workflow.
          </EmptyState>
        ) : (
          <table className="table" aria-label="Credentials" aria-busy={list.loading}>
            <colgroup>
              <col />
              <col style={{ width: 180 }} />
              <col style={{ width: 260 }} />
              <col style={{ width: 130 }} />
              <col style={{ width: 150 }} />
            </colgroup>
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Type</th>
                <th scope="col">Connection</th>
                <th scope="col">Updated</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {firstLoad && <SkeletonRows columns={5} rows={3} />}
              {items.map((c) => {
                const result = tests[c.id];
                // types without a connection test (e.g. plain header auth) get no Test button
                const testable = typeOf(c.type)?.testable !== false;
                return (
                  <tr key={c.id}>
                    <td className="cell-name">
                      <span className="row-title">{c.name}</span>
                      <span className="row-subtitle">
                        {c.secretFieldsSet.length > 0
                          ? `Secret set: ${c.secretFieldsSet.join(', ')}`
                          : 'No secret stored'}
                      </span>
                    </td>
                    <td>{typeName(c.type)}</td>
                    <td>
                      {result === undefined && (
                        <span className="muted">
                          {testable ? 'Not tested' : 'No connection test for this type'}
                        </span>
                      )}
                      {result === 'testing' && <span className="muted">Testing…</span>}
                      {result !== undefined && result !== 'testing' && (
                        <span
                          className={`test-result ${result.ok ? 'test-ok' : 'test-fail'}`}
                          role="status"
                          aria-label={`Test result for ${c.name}`}
                          title={result.message}
                        >
                          {result.ok ? '✓' : '✕'} {result.message}
                        </span>
                      )}
                    </td>
                    <td title={formatDateTime(c.updatedAt)}>{relativeTime(c.updatedAt)}</td>
                    <td className="cell-actions">
                      <span className="row-buttons">
                        {testable && (
                          <Button
                            size="sm"
                            aria-label={`Test ${c.name}`}
                            loading={result === 'testing'}
                            onClick={() => void test(c)}
                          >
                            Test
                          </Button>
                        )}
                        <Menu
                          label={`Actions for ${c.name}`}
                          items={[
                            { label: 'Edit', onSelect: () => setDialog({ editing: c }) },
                            { label: 'Delete', danger: true, onSelect: () => void remove(c) },
                          ]}
                        >
                          <MoreIcon />
                        </Menu>
                      </span>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        )}
        {(list.error || types.error) && (
          <p className="table-message alert alert-error" role="alert">
            Could not load credentials: {list.error ?? types.error}
          </p>
        )}
      </div>

      {dialog && types.data && (
        <CredentialDialog
          types={types.data.items}
          editing={dialog.editing}
          onClose={() => setDialog(null)}
          onSaved={(view, created) => {
            setDialog(null);
            setTests((t) => {
              const { [view.id]: _dropped, ...rest } = t;
              return rest;
            });
            list.setData((d) => {
              const rest = (d?.items ?? []).filter((x) => x.id !== view.id);
              return {
                items: created ? [...rest, view] : (d?.items ?? []).map((x) => (x.id === view.id ? view : x)),
              };
            });
            toast.success(created ? `Saved “${view.name}”.` : `Updated “${view.name}”.`);
          }}
        />
      )}
    </div>
  );
}

import { useState } from 'react';
import { api, errorMessage, type ApiKey } from '../../api/client.js';
import { formatDateTime, relativeTime } from '../../lib/format.js';
import { Button } from '../../ui/button.js';
import { useConfirm } from '../../ui/dialog.js';
import { EmptyState } from '../../ui/empty-state.js';
import { SkeletonRows } from '../../ui/spinner.js';
import { useToast } from '../../ui/toast.js';
import { KeyIcon } from '../../ui/icons.js';
import { CreateApiKeyDialog } from './create-api-key-dialog.js';
import { useLoad } from './use-load.js';

/** Your own API keys: scope, prefix, last use; create (shown once) and revoke. */
export function ApiKeysTab() {
  const toast = useToast();
  const confirm = useConfirm();
  const list = useLoad(() => api.apiKeys.list(), []);
  const [creating, setCreating] = useState(false);
  const [busy, setBusy] = useState<string>();

  const revoke = async (key: ApiKey) => {
    const ok = await confirm({
      title: `Revoke ${key.name}?`,
      message: `Requests with the key ${key.prefix}… fail from now on. This cannot be undone.`,
      confirmLabel: 'Revoke key',
      danger: true,
    });
    if (!ok) return;
    setBusy(key.id);
    try {
      await api.apiKeys.revoke(key.id);
      const at = new Date().toISOString();
      list.setData(
        (d) => d && { items: d.items.map((k) => (k.id === key.id ? { ...k, revokedAt: at } : k)) },
      );
      toast.success(`Revoked ${key.name}.`);
    } catch (e) {
      toast.error(`Could not revoke ${key.name}: ${errorMessage(e)}`);
    } finally {
      setBusy(undefined);
    }
  };

  // active keys first, newest first within each group
  const items = [...(list.data?.items ?? [])].sort(
    (a, b) =>
      Number(a.revokedAt !== null) - Number(b.revokedAt !== null) || b.createdAt.localeCompare(a.createdAt),
  );
  const firstLoad = list.loading && !list.data;
  const create = (
    <Button variant="primary" onClick={() => setCreating(true)}>
      Create API key
    </Button>
  );

  return (
    <>
      <div className="tab-header">
        <p className="muted">
          Keys act as you, limited to their scope: send one as <code>Authorization: Bearer sw_…</code>
        </p>
        {items.length > 0 && create}
      </div>
      <div className="card">
        {!firstLoad && list.error === undefined && items.length === 0 ? (
          <EmptyState icon={<KeyIcon size={24} />} title="No API keys yet" actions={create}>
            Create a key for a script, a spreadsheet or another tool that calls the Shopwire API.
          </EmptyState>
        ) : (
          <table className="table" aria-label="API keys" aria-busy={list.loading}>
            <colgroup>
              <col />
              <col style={{ width: 110 }} />
              <col style={{ width: 150 }} />
              <col style={{ width: 130 }} />
              <col style={{ width: 150 }} />
              <col style={{ width: 100 }} />
            </colgroup>
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Scope</th>
                <th scope="col">Prefix</th>
                <th scope="col">Created</th>
                <th scope="col">Last used</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {firstLoad && <SkeletonRows columns={6} rows={2} />}
              {items.map((k) => (
                <tr key={k.id} className={k.revokedAt ? 'row-revoked' : undefined}>
                  <td className="cell-name">
                    <span className="row-title">{k.name}</span>
                  </td>
                  <td>
                    <span className={`badge badge-${k.scope === 'manage' ? 'warning' : 'info'}`}>
                      {k.scope}
                    </span>
                  </td>
                  <td className="mono">{k.prefix}…</td>
                  <td title={formatDateTime(k.createdAt)}>{relativeTime(k.createdAt)}</td>
                  <td title={k.lastUsedAt ? formatDateTime(k.lastUsedAt) : undefined}>
                    {k.lastUsedAt ? relativeTime(k.lastUsedAt) : <span className="muted">Never</span>}
                  </td>
                  <td className="cell-actions">
                    {k.revokedAt ? (
                      <span className="badge badge-neutral" title={`Revoked ${formatDateTime(k.revokedAt)}`}>
                        Revoked
                      </span>
                    ) : (
                      <Button
                        size="sm"
                        variant="ghost"
                        aria-label={`Revoke ${k.name}`}
                        loading={busy === k.id}
                        onClick={() => void revoke(k)}
                      >
                        Revoke
                      </Button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        {list.error !== undefined && (
          <p className="table-message alert alert-error" role="alert">
            Could not load your API keys: {errorMessage(list.error)}
          </p>
        )}
      </div>
      {creating && (
        <CreateApiKeyDialog
          onClose={() => setCreating(false)}
          onCreated={(key) => list.setData((d) => ({ items: [key, ...(d?.items ?? [])] }))}
        />
      )}
    </>
  );
}

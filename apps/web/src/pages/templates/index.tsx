import './templates.css';
import { useMemo, useState } from 'react';
import type { ApiClient } from '../../api/client.js';
import { useAsync } from '../../lib/use-async.js';
import { Button } from '../../ui/button.js';
import { EmptyState } from '../../ui/empty-state.js';
import { SkeletonRows } from '../../ui/spinner.js';
import { useToast } from '../../ui/toast.js';
import { templatesApi, type TemplateSummary } from './templates-api.js';
import { UseTemplateDialog } from './use-template-dialog.js';

/**
 * Template gallery: one card per ready-to-run template; "Use template" asks only for the
 * credentials that template needs, imports it and opens the new workflow.
 */
export function TemplatesPage({ api, navigate }: { api: ApiClient; navigate(to: string): void }) {
  const toast = useToast();
  const templates = useAsync(() => templatesApi(api).list(), [api]);
  const credentials = useAsync(() => api.credentials.list(), [api]);
  const types = useAsync(() => api.credentialTypes(), [api]);
  const [using, setUsing] = useState<TemplateSummary>();
  const [category, setCategory] = useState('');

  const items = templates.data?.items ?? [];
  const categories = useMemo(() => [...new Set(items.map((t) => t.category))].sort(), [items]);
  const shown = category ? items.filter((t) => t.category === category) : items;
  const typeName = (type: string) => types.data?.items.find((t) => t.type === type)?.displayName ?? type;

  return (
    <div className="page">
      <header className="page-header">
        <div>
          <h1>Templates</h1>
          <p className="muted">
            Ready-to-run automations for a small shop. Pick one, connect your accounts, done.
          </p>
        </div>
      </header>
      {categories.length > 1 && (
        <div className="chip-row" role="group" aria-label="Category">
          {['', ...categories].map((c) => (
            <Button
              key={c || 'all'}
              variant={category === c ? 'primary' : undefined}
              onClick={() => setCategory(c)}
            >
              {c || 'All'}
            </Button>
          ))}
        </div>
      )}
      {templates.error ? (
        <p className="alert alert-error" role="alert">
          Could not load templates: {templates.error}
        </p>
      ) : templates.loading && !templates.data ? (
        <SkeletonRows rows={4} columns={1} />
      ) : shown.length === 0 ? (
        <EmptyState title="No templates">The templates folder of this installation is empty.</EmptyState>
      ) : (
        <ul className="template-grid">
          {shown.map((t) => (
            <li key={t.id} className="card template-card" data-template={t.id}>
              <span className="badge badge-neutral template-category">{t.category}</span>
              <h2>{t.name}</h2>
              <p className="template-description">{t.description}</p>
              <p className="template-needs">
                {t.nodeCount} steps · needs{' '}
                {t.credentials.map((c) => typeName(c.type)).join(', ') || 'nothing'}
              </p>
              <Button
                variant="primary"
                onClick={() => setUsing(t)}
                disabled={!credentials.data || !types.data}
              >
                Use template
              </Button>
            </li>
          ))}
        </ul>
      )}
      {using && credentials.data && types.data && (
        <UseTemplateDialog
          api={api}
          template={using}
          credentials={credentials.data.items}
          types={types.data.items}
          onClose={() => setUsing(undefined)}
          onCredentialCreated={(view) => credentials.setData((d) => d && { items: [...d.items, view] })}
          onImported={(record) => {
            setUsing(undefined);
            if (record.activationError) toast.error(`Created, but not activated: ${record.activationError}`);
            else
              toast.success(
                record.activated ? `Created and activated ${record.name}.` : `Created ${record.name}.`,
              );
            navigate(`/workflows/${record.id}`);
          }}
        />
      )}
    </div>
  );
}

import { useCallback, useState, useSyncExternalStore } from 'react';
import type { Item, WorkflowNode } from '@shopwire/sdk';
import { useEditor, useNodeRun } from '../editor-context.js';
import { renameNode, updateNode } from '../state/doc-ops.js';
import { NodeIcon } from '../canvas/node-icon.js';
import { SchemaForm } from './schema-form.js';
import { setIn } from './schema-util.js';
import { DataView } from './data-view.js';
import { CredentialPicker } from './credential-picker.js';
import { EmptyNote } from './empty-note.js';
import { OutputTab } from './output-tab.js';
import { SettingsTab } from './settings-tab.js';

type Tab = 'params' | 'input' | 'output' | 'settings';

/** The node panel: parameters form, input/output data of the last run, and node settings. */
export function NodePanel(props: {
  nodeId: string;
  onClose(): void;
  onRun(options: { startNodeId?: string; destinationNodeId?: string }): void;
  /** asks, then removes the node (undoable) */
  onDelete(): void;
}) {
  const { store, lookup, readOnly, errors } = useEditor();
  const node = useSyncExternalStore(store.subscribe, () =>
    store.get().doc.nodes.find((n) => n.id === props.nodeId),
  );
  const pinned = useSyncExternalStore(store.subscribe, () => store.get().doc.pinData[props.nodeId]) as
    Item[] | undefined;
  useSyncExternalStore(errors.subscribe, errors.getVersion);
  const run = useNodeRun(props.nodeId);
  const [tab, setTab] = useState<Tab>('params');

  const patch = useCallback(
    (fn: (n: WorkflowNode) => WorkflowNode, tag?: string) =>
      store.update((d) => updateNode(d, props.nodeId, fn), { tag }),
    [store, props.nodeId],
  );
  const onChange = useCallback(
    (path: (string | number)[], value: unknown) => {
      errors.set(props.nodeId, path.join('.'), undefined);
      patch(
        (n) => ({ ...n, params: setIn(n.params, path, value) as Record<string, unknown> }),
        `${props.nodeId}:${path.join('.')}`,
      );
    },
    [patch, errors, props.nodeId],
  );
  const onFieldError = useCallback(
    (path: string, message: string | undefined) => errors.set(props.nodeId, path, message),
    [errors, props.nodeId],
  );

  if (!node) return null;
  const desc = lookup(node.type);
  const step = run?.step;
  const inputItems = (step?.input?.[0] ?? []) as Item[];
  const outputs = step?.output ?? {};
  const trigger = desc?.kind === 'trigger';

  return (
    <aside className="swe-panel" role="dialog" aria-label={`${node.name} panel`}>
      <header className="swe-panel-head">
        <NodeIcon desc={desc} size={36} />
        <div className="swe-panel-title">
          <input
            key={node.name}
            className="swe-title-input"
            aria-label="Node name"
            defaultValue={node.name}
            disabled={readOnly}
            onKeyDown={(e) => {
              e.stopPropagation();
              if (e.key === 'Enter') e.currentTarget.blur();
            }}
            onBlur={(e) => store.update((d) => renameNode(d, node.id, e.currentTarget.value))}
          />
          <span className="swe-muted">{desc?.displayName ?? node.type}</span>
        </div>
        {!readOnly && (
          <button
            type="button"
            className="swe-icon-btn"
            aria-label="Delete node"
            title="Delete node"
            onClick={props.onDelete}
          >
            <svg
              width="14"
              height="14"
              viewBox="0 0 14 14"
              aria-hidden="true"
              fill="none"
              stroke="currentColor"
              strokeWidth="1.4"
            >
              <path d="M2 3.5h10M5.5 3.5V2h3v1.5M3.5 3.5l.6 8.5h5.8l.6-8.5" />
            </svg>
          </button>
        )}
        <button type="button" className="swe-icon-btn" aria-label="Close panel" onClick={props.onClose}>
          ×
        </button>
      </header>
      {!readOnly && (
        <div className="swe-panel-actions">
          <button
            type="button"
            className="swe-btn swe-btn-primary swe-btn-sm"
            onClick={() => props.onRun({ destinationNodeId: node.id })}
          >
            ▶ {trigger ? 'Run trigger' : 'Run to here'}
          </button>
          {!trigger && (
            <button
              type="button"
              className="swe-btn swe-btn-ghost swe-btn-sm"
              onClick={() => props.onRun({ startNodeId: node.id })}
            >
              Run from here
            </button>
          )}
          <button
            type="button"
            role="switch"
            aria-checked={!node.disabled}
            aria-label="Enabled"
            className={`swe-switch${node.disabled ? '' : ' is-on'}`}
            title={node.disabled ? 'Disabled: items pass through' : 'Enabled'}
            onClick={() => patch((n) => ({ ...n, disabled: !n.disabled }))}
          >
            <span className="swe-switch-knob" />
          </button>
          <span className="swe-muted swe-small">{node.disabled ? 'Disabled' : 'Enabled'}</span>
        </div>
      )}
      <div className="swe-tabs" role="tablist" aria-label="Node panel sections">
        {(
          [
            ['params', 'Parameters'],
            ['input', `Input${step ? ` (${inputItems.length})` : ''}`],
            ['output', `Output${run ? ` (${run.items})` : pinned ? ` (${pinned.length})` : ''}`],
            ['settings', 'Settings'],
          ] as [Tab, string][]
        ).map(([t, label]) => (
          <button
            key={t}
            type="button"
            role="tab"
            aria-selected={tab === t}
            className={tab === t ? 'is-on' : ''}
            onClick={() => setTab(t)}
          >
            {label}
          </button>
        ))}
      </div>
      <div className="swe-panel-body" role="tabpanel">
        {tab === 'params' && (
          <>
            {desc?.credentials.map((slot) => (
              <CredentialPicker
                key={slot.name}
                slot={slot}
                readOnly={readOnly}
                value={node.credentials[slot.name]}
                onChange={(id) =>
                  patch((n) => {
                    const credentials = { ...n.credentials };
                    if (id) credentials[slot.name] = id;
                    else delete credentials[slot.name];
                    return { ...n, credentials };
                  })
                }
              />
            ))}
            {desc ? (
              <SchemaForm
                nodeId={node.id}
                schema={desc.paramsSchema}
                rawParams={desc.rawParams}
                value={node.params}
                errors={errors.forNode(node.id)}
                readOnly={readOnly}
                onChange={onChange}
                onFieldError={onFieldError}
              />
            ) : (
              <p className="swe-field-error">Unknown node type “{node.type}”: is its package installed?</p>
            )}
          </>
        )}
        {tab === 'input' &&
          (step ? (
            <DataView items={inputItems} label="Input" />
          ) : (
            <EmptyNote
              text={
                trigger
                  ? 'A trigger has no input: it starts the workflow.'
                  : 'Run the workflow to see the items this node receives.'
              }
            />
          ))}
        {tab === 'output' && (
          <OutputTab
            nodeName={node.name}
            run={run}
            outputs={outputs}
            pinned={pinned}
            readOnly={readOnly}
            onPin={(items) =>
              store.update((d) => {
                const pinData = { ...d.pinData };
                if (items) pinData[node.id] = items.map((i) => ({ json: i.json }));
                else delete pinData[node.id];
                return { ...d, pinData };
              })
            }
          />
        )}
        {tab === 'settings' && <SettingsTab node={node} readOnly={readOnly} patch={patch} />}
      </div>
    </aside>
  );
}

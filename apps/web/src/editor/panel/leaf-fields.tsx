import { useState } from 'react';
import { CodeEditor } from './code-editor.js';
import { isExpression } from './schema-util.js';

/** Fields that hold a whole value without nested schema fields: JSON text and key/value rows. */

export interface LeafFieldProps {
  path: (string | number)[];
  value: unknown;
  label: string;
  readOnly: boolean;
  errors: ReadonlyMap<string, string> | undefined;
  onChange(path: (string | number)[], value: unknown): void;
  onFieldError(path: string, message: string | undefined): void;
}

export function JsonInput(props: LeafFieldProps) {
  const [text, setText] = useState(() =>
    props.value === undefined
      ? ''
      : typeof props.value === 'string'
        ? props.value
        : JSON.stringify(props.value, null, 2),
  );
  const pathKey = props.path.join('.');
  return (
    <CodeEditor
      mode="json"
      ariaLabel={props.label}
      value={text}
      readOnly={props.readOnly}
      invalid={props.errors?.has(pathKey)}
      onChange={(t) => {
        setText(t);
        if (t.trim() === '') return props.onChange(props.path, undefined);
        if (isExpression(t)) return props.onChange(props.path, t);
        try {
          props.onChange(props.path, JSON.parse(t));
          props.onFieldError(pathKey, undefined);
        } catch {
          props.onFieldError(pathKey, 'Not valid JSON yet');
        }
      }}
    />
  );
}

export function KeyValueRows(props: LeafFieldProps & { id: string }) {
  const rows = Array.isArray(props.value) ? (props.value as { name: string; value: unknown }[]) : [];
  const set = (i: number, patch: Partial<{ name: string; value: unknown }>) =>
    props.onChange(
      props.path,
      rows.map((r, j) => (j === i ? { ...r, ...patch } : r)),
    );
  return (
    <div className="swe-rows" id={props.id}>
      {rows.map((row, i) => (
        <div key={i} className="swe-kv" role="group" aria-label={`${props.label} ${i + 1}`}>
          <input
            className="swe-input"
            aria-label="Name"
            placeholder="name"
            value={row.name ?? ''}
            disabled={props.readOnly}
            onChange={(e) => set(i, { name: e.target.value })}
          />
          <input
            className="swe-input"
            aria-label="Value"
            placeholder="value or {{ expression }}"
            value={typeof row.value === 'string' ? row.value : JSON.stringify(row.value ?? '')}
            disabled={props.readOnly}
            onChange={(e) => set(i, { value: e.target.value })}
          />
          {!props.readOnly && (
            <button
              type="button"
              className="swe-icon-btn"
              aria-label={`Remove ${props.label} ${i + 1}`}
              onClick={() =>
                props.onChange(
                  props.path,
                  rows.filter((_, j) => j !== i),
                )
              }
            >
              ×
            </button>
          )}
        </div>
      ))}
      {!props.readOnly && (
        <button
          type="button"
          className="swe-btn swe-btn-ghost swe-btn-sm"
          onClick={() => props.onChange(props.path, [...rows, { name: '', value: '' }])}
        >
          + Add
        </button>
      )}
    </div>
  );
}

import { useEffect, useState } from 'react';
import { useEditor } from '../editor-context.js';
import type { CredentialSummary, CredentialTypeInfo } from '../types.js';
import { Dialog } from '../chrome/dialog.js';

/** Picks a stored credential for one slot, filtered by the slot's types, or creates one inline. */
export function CredentialPicker(props: {
  slot: { name: string; type: string[]; required: boolean };
  value: string | undefined;
  readOnly: boolean;
  onChange(id: string | undefined): void;
}) {
  const { api, toast } = useEditor();
  const [list, setList] = useState<CredentialSummary[]>([]);
  const [creating, setCreating] = useState(false);
  const load = () =>
    api
      .credentials()
      .then((all) => setList(all.filter((c) => props.slot.type.includes(c.type))))
      .catch(() => undefined);
  // once per api: a mounted picker's slot types never change, and `load` (a new function each
  // render) runs again after an inline create
  useEffect(() => void load(), [api]);
  const id = `cred-${props.slot.name}`;
  return (
    <div className="swe-field">
      <div className="swe-field-head">
        <label className="swe-label" htmlFor={id}>
          Credential ({props.slot.name}){props.slot.required && <span className="swe-req"> *</span>}
        </label>
      </div>
      <div className="swe-inline">
        <select
          id={id}
          className="swe-input"
          value={props.value ?? ''}
          disabled={props.readOnly}
          onChange={(e) => props.onChange(e.target.value || undefined)}
        >
          <option value="">— none —</option>
          {list.map((c) => (
            <option key={c.id} value={c.id}>
              {c.name} ({c.type})
            </option>
          ))}
        </select>
        {!props.readOnly && (
          <button type="button" className="swe-btn swe-btn-ghost" onClick={() => setCreating(true)}>
            Create new
          </button>
        )}
      </div>
      {creating && (
        <NewCredentialDialog
          types={props.slot.type}
          onClose={() => setCreating(false)}
          onCreated={(c) => {
            setCreating(false);
            void load();
            props.onChange(c.id);
            toast(`Credential “${c.name}” created`, 'success');
          }}
        />
      )}
    </div>
  );
}

function NewCredentialDialog(props: {
  types: string[];
  onClose(): void;
  onCreated(c: CredentialSummary): void;
}) {
  const { api } = useEditor();
  const [types, setTypes] = useState<CredentialTypeInfo[]>([]);
  const [type, setType] = useState(props.types[0] ?? '');
  const [name, setName] = useState('');
  const [data, setData] = useState<Record<string, string>>({});
  const [error, setError] = useState<string>();
  useEffect(() => {
    api
      .credentialTypes()
      .then((all) => setTypes(all.filter((t) => props.types.includes(t.type))))
      .catch(() => undefined);
  }, [api, props.types]);
  const info = types.find((t) => t.type === type);
  return (
    <Dialog title="New credential" onClose={props.onClose}>
      <form
        className="swe-form"
        onSubmit={(e) => {
          e.preventDefault();
          api
            .createCredential({ name: name || info?.displayName || type, type, data })
            .then(props.onCreated)
            .catch((err: Error & { field?: string }) =>
              setError(`${err.field ? `${err.field}: ` : ''}${err.message}`),
            );
        }}
      >
        <div className="swe-field-pair">
          <label className="swe-label" htmlFor="nc-type">
            Type
          </label>
          <select id="nc-type" className="swe-input" value={type} onChange={(e) => setType(e.target.value)}>
            {props.types.map((t) => (
              <option key={t} value={t}>
                {types.find((x) => x.type === t)?.displayName ?? t}
              </option>
            ))}
          </select>
        </div>
        <div className="swe-field-pair">
          <label className="swe-label" htmlFor="nc-name">
            Name
          </label>
          <input
            id="nc-name"
            className="swe-input"
            value={name}
            onChange={(e) => setName(e.target.value)}
            placeholder="My API key"
          />
        </div>
        {Object.entries(info?.schema.properties ?? {}).map(([k, s]) => (
          <div key={k} className="swe-field-pair">
            <label className="swe-label" htmlFor={`nc-${k}`}>
              {s.title ?? k}
            </label>
            <input
              id={`nc-${k}`}
              className="swe-input"
              type={info?.secretFields.includes(k) ? 'password' : 'text'}
              value={data[k] ?? ''}
              onChange={(e) => setData({ ...data, [k]: e.target.value })}
            />
          </div>
        ))}
        {error && (
          <p className="swe-field-error" role="alert">
            {error}
          </p>
        )}
        <div className="swe-dialog-actions">
          <button type="button" className="swe-btn swe-btn-ghost" onClick={props.onClose}>
            Cancel
          </button>
          <button type="submit" className="swe-btn swe-btn-primary">
            Create credential
          </button>
        </div>
      </form>
    </Dialog>
  );
}

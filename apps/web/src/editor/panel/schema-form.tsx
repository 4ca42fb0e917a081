import { memo, useId } from 'react';
import type { JsonSchema } from '../types.js';
import { CodeEditor } from './code-editor.js';
import { fieldKind } from './field-kind.js';
import { JsonInput, KeyValueRows } from './leaf-fields.js';
import type { FieldProps, FormProps } from './form-types.js';
import { defaultFor, humanize, resolve, typeOf } from './schema-util.js';
import { TextLike } from './text-like-field.js';

/**
 * A form generated from a node's params JSON Schema. Values flow up as (path, value) so the
 * document store applies each edit as one small immutable change.
 */

export const SchemaForm = memo(function SchemaForm(
  props: FormProps & { schema: JsonSchema; value: Record<string, unknown>; rawParams: string[] },
) {
  const entries = Object.entries(props.schema.properties ?? {});
  if (entries.length === 0) return <p className="swe-muted">This node has no parameters.</p>;
  return (
    <div className="swe-form">
      {entries.map(([key, schema]) => (
        <Field
          key={key}
          {...props}
          path={[key]}
          name={key}
          schema={schema}
          value={props.value[key]}
          required={props.schema.required?.includes(key) ?? false}
          raw={props.rawParams.includes(key)}
        />
      ))}
    </div>
  );
});

function Field(props: FieldProps) {
  const schema = resolve(props.schema);
  const type = typeOf(schema);
  const label = props.label ?? schema.title ?? humanize(props.name);
  const id = useId();
  const pathKey = props.path.join('.');
  const error = props.errors?.get(pathKey);
  const help = schema.description;
  const change = (v: unknown) => props.onChange(props.path, v);
  const kind = fieldKind(props.schema, props.value, { raw: props.raw });

  const wrap = (control: React.ReactNode, opts: { fx?: React.ReactNode; inline?: boolean } = {}) => (
    <div className={`swe-field${error ? ' has-error' : ''}${opts.inline ? ' is-inline' : ''}`}>
      <div className="swe-field-head">
        <span>
          <label htmlFor={id} className="swe-label">
            {label}
          </label>
          {props.required && (
            <span className="swe-req" aria-hidden="true">
              {' '}
              *
            </span>
          )}
        </span>
        {opts.fx}
      </div>
      {control}
      {error ? (
        <p className="swe-field-error" role="alert">
          {error}
        </p>
      ) : help ? (
        <p className="swe-help">{help}</p>
      ) : null}
    </div>
  );

  if (kind === 'switch') {
    const on = props.value === true || (props.value === undefined && schema.default === true);
    return wrap(
      <button
        id={id}
        type="button"
        role="switch"
        aria-checked={on}
        aria-label={label}
        disabled={props.readOnly}
        className={`swe-switch${on ? ' is-on' : ''}`}
        onClick={() => change(!on)}
      >
        <span className="swe-switch-knob" />
      </button>,
      { inline: true },
    );
  }

  if (kind === 'select' && schema.enum) {
    const current = props.value ?? schema.default ?? '';
    return wrap(
      <select
        id={id}
        className="swe-input"
        value={String(current)}
        disabled={props.readOnly}
        onChange={(e) => change(e.target.value)}
      >
        {!props.required && schema.default === undefined && <option value="">—</option>}
        {schema.enum.map((o) => (
          <option key={String(o)} value={String(o)}>
            {String(o)}
          </option>
        ))}
      </select>,
    );
  }

  if (kind === 'keyValue' || kind === 'rows') {
    if (kind === 'keyValue') return wrap(<KeyValueRows {...props} id={id} label={label} />);
    return wrap(<ObjectRows {...props} schema={schema} id={id} label={label} />);
  }

  if (kind === 'group' && schema.properties) {
    const value = (props.value && typeof props.value === 'object' ? props.value : {}) as Record<
      string,
      unknown
    >;
    return (
      <fieldset className="swe-fieldset">
        <legend>{label}</legend>
        {Object.entries(schema.properties).map(([k, s]) => (
          <Field
            key={k}
            {...props}
            label={undefined}
            path={[...props.path, k]}
            name={k}
            schema={s}
            value={value[k]}
            required={schema.required?.includes(k) ?? false}
          />
        ))}
      </fieldset>
    );
  }

  if (kind === 'record') {
    const record = (props.value && typeof props.value === 'object' ? props.value : {}) as Record<
      string,
      unknown
    >;
    const rows = Object.entries(record).map(([name, value]) => ({ name, value }));
    return wrap(
      <KeyValueRows
        {...props}
        id={id}
        label={label}
        value={rows}
        onChange={(_p, v) =>
          change(Object.fromEntries((v as { name: string; value: unknown }[]).map((r) => [r.name, r.value])))
        }
      />,
    );
  }

  if (kind === 'code') {
    return wrap(
      <CodeEditor
        mode="code"
        ariaLabel={label}
        value={typeof props.value === 'string' ? props.value : String(schema.default ?? '')}
        onChange={change}
        readOnly={props.readOnly}
      />,
    );
  }

  if (kind === 'json') return wrap(<JsonInput {...props} label={label} />);

  // text-like: string, number, untyped; each can switch to an expression
  return <TextLike {...props} schema={schema} type={type} label={label} id={id} wrap={wrap} />;
}

function ObjectRows(props: FieldProps & { id: string; label: string }) {
  const rows = Array.isArray(props.value) ? (props.value as unknown[]) : [];
  const itemSchema = resolve(props.schema.items ?? {});
  const singular = props.label.replace(/ to set$/, '').replace(/s$/, '');
  const isObj = typeOf(itemSchema) === 'object';
  return (
    <div className="swe-rows" id={props.id}>
      {rows.map((row, i) => (
        <div key={i} className="swe-row" role="group" aria-label={`${singular} ${i + 1}`}>
          <div className="swe-row-fields">
            {isObj ? (
              Object.entries(itemSchema.properties ?? {}).map(([k, s]) => (
                <Field
                  key={k}
                  {...props}
                  label={undefined}
                  path={[...props.path, i, k]}
                  name={k}
                  schema={s}
                  value={(row as Record<string, unknown> | undefined)?.[k]}
                  required={itemSchema.required?.includes(k) ?? false}
                />
              ))
            ) : (
              <Field
                {...props}
                label={`${singular} ${i + 1}`}
                path={[...props.path, i]}
                name={String(i)}
                schema={itemSchema}
                value={row}
                required
              />
            )}
          </div>
          {!props.readOnly && (
            <button
              type="button"
              className="swe-icon-btn"
              aria-label={`Remove ${singular} ${i + 1}`}
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
          onClick={() => props.onChange(props.path, [...rows, defaultFor(itemSchema)])}
        >
          + Add {singular.toLowerCase()}
        </button>
      )}
    </div>
  );
}

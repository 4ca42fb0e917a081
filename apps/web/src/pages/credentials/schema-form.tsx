import type { JsonSchema } from '../../api/client.js';
import { TextField } from '../../ui/input.js';
import { SelectField } from '../../ui/select.js';

/**
 * A form generated from a credential type's JSON Schema (flat objects of strings, numbers,
 * booleans and enums — what credential types use). Secret fields are password inputs; when editing,
 * a secret that is already stored shows as empty with "(unchanged)", and left empty it is kept.
 */

export type FormValues = Record<string, string | boolean>;

export interface SchemaField {
  key: string;
  label: string;
  kind: 'text' | 'number' | 'boolean' | 'enum';
  options: string[];
  required: boolean;
  secret: boolean;
  description?: string | undefined;
  placeholder?: string | undefined;
}

export function schemaFields(schema: JsonSchema, secretFields: string[]): SchemaField[] {
  const required = new Set(schema.required ?? []);
  return Object.entries(schema.properties ?? {}).map(([key, prop]) => {
    const type = Array.isArray(prop.type) ? prop.type.find((t) => t !== 'null') : prop.type;
    const kind: SchemaField['kind'] = prop.enum
      ? 'enum'
      : type === 'boolean'
        ? 'boolean'
        : type === 'number' || type === 'integer'
          ? 'number'
          : 'text';
    return {
      key,
      label: prop.title ?? humanize(key),
      kind,
      options: (prop.enum ?? []).map(String),
      required: required.has(key) && prop.default === undefined,
      secret: secretFields.includes(key) || prop.ui?.widget === 'password',
      description: prop.description,
      placeholder: prop.ui?.placeholder,
    };
  });
}

function humanize(key: string): string {
  const spaced = key.replace(/([a-z0-9])([A-Z])/g, '$1 $2').replace(/[_-]+/g, ' ');
  return spaced.charAt(0).toUpperCase() + spaced.slice(1);
}

export function initialValues(fields: SchemaField[], stored: Record<string, unknown> = {}): FormValues {
  const values: FormValues = {};
  for (const f of fields) {
    const v = f.secret ? undefined : stored[f.key];
    values[f.key] = f.kind === 'boolean' ? v === true : v === undefined || v === null ? '' : String(v);
  }
  return values;
}

/** The data to send: empty optional fields are left out; on edit, empty secrets too (kept on the server). */
export function valuesToData(
  fields: SchemaField[],
  values: FormValues,
  mode: 'create' | 'edit',
): Record<string, unknown> {
  const data: Record<string, unknown> = {};
  for (const f of fields) {
    const v = values[f.key];
    if (f.kind === 'boolean') data[f.key] = v === true;
    else if (typeof v === 'string' && v !== '') data[f.key] = f.kind === 'number' ? Number(v) : v;
    else if (mode === 'create' && f.kind === 'text' && f.required) data[f.key] = '';
  }
  return data;
}

export function SchemaForm({
  fields,
  values,
  onChange,
  storedSecrets,
  errors,
}: {
  fields: SchemaField[];
  values: FormValues;
  onChange(values: FormValues): void;
  /** names of the secret fields already stored (edit mode) */
  storedSecrets: string[];
  errors: Record<string, string>;
}) {
  const set = (key: string, value: string | boolean) => onChange({ ...values, [key]: value });
  return (
    <>
      {fields.map((f) => {
        const value = values[f.key];
        const stored = f.secret && storedSecrets.includes(f.key);
        if (f.kind === 'boolean')
          return (
            <label key={f.key} className="checkbox">
              <input
                type="checkbox"
                checked={value === true}
                onChange={(e) => set(f.key, e.target.checked)}
              />
              {f.label}
            </label>
          );
        if (f.kind === 'enum')
          return (
            <SelectField
              key={f.key}
              label={f.label}
              options={[{ value: '', label: 'Choose…' }, ...f.options.map((o) => ({ value: o, label: o }))]}
              value={typeof value === 'string' ? value : ''}
              onChange={(e) => set(f.key, e.target.value)}
            />
          );
        return (
          <TextField
            key={f.key}
            label={f.label}
            type={f.secret ? 'password' : f.kind === 'number' ? 'number' : 'text'}
            autoComplete={f.secret ? 'new-password' : 'off'}
            spellCheck={false}
            required={f.required && !stored}
            placeholder={stored ? '•••••• (unchanged)' : f.placeholder}
            hint={stored ? 'Stored. Leave empty to keep it; type a new value to replace it.' : f.description}
            error={errors[f.key]}
            value={typeof value === 'string' ? value : ''}
            onChange={(e) => set(f.key, e.target.value)}
          />
        );
      })}
    </>
  );
}

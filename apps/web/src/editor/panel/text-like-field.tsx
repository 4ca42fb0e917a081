import { useState } from 'react';
import { ExpressionField } from './expression-field.js';
import type { FieldProps } from './form-types.js';
import { isExpression } from './schema-util.js';

/** A string, number or untyped param: a plain input that can switch to an expression. */
export function TextLike(
  props: FieldProps & {
    type: string | undefined;
    id: string;
    label: string;
    wrap: (c: React.ReactNode, o?: { fx?: React.ReactNode }) => React.ReactNode;
  },
) {
  const { schema, type, value } = props;
  const [expr, setExpr] = useState(() => isExpression(value));
  const numeric = type === 'number' || type === 'integer';
  const text =
    value === undefined || value === null ? '' : typeof value === 'string' ? value : JSON.stringify(value);
  const pathKey = props.path.join('.');
  const fx = (
    <button
      type="button"
      className={`swe-fx${expr ? ' is-on' : ''}`}
      aria-pressed={expr}
      aria-label={`Expression for ${props.label}`}
      title={expr ? 'Switch to a fixed value' : 'Use an expression: {{ $json.field }}'}
      disabled={props.readOnly}
      onClick={() => {
        if (!expr && !isExpression(text))
          props.onChange(props.path, text ? `{{ ${numeric ? text : JSON.stringify(text)} }}` : '{{ $json }}');
        if (expr) props.onFieldError(pathKey, undefined);
        setExpr(!expr);
      }}
    >
      fx
    </button>
  );
  if (expr || isExpression(value)) {
    return props.wrap(
      <ExpressionField
        nodeId={props.nodeId}
        label={props.label}
        value={text}
        onChange={(v) => props.onChange(props.path, v)}
        onError={(m) => props.onFieldError(pathKey, m)}
      />,
      { fx },
    );
  }
  const widget = schema.ui?.widget;
  const common = {
    id: props.id,
    className: 'swe-input',
    placeholder:
      schema.ui?.placeholder ?? (schema.default !== undefined ? String(schema.default) : undefined),
    disabled: props.readOnly,
    'aria-invalid': props.errors?.has(pathKey) || undefined,
  };
  if (widget === 'textarea')
    return props.wrap(
      <textarea
        {...common}
        rows={4}
        value={text}
        onChange={(e) => props.onChange(props.path, e.target.value)}
      />,
      { fx },
    );
  return props.wrap(
    <input
      {...common}
      type={widget === 'password' ? 'password' : numeric ? 'number' : 'text'}
      min={schema.minimum}
      max={schema.maximum}
      value={text}
      onChange={(e) => {
        const raw = e.target.value;
        if (numeric)
          props.onChange(props.path, raw === '' ? undefined : Number.isNaN(Number(raw)) ? raw : Number(raw));
        else props.onChange(props.path, raw);
      }}
    />,
    { fx },
  );
}

import { useId, type SelectHTMLAttributes } from 'react';

export interface SelectOption {
  value: string;
  label: string;
}

export function SelectField({
  label,
  options,
  hideLabel,
  id,
  className,
  ...rest
}: {
  label: string;
  options: SelectOption[];
  hideLabel?: boolean;
} & SelectHTMLAttributes<HTMLSelectElement>) {
  const autoId = useId();
  const selectId = id ?? autoId;
  return (
    <div className={`field ${className ?? ''}`}>
      <label htmlFor={selectId} className={hideLabel ? 'visually-hidden' : 'field-label'}>
        {label}
      </label>
      <select id={selectId} className="input select" {...rest}>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

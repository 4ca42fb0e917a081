import { TextField } from './input.js';

/** "From" and "To" date inputs of a list's filters; each bounds the other. */
export function DateRangeFields({
  from,
  to,
  onChange,
}: {
  from: string;
  to: string;
  onChange(patch: { from?: string; to?: string }): void;
}) {
  return (
    <>
      <TextField
        label="From"
        type="date"
        className="toolbar-date"
        value={from}
        max={to || undefined}
        onChange={(e) => onChange({ from: e.target.value })}
      />
      <TextField
        label="To"
        type="date"
        className="toolbar-date"
        value={to}
        min={from || undefined}
        onChange={(e) => onChange({ to: e.target.value })}
      />
    </>
  );
}

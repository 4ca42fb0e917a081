import { useMemo, useState } from 'react';
import type { Item } from '@shopwire/sdk';

/** Items as a table (one column per top-level field) or as JSON. */
export function DataView(props: { items: Item[]; label: string }) {
  const [mode, setMode] = useState<'table' | 'json'>('table');
  const columns = useMemo(() => {
    const cols = new Set<string>();
    for (const it of props.items.slice(0, 100)) for (const k of Object.keys(it.json ?? {})) cols.add(k);
    return [...cols].slice(0, 30);
  }, [props.items]);
  return (
    <div className="swe-data">
      <div className="swe-data-bar">
        <span className="swe-muted">
          {props.items.length} item{props.items.length === 1 ? '' : 's'}
        </span>
        <div className="swe-seg" role="tablist" aria-label={`${props.label} view`}>
          {(['table', 'json'] as const).map((m) => (
            <button
              key={m}
              type="button"
              role="tab"
              aria-selected={mode === m}
              className={mode === m ? 'is-on' : ''}
              onClick={() => setMode(m)}
            >
              {m === 'table' ? 'Table' : 'JSON'}
            </button>
          ))}
        </div>
      </div>
      {props.items.length === 0 ? (
        <p className="swe-muted swe-pad">No items.</p>
      ) : mode === 'json' ? (
        <pre className="swe-json" aria-label={`${props.label} JSON`}>
          {JSON.stringify(
            props.items.slice(0, 200).map((i) => i.json),
            null,
            2,
          )}
        </pre>
      ) : (
        <div className="swe-table-wrap">
          <table className="swe-table" aria-label={`${props.label} table`}>
            <thead>
              <tr>
                <th scope="col">#</th>
                {columns.map((c) => (
                  <th key={c} scope="col">
                    {c}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {props.items.slice(0, 200).map((it, i) => (
                <tr key={i}>
                  <td className="swe-muted">{i + 1}</td>
                  {columns.map((c) => (
                    <td key={c}>{cell(it.json?.[c])}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}

function cell(v: unknown): string {
  if (v === undefined) return '';
  if (typeof v === 'string') return v;
  const s = JSON.stringify(v);
  return s.length > 120 ? `${s.slice(0, 120)}…` : s;
}

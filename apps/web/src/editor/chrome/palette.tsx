import { useEffect, useMemo, useRef, useState } from 'react';
import type { NodeTypeDescription } from '../types.js';
import { NodeIcon } from '../canvas/node-icon.js';
import { PALETTE_MIME } from '../canvas/canvas.js';

const GROUP_ORDER = ['Triggers', 'Transform', 'Flow', 'Actions', 'Retail', 'Analytics', 'Utility'];

/** Searchable, grouped list of node types: click to add, or drag onto the canvas. */
export function Palette(props: {
  types: NodeTypeDescription[];
  /** only triggers (empty canvas), or no triggers (adding after a node) */
  filter: 'all' | 'triggers' | 'noTriggers';
  title: string;
  onPick(type: NodeTypeDescription): void;
  onClose(): void;
}) {
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => input.current?.focus(), []);

  const groups = useMemo(() => {
    const q = query.trim().toLowerCase();
    const list = props.types.filter((t) => {
      if (props.filter === 'triggers' && t.kind !== 'trigger') return false;
      if (props.filter === 'noTriggers' && t.kind === 'trigger') return false;
      if (!q) return true;
      return `${t.displayName} ${t.description} ${t.type} ${t.group}`.toLowerCase().includes(q);
    });
    const byGroup = new Map<string, NodeTypeDescription[]>();
    for (const t of list) byGroup.set(t.group, [...(byGroup.get(t.group) ?? []), t]);
    return [...byGroup.entries()].sort(
      ([a], [b]) => ((GROUP_ORDER.indexOf(a) + 100) % 100) - ((GROUP_ORDER.indexOf(b) + 100) % 100),
    );
  }, [props.types, props.filter, query]);
  const flat = groups.flatMap(([, list]) => list);

  return (
    <aside className="swe-drawer swe-palette" role="dialog" aria-label="Add a node">
      <header className="swe-drawer-head">
        <h2>{props.title}</h2>
        <button type="button" className="swe-icon-btn" aria-label="Close" onClick={props.onClose}>
          ×
        </button>
      </header>
      <input
        ref={input}
        className="swe-input swe-palette-search"
        type="search"
        placeholder="Search nodes…"
        aria-label="Search nodes"
        value={query}
        onChange={(e) => {
          setQuery(e.target.value);
          setActive(0);
        }}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown') setActive((a) => Math.min(a + 1, flat.length - 1));
          else if (e.key === 'ArrowUp') setActive((a) => Math.max(a - 1, 0));
          else if (e.key === 'Enter' && flat[active]) props.onPick(flat[active]);
          else if (e.key === 'Escape') props.onClose();
          else return;
          e.preventDefault();
        }}
      />
      <div className="swe-palette-list">
        {groups.length === 0 && <p className="swe-muted swe-pad">No node matches “{query}”.</p>}
        {groups.map(([group, list]) => (
          <section key={group} aria-label={group}>
            <h3 className="swe-palette-group">{group}</h3>
            <ul role="list">
              {list.map((t) => (
                <li key={t.type}>
                  <button
                    type="button"
                    className={`swe-palette-item${flat[active] === t ? ' is-active' : ''}`}
                    aria-label={t.displayName}
                    title={t.description}
                    draggable
                    onDragStart={(e) => {
                      e.dataTransfer.setData(PALETTE_MIME, t.type);
                      e.dataTransfer.effectAllowed = 'move';
                    }}
                    onClick={() => props.onPick(t)}
                  >
                    <NodeIcon desc={t} size={30} />
                    <span className="swe-palette-text">
                      <span className="swe-palette-name">{t.displayName}</span>
                      <span className="swe-palette-desc">{t.description}</span>
                    </span>
                  </button>
                </li>
              ))}
            </ul>
          </section>
        ))}
      </div>
    </aside>
  );
}

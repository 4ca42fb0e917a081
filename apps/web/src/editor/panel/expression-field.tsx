import { useEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import type { CompletionContext, CompletionResult } from '@codemirror/autocomplete';
import { useEditor } from '../editor-context.js';
import { CodeEditor } from './code-editor.js';
import { expressionData, fieldPaths, type ExpressionData } from './expression-data.js';
import type { PreviewResult } from '../types.js';

const GLOBALS: { label: string; info: string }[] = [
  { label: '$json', info: 'the current item' },
  { label: '$input', info: '.all(), .first(), .last(), .item' },
  { label: '$now', info: 'current time (DateTime)' },
  { label: '$today', info: 'start of today' },
  { label: '$vars', info: 'workspace variables' },
  { label: '$execution', info: '{ id, mode }' },
  { label: '$workflow', info: '{ id, name, active }' },
  { label: '$index', info: 'index of the current item' },
  { label: 'DateTime', info: 'date helpers' },
];

function completer(data: React.RefObject<ExpressionData>) {
  return (ctx: CompletionContext): CompletionResult | null => {
    const d = data.current;
    const jsonMatch = ctx.matchBefore(/\$json\.[\w.]*$/);
    if (jsonMatch) {
      const paths = fieldPaths(d.items[0] ?? {});
      return {
        from: jsonMatch.from + '$json.'.length,
        options: paths.map((p) => ({ label: p, type: 'property', detail: preview(d.items[0], p) })),
        validFor: /^[\w.]*$/,
      };
    }
    const nodeMatch = ctx.matchBefore(/\$\(['"]?[^'")]*$/);
    if (nodeMatch) {
      return {
        from: nodeMatch.from,
        options: d.upstream.map((u) => ({
          label: `$('${u.name}')`,
          type: 'function',
          detail: `${u.items.length} items`,
        })),
      };
    }
    const word = ctx.matchBefore(/\$\w*|DateT\w*/);
    if (!word || (word.from === word.to && !ctx.explicit)) return null;
    return {
      from: word.from,
      options: [
        ...GLOBALS.map((g) => ({ label: g.label, type: 'variable', info: g.info })),
        ...d.upstream.map((u) => ({ label: `$('${u.name}')`, type: 'function', detail: 'upstream node' })),
      ],
    };
  };
}

/** "id=name" of every node, cached per nodes array (a string: stable across param edits) */
const namesCache = new WeakMap<readonly { id: string; name: string }[], string>();
function nodeNames(nodes: readonly { id: string; name: string }[]): string {
  let key = namesCache.get(nodes);
  if (key === undefined) {
    key = nodes.map((n) => `${n.id}=${n.name}`).join('\n');
    namesCache.set(nodes, key);
  }
  return key;
}

function preview(item: Record<string, unknown> | undefined, path: string): string {
  let v: unknown = item;
  for (const k of path.split('.'))
    v = v && typeof v === 'object' ? (v as Record<string, unknown>)[k] : undefined;
  const s = JSON.stringify(v);
  return s === undefined ? '' : s.length > 30 ? `${s.slice(0, 30)}…` : s;
}

/** Expression editor: CodeMirror with completions, and a live preview evaluated by the server's sandbox. */
export function ExpressionField(props: {
  nodeId: string;
  label: string;
  value: string;
  onChange(value: string): void;
  onError(message: string | undefined): void;
}) {
  const { api, run, store } = useEditor();
  // what the data depends on (not every param edit): connections, pinned data and node names
  const connections = useSyncExternalStore(store.subscribe, () => store.get().doc.connections);
  const pinData = useSyncExternalStore(store.subscribe, () => store.get().doc.pinData);
  const names = useSyncExternalStore(store.subscribe, () => nodeNames(store.get().doc.nodes));
  const runState = useSyncExternalStore(run.subscribe, run.get);
  const data = useMemo(
    () => expressionData(store.doc, runState, props.nodeId),
    // connections, pinData and names are not read here: they are the change signals for store.doc
    [store, connections, pinData, names, runState, props.nodeId],
  );
  const dataRef = useRef(data);
  dataRef.current = data;
  const complete = useMemo(() => completer(dataRef), []);
  const [result, setResult] = useState<PreviewResult | undefined>();
  const onError = useRef(props.onError);
  onError.current = props.onError;

  // debounced server preview of the current item (item 1)
  useEffect(() => {
    const controller = new AbortController();
    const timer = setTimeout(() => {
      const nodes: Record<string, { items: unknown[] }> = {};
      for (const u of data.upstream) nodes[u.name] = { items: u.items.slice(0, 50) };
      api
        .preview(
          {
            template: props.value,
            items: data.items.slice(0, 50),
            itemIndex: 0,
            nodes,
            workflow: { id: store.doc.id ?? '', name: store.doc.name },
            timezone: store.doc.settings.timezone,
          },
          controller.signal,
        )
        .then((r) => {
          setResult(r);
          onError.current(r.ok ? undefined : r.error.message);
        })
        .catch((e: unknown) => {
          if ((e as Error).name !== 'AbortError')
            setResult({
              ok: false,
              error: { code: 'PREVIEW', message: 'Preview unavailable: ' + (e as Error).message },
            });
        });
    }, 250);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [api, store, props.value, data]);

  return (
    <div className="swe-expr">
      <CodeEditor
        mode="expression"
        ariaLabel={props.label}
        value={props.value}
        onChange={props.onChange}
        completions={complete}
        invalid={result?.ok === false}
        placeholder="{{ $json.field }}"
      />
      <div
        className={`swe-expr-preview${result?.ok === false ? ' is-error' : ''}`}
        aria-live="polite"
        aria-label={`Result of ${props.label}`}
      >
        {result === undefined ? (
          <span className="swe-muted">Evaluating…</span>
        ) : result.ok ? (
          <>
            <span className="swe-muted">
              {data.items.length ? 'Result for item 1: ' : 'Result (no input data yet): '}
            </span>
            <code>{formatValue(result.value)}</code>
          </>
        ) : (
          <span role="alert">{result.error.message}</span>
        )}
      </div>
    </div>
  );
}

function formatValue(v: unknown): string {
  if (v === undefined || v === null || v === '') return '(empty)';
  const s = typeof v === 'string' ? v : JSON.stringify(v);
  return s.length > 300 ? `${s.slice(0, 300)}…` : s;
}

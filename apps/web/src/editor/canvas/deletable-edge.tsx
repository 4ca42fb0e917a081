import { memo, useSyncExternalStore } from 'react';
import type { WorkflowNode } from '@shopwire/sdk';
import { BaseEdge, EdgeLabelRenderer, getBezierPath, type EdgeProps } from '@xyflow/react';
import { useEditor } from '../editor-context.js';

/** A connection with a remove button in its middle (shown when the edge is selected: click it). */
export const DeletableEdge = memo(function DeletableEdge(props: EdgeProps) {
  const {
    id,
    sourceX,
    sourceY,
    targetX,
    targetY,
    sourcePosition,
    targetPosition,
    selected,
    markerEnd,
    style,
  } = props;
  const { store, readOnly } = useEditor();
  // a string snapshot: the edge re-renders only when one of its two names changes
  const label = useSyncExternalStore(store.subscribe, () => {
    const names = nameIndex(store.get().doc.nodes);
    return `connection ${names.get(props.source) ?? ''} → ${names.get(props.target) ?? ''}`;
  });
  const [path, labelX, labelY] = getBezierPath({
    sourceX,
    sourceY,
    targetX,
    targetY,
    sourcePosition,
    targetPosition,
  });
  return (
    <>
      <BaseEdge id={id} path={path} markerEnd={markerEnd} style={style} interactionWidth={18} />
      {/* only on the selected edge: 500 always-mounted label buttons made zooming a big workflow stutter */}
      {!readOnly && selected && (
        <EdgeLabelRenderer>
          <button
            type="button"
            className={`swe-edge-del nodrag nopan${selected ? ' is-visible' : ''}`}
            style={{ transform: `translate(-50%, -50%) translate(${labelX}px, ${labelY}px)` }}
            aria-label={`Delete ${label}`}
            onClick={() =>
              store.update((d) => ({ ...d, connections: d.connections.filter((c) => edgeId(c) !== id) }))
            }
          >
            ×
          </button>
        </EdgeLabelRenderer>
      )}
    </>
  );
});

export function edgeId(c: {
  from: { node: string; output: string };
  to: { node: string; input: number };
}): string {
  return `${c.from.node}:${c.from.output}->${c.to.node}:${c.to.input}`;
}

/** id → name, computed once per nodes array (shared by every edge) */
const nameCache = new WeakMap<WorkflowNode[], Map<string, string>>();
function nameIndex(nodes: WorkflowNode[]): Map<string, string> {
  let m = nameCache.get(nodes);
  if (!m) {
    m = new Map(nodes.map((n) => [n.id, n.name]));
    nameCache.set(nodes, m);
  }
  return m;
}

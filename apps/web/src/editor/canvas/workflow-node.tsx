import { memo, useState } from 'react';
import { Handle, Position, type NodeProps, type Node } from '@xyflow/react';
import type { WorkflowNode } from '@shopwire/sdk';
import type { NodeTypeDescription } from '../types.js';
import { useEditor, useNodeRun } from '../editor-context.js';
import { inputLabel, nodeInputCount, nodeOutputs, outputLabel } from '../state/node-shape.js';
import { renameNode } from '../state/doc-ops.js';
import { NodeIcon } from './node-icon.js';

export type WfNodeData = { node: WorkflowNode; desc: NodeTypeDescription | undefined; pinned: boolean };
export type WfNode = Node<WfNodeData, 'wf'>;

export const ROW = 26;

export function nodeHeight(inputs: number, outputs: number): number {
  return Math.max(64, Math.max(inputs, outputs) * ROW + 20);
}

/** One workflow node on the canvas. Memoized: re-renders only when its node, selection or run changes. */
export const WorkflowNodeView = memo(function WorkflowNodeView({ data, selected }: NodeProps<WfNode>) {
  const { node, desc, pinned } = data;
  const { store, readOnly, openPalette } = useEditor();
  const run = useNodeRun(node.id);
  const [editing, setEditing] = useState(false);
  const inputs = nodeInputCount(node, desc);
  const outputs = nodeOutputs(node, desc);
  const height = nodeHeight(inputs, outputs.length);
  const status = run?.status;
  const trigger = desc?.kind === 'trigger';

  return (
    <div
      role="group"
      aria-label={node.name}
      data-status={status ?? 'idle'}
      className={`swe-node${selected ? ' is-selected' : ''}${node.disabled ? ' is-disabled' : ''}${trigger ? ' is-trigger' : ''}${status ? ` is-${status}` : ''}`}
      style={{ height }}
    >
      {Array.from({ length: inputs }, (_, i) => {
        const label = inputLabel(desc, i, inputs);
        return (
          <div key={`in-${i}`} className="swe-port swe-port-in" style={{ top: portTop(i, inputs, height) }}>
            <Handle
              type="target"
              id={`in-${i}`}
              position={Position.Left}
              isConnectable={!readOnly}
              aria-label={`${node.name} input ${i + 1}`}
            />
            {label && <span className="swe-port-label">{label}</span>}
          </div>
        );
      })}
      <NodeIcon desc={desc} size={34} />
      <div className="swe-node-text">
        {editing ? (
          <input
            className="swe-node-rename nodrag"
            aria-label="Node name"
            autoFocus
            defaultValue={node.name}
            onBlur={(e) => {
              store.update((d) => renameNode(d, node.id, e.currentTarget.value));
              setEditing(false);
            }}
            onKeyDown={(e) => {
              e.stopPropagation();
              if (e.key === 'Enter') e.currentTarget.blur();
              if (e.key === 'Escape') setEditing(false);
            }}
          />
        ) : (
          <div
            className="swe-node-name"
            title="Double-click to rename"
            onDoubleClick={(e) => {
              if (readOnly) return;
              e.stopPropagation();
              setEditing(true);
            }}
          >
            {node.name}
          </div>
        )}
        <div className="swe-node-sub">
          {node.disabled ? 'Disabled' : (desc?.displayName ?? `Unknown type ${node.type}`)}
          {pinned && (
            <span className="swe-pin-badge" title="Output pinned">
              📌 pinned
            </span>
          )}
        </div>
      </div>
      <RunBadge status={status} items={run?.items} />
      {outputs.map((name, i) => (
        <div key={name} className="swe-port swe-port-out" style={{ top: portTop(i, outputs.length, height) }}>
          {outputLabel(name) && (
            <span className={`swe-port-label out${name === 'error' ? ' err' : ''}`}>{outputLabel(name)}</span>
          )}
          <Handle
            type="source"
            id={`out-${name}`}
            position={Position.Right}
            isConnectable={!readOnly}
            aria-label={`${node.name} output ${name}`}
          />
          {!readOnly && (
            <button
              type="button"
              className="swe-port-add nodrag"
              aria-label={`Add node after ${node.name}${name === 'main' ? '' : ` (${name})`}`}
              title="Add the next node"
              onClick={(e) => {
                e.stopPropagation();
                openPalette({ node: node.id, output: name });
              }}
            >
              +
            </button>
          )}
        </div>
      ))}
    </div>
  );
});

function portTop(i: number, count: number, height: number): number {
  return (height / (count + 1)) * (i + 1);
}

function RunBadge({ status, items }: { status: string | undefined; items: number | undefined }) {
  if (!status) return null;
  if (status === 'running')
    return (
      <span className="swe-badge run" role="status" aria-label="Running">
        <span className="swe-spinner" />
      </span>
    );
  if (status === 'error')
    return (
      <span className="swe-badge err" role="status" aria-label="Failed">
        !
      </span>
    );
  if (status === 'waiting')
    return (
      <span className="swe-badge wait" role="status" aria-label="Waiting">
        ⏸
      </span>
    );
  return (
    <span className="swe-badge ok" role="status" aria-label={`Succeeded, ${items ?? 0} items`}>
      ✓<span className="swe-badge-count">{items ?? 0}</span>
    </span>
  );
}

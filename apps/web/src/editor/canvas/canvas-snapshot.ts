import type { Workflow, WorkflowNode } from '@shopwire/sdk';
import type { TypeLookup } from '../state/doc-ops.js';
import { nodeInputCount, nodeOutputs } from '../state/node-shape.js';

/**
 * The document as the canvas sees it. Typing in a node form changes that node's params, which the
 * canvas does not show: then the previous snapshot is kept, so neither the canvas, React Flow nor
 * the minimap do any work per keystroke. Only what a node on the canvas shows counts (name, type,
 * disabled, position, inputs/outputs), computed once per node object (WeakMap).
 */

const keys = new WeakMap<WorkflowNode, string>();

function shapeKey(node: WorkflowNode, lookup: TypeLookup): string {
  let key = keys.get(node);
  if (key === undefined) {
    const desc = lookup(node.type);
    key = [
      node.id,
      node.name,
      node.type,
      node.disabled,
      node.position[0],
      node.position[1],
      nodeInputCount(node, desc),
      nodeOutputs(node, desc).join(','),
    ].join('\u0001');
    keys.set(node, key);
  }
  return key;
}

/** `prev` when `next` looks the same on the canvas, else `next`. */
export function canvasSnapshot(prev: Workflow | undefined, next: Workflow, lookup: TypeLookup): Workflow {
  if (!prev || prev === next) return next;
  if (
    prev.connections !== next.connections ||
    prev.stickyNotes !== next.stickyNotes ||
    prev.pinData !== next.pinData
  )
    return next;
  if (prev.nodes.length !== next.nodes.length) return next;
  for (let i = 0; i < next.nodes.length; i++) {
    const a = prev.nodes[i] as WorkflowNode;
    const b = next.nodes[i] as WorkflowNode;
    if (a !== b && shapeKey(a, lookup) !== shapeKey(b, lookup)) return next;
  }
  return prev;
}

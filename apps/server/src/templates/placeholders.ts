import { ValidationError } from '@shopwire/sdk';
import type { Template } from './template-schema.js';

/** `{{credential:<slot>}}` in a node's `credentials` map. */
const PLACEHOLDER = /^\{\{\s*credential:([A-Za-z][A-Za-z0-9_-]{0,63})\s*\}\}$/;

export interface PlaceholderUse {
  nodeIndex: number;
  /** the node type's credential slot name (key in node.credentials) */
  nodeSlot: string;
  /** the template's credential slot the placeholder names */
  slot: string;
}

function nodesOf(template: Template): Record<string, unknown>[] {
  const nodes = template.workflow['nodes'];
  return Array.isArray(nodes) ? (nodes as Record<string, unknown>[]) : [];
}

/** Every placeholder in the template's nodes; a credential value that is not a placeholder is an error. */
export function placeholderUses(template: Template): PlaceholderUse[] {
  const uses: PlaceholderUse[] = [];
  nodesOf(template).forEach((node, nodeIndex) => {
    const creds = node['credentials'];
    if (creds === undefined) return;
    if (typeof creds !== 'object' || creds === null || Array.isArray(creds))
      throw new ValidationError(`workflow.nodes.${nodeIndex}.credentials`, 'must be an object');
    for (const [nodeSlot, value] of Object.entries(creds)) {
      const match = typeof value === 'string' ? PLACEHOLDER.exec(value) : null;
      if (!match) {
        throw new ValidationError(
          `workflow.nodes.${nodeIndex}.credentials.${nodeSlot}`,
          'a template refers to credentials only as "{{credential:<slot>}}"',
        );
      }
      uses.push({ nodeIndex, nodeSlot, slot: match[1]! });
    }
  });
  return uses;
}

/**
 * The workflow document with every placeholder replaced by the credential id chosen for its slot.
 * The template itself is not changed.
 */
export function fillPlaceholders(template: Template, ids: Record<string, string>): Record<string, unknown> {
  const document = structuredClone(template.workflow);
  const nodes = Array.isArray(document['nodes']) ? (document['nodes'] as Record<string, unknown>[]) : [];
  for (const use of placeholderUses(template)) {
    const id = ids[use.slot];
    if (id === undefined)
      throw new ValidationError(`credentials.${use.slot}`, 'no credential given for this slot');
    const node = nodes[use.nodeIndex]!;
    (node['credentials'] as Record<string, string>)[use.nodeSlot] = id;
  }
  return document;
}

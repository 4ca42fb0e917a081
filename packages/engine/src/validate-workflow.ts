import { ValidationError, isExpressionTemplate, nodeInputCount, nodeOutputs } from '@shopwire/sdk';
import type { NodeDefinition, Workflow } from '@shopwire/sdk';
import { buildGraph } from './graph.js';
import type { NodeTypeRegistry } from './types.js';

type Issue = { field: string; message: string };

/**
 * Graph and params checks the zod document schema can't do. Throws one ValidationError naming the
 * first offending field; `issues` lists all of them.
 */
export function validateWorkflow(workflow: Workflow, nodes: NodeTypeRegistry): void {
  const issues: Issue[] = [];
  const defs = new Map<string, NodeDefinition>();
  const parsedParams = new Map<string, unknown>();
  const ids = new Set<string>();
  const names = new Set<string>();

  workflow.nodes.forEach((node, i) => {
    if (ids.has(node.id)) issues.push({ field: `nodes.${i}.id`, message: `duplicate node id "${node.id}"` });
    if (names.has(node.name))
      issues.push({ field: `nodes.${i}.name`, message: `duplicate node name "${node.name}"` });
    ids.add(node.id);
    names.add(node.name);
    const def = nodes.getNode(node.type, node.typeVersion);
    if (!def) {
      issues.push({
        field: `nodes.${i}.type`,
        message: `unknown node type "${node.type}" (version ${node.typeVersion})`,
      });
      return;
    }
    defs.set(node.id, def);
    const parsed = def.params.safeParse(node.params);
    parsedParams.set(node.id, parsed.success ? parsed.data : node.params);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        if (touchesExpression(node.params, issue.path)) continue;
        issues.push({
          field: [`nodes.${i}.params`, ...issue.path.map(String)].join('.'),
          message: issue.message,
        });
      }
    }
  });

  workflow.connections.forEach((c, i) => {
    const fromDef = defs.get(c.from.node);
    const toDef = defs.get(c.to.node);
    const from = workflow.nodes.find((n) => n.id === c.from.node);
    if (!ids.has(c.from.node))
      issues.push({ field: `connections.${i}.from.node`, message: `unknown node "${c.from.node}"` });
    if (!ids.has(c.to.node))
      issues.push({ field: `connections.${i}.to.node`, message: `unknown node "${c.to.node}"` });
    if (fromDef && from) {
      const outputs = safeOutputs(fromDef, parsedParams.get(from.id));
      if (from.onError === 'output') outputs.push('error');
      if (outputs && !outputs.includes(c.from.output)) {
        issues.push({
          field: `connections.${i}.from.output`,
          message: `node "${from.name}" has no output "${c.from.output}" (outputs: ${outputs.join(', ')})`,
        });
      }
    }
    if (toDef) {
      const count = safeInputCount(toDef, parsedParams.get(c.to.node));
      if (c.to.input >= count) {
        issues.push({
          field: `connections.${i}.to.input`,
          message: `input ${c.to.input} is out of range (node has ${count})`,
        });
      }
    }
  });

  for (const key of Object.keys(workflow.pinData)) {
    if (!ids.has(key)) issues.push({ field: `pinData.${key}`, message: `unknown node "${key}"` });
  }

  const cycle = findCycle(workflow, (id) => defs.get(id)?.loop === true);
  if (cycle !== undefined) {
    issues.push({
      field: `connections.${cycle}`,
      message: 'creates a cycle; loops are only allowed back into input 1 of a loop node',
    });
  }

  const first = issues[0];
  if (first) throw new ValidationError(first.field, first.message, issues);
}

/** True when the zod issue path points at (or inside, or above) a `{{ }}` string. */
function touchesExpression(params: unknown, path: readonly PropertyKey[]): boolean {
  let value: unknown = params;
  for (const key of path) {
    if (typeof value === 'string') return isExpressionTemplate(value);
    if (typeof value !== 'object' || value === null) return false;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return containsExpression(value);
}

function containsExpression(value: unknown): boolean {
  if (typeof value === 'string') return isExpressionTemplate(value);
  if (Array.isArray(value)) return value.some(containsExpression);
  if (typeof value === 'object' && value !== null) return Object.values(value).some(containsExpression);
  return false;
}

function safeOutputs(def: NodeDefinition, params: unknown): string[] {
  try {
    return [...nodeOutputs(def, params)];
  } catch {
    return ['main'];
  }
}

function safeInputCount(def: NodeDefinition, params: unknown): number {
  try {
    return nodeInputCount(def, params);
  } catch {
    return 1;
  }
}

/** Index of a connection that closes a cycle, ignoring edges into input 1 of loop nodes. */
function findCycle(workflow: Workflow, isLoop: (id: string) => boolean): number | undefined {
  const graph = buildGraph(workflow, () => false);
  const state = new Map<string, 1 | 2>(); // 1 = on the stack, 2 = done
  const visit = (id: string): number | undefined => {
    state.set(id, 1);
    for (const edge of graph.outgoing.get(id) ?? []) {
      if (edge.input === 1 && isLoop(edge.to)) continue;
      const s = state.get(edge.to);
      if (s === 1) return edge.index;
      if (s === undefined) {
        const found = visit(edge.to);
        if (found !== undefined) return found;
      }
    }
    state.set(id, 2);
    return undefined;
  };
  for (const node of workflow.nodes) {
    if (state.has(node.id)) continue;
    const found = visit(node.id);
    if (found !== undefined) return found;
  }
  return undefined;
}

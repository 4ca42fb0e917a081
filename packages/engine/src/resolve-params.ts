import {
  isExpressionTemplate,
  isJsonObject,
  referencedNodeNames,
  referencesNodesDynamically,
} from '@shopwire/sdk';
import type { ExpressionContext, Item, JsonObject, NodeDefinition, Sandbox } from '@shopwire/sdk';
import { ParamError } from './param-error.js';

export interface NodeReferences {
  /** node names the templates read with `$('Name')` / `$node.Name` */
  names: string[];
  /** a template computes a node name: every upstream node may be read */
  dynamic: boolean;
}

export interface ResolveParamsOptions {
  definition: Pick<NodeDefinition, 'params' | 'rawParams'>;
  params: Record<string, unknown>;
  items: Item[];
  sandbox: Pick<Sandbox, 'evaluateExpressions'>;
  /** the expression context without `items` and `nodes` */
  context: Omit<ExpressionContext, 'items' | 'nodes'>;
  /** outputs of the referenced nodes, by name (only asked for when some template refers to nodes) */
  nodes?(references: NodeReferences): ExpressionContext['nodes'];
  timeoutMs?: number;
}

/**
 * Resolves a node's params for every input item: all `{{ }}` templates in one sandbox round trip,
 * then each item's params through the node's zod schema. Returns one entry per item (at least one).
 */
export async function resolveParams(options: ResolveParamsOptions): Promise<unknown[]> {
  const { definition, params, items } = options;
  const count = Math.max(items.length, 1);
  const raw = new Set(definition.rawParams ?? []);
  const templates = collectTemplates(params, raw);
  if (templates.length === 0) {
    const parsed = parseParams(definition, params, undefined);
    return Array.from({ length: count }, () => parsed);
  }
  const references: NodeReferences = {
    names: [...new Set(templates.flatMap(referencedNodeNames))],
    dynamic: templates.some(referencesNodesDynamically),
  };
  const wantsNodes = references.dynamic || references.names.length > 0;
  const result = await options.sandbox.evaluateExpressions({
    templates,
    // the spread last: see finishedCopy in step-recorder.ts
    context: {
      items: items.map((item) => item.json),
      nodes: wantsNodes && options.nodes ? options.nodes(references) : {},
      ...options.context,
    },
    ...(items.length > 0 ? { itemIndexes: items.map((_, i) => i) } : {}),
    ...(options.timeoutMs !== undefined ? { timeoutMs: options.timeoutMs } : {}),
  });
  const indexOf = new Map(templates.map((t, i) => [t, i]));
  const out: unknown[] = [];
  for (let i = 0; i < count; i += 1) {
    const row = result.values[i];
    const itemIndex = items.length > 0 ? i : undefined;
    const substituted = substitute(params, raw, 'params', (template, field) => {
      const cell = row?.[indexOf.get(template) ?? -1];
      if (!cell)
        throw new ParamError({
          code: 'EXPRESSION',
          field,
          message: 'expression was not evaluated',
          itemIndex,
        });
      if (!cell.ok)
        throw new ParamError({ code: 'EXPRESSION', field, message: cell.error.message, itemIndex });
      return cell.value;
    });
    out.push(parseParams(definition, substituted as Record<string, unknown>, itemIndex));
  }
  return out;
}

/** Distinct expression templates among the param values (deeply), skipping raw top-level keys. */
export function collectTemplates(
  params: Record<string, unknown>,
  rawParams: Set<string> = new Set(),
): string[] {
  const found = new Set<string>();
  const walk = (value: unknown): void => {
    if (typeof value === 'string') {
      if (isExpressionTemplate(value)) found.add(value);
    } else if (Array.isArray(value)) {
      for (const v of value) walk(v);
    } else if (typeof value === 'object' && value !== null) {
      for (const v of Object.values(value)) walk(v);
    }
  };
  for (const [key, value] of Object.entries(params)) if (!rawParams.has(key)) walk(value);
  return [...found];
}

function substitute(
  value: unknown,
  raw: Set<string>,
  field: string,
  resolve: (template: string, field: string) => unknown,
): unknown {
  if (typeof value === 'string') return isExpressionTemplate(value) ? resolve(value, field) : value;
  if (Array.isArray(value)) return value.map((v, i) => substitute(v, raw, `${field}.${i}`, resolve));
  if (typeof value === 'object' && value !== null) {
    const out: Record<string, unknown> = {};
    const top = field === 'params';
    for (const [key, v] of Object.entries(value)) {
      out[key] = top && raw.has(key) ? v : substitute(v, raw, `${field}.${key}`, resolve);
    }
    return out;
  }
  return value;
}

function parseParams(
  definition: Pick<NodeDefinition, 'params'>,
  params: unknown,
  itemIndex: number | undefined,
): unknown {
  const parsed = definition.params.safeParse(params);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const field = ['params', ...(issue?.path ?? []).map(String)].join('.');
  throw new ParamError({ code: 'VALIDATION', field, message: issue?.message ?? 'invalid value', itemIndex });
}

/** Main (or first) output json of a node run, as expressions see it. */
export function outputJson(output: Record<string, Item[]> | undefined): JsonObject[] {
  if (!output) return [];
  const items = output['main'] ?? Object.values(output)[0] ?? [];
  return items.map((item) => (isJsonObject(item.json) ? item.json : {}));
}

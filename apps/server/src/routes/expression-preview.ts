import type { JsonObject, Sandbox } from '@shopwire/sdk';
import { z } from '@shopwire/sdk';
import type { AppDeps } from '../app-env.js';
import { route, type RouteDef } from './route-def.js';

/**
 * The editor's live expression preview: evaluates one `{{ }}` template for one item, in the SAME
 * isolated-vm sandbox executions use (never in the server's own realm). Errors are answers, not
 * HTTP failures, so the editor can show them on the field.
 */

const jsonObject = z.record(z.string(), z.unknown());

const previewBody = z.object({
  template: z.string().max(65_536),
  /** the node's input items (json only), from the last run */
  items: z.array(jsonObject).max(1000).default([]),
  itemIndex: z.number().int().min(0).default(0),
  /** outputs of other nodes referenced by name */
  nodes: z.record(z.string(), z.object({ items: z.array(jsonObject).max(1000) })).default({}),
  workflow: z.object({ id: z.string().max(128), name: z.string().max(200) }).optional(),
  timezone: z.string().max(64).default('UTC'),
});

const previewResponse = z.union([
  z.object({ ok: z.literal(true), value: z.unknown() }),
  z.object({ ok: z.literal(false), error: z.object({ code: z.string(), message: z.string() }) }),
]);

export type ExpressionPreviewDeps = AppDeps & { sandbox?: Sandbox };

const PREVIEW_TIMEOUT_MS = 1000;

export function expressionPreviewRoutes(deps: ExpressionPreviewDeps): RouteDef[] {
  return [
    route({
      method: 'post',
      path: '/api/v1/expressions/preview',
      summary: "Evaluate one expression template for one item in the sandbox (the editor's live preview)",
      tag: 'workflows',
      permission: { scope: 'project', action: 'workflow:write' },
      body: previewBody,
      maxBodyBytes: 4 * 1024 * 1024,
      response: previewResponse,
      async handler(_c, { body, access }) {
        const { sandbox } = deps;
        if (!sandbox) {
          return {
            ok: false,
            error: { code: 'UNAVAILABLE', message: 'expression preview is not available on this server' },
          };
        }
        const items = body.items as JsonObject[];
        const itemIndex = items.length === 0 ? 0 : Math.min(body.itemIndex, items.length - 1);
        const vars = await deps.store.variables.asMap(access.projectId);
        try {
          const result = await sandbox.evaluateExpressions({
            templates: [body.template],
            context: {
              items,
              nodes: body.nodes as Record<string, { items: JsonObject[] }>,
              vars,
              execution: { id: 'preview', mode: 'manual' },
              workflow: { id: body.workflow?.id ?? '', name: body.workflow?.name ?? '', active: false },
              now: new Date().toISOString(),
              timezone: body.timezone,
            },
            itemIndexes: items.length === 0 ? undefined : [itemIndex],
            timeoutMs: PREVIEW_TIMEOUT_MS,
          });
          const cell = result.values[0]?.[0];
          if (!cell) return { ok: false, error: { code: 'EXPRESSION', message: 'no value' } };
          if (cell.ok) return { ok: true, value: cell.value };
          return { ok: false, error: { code: cell.error.code, message: cell.error.message } };
        } catch (error) {
          const e = error as { code?: unknown; message?: unknown };
          return {
            ok: false,
            error: {
              code: typeof e.code === 'string' ? e.code : 'EXPRESSION',
              message: typeof e.message === 'string' ? e.message : 'evaluation failed',
            },
          };
        }
      },
    }),
  ];
}

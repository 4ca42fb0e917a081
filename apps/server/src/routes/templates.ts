import { z } from '@shopwire/sdk';
import type { AppDeps } from '../app-env.js';
import { roleAllows } from '../access/permissions.js';
import { ApiError, notFound } from '../errors.js';
import { importTemplate } from '../templates/import-template.js';
import { defaultTemplatesDir, loadTemplates, type LoadedTemplates } from '../templates/load-templates.js';
import { templateSummary, type Template } from '../templates/template-schema.js';
import { route, type RouteDef } from './route-def.js';
import { workflowRecordSchema, workflowView } from './workflow-docs.js';

/** The template gallery: list, show, and import with only the credentials the template needs. */

const credentialSlotSchema = z.object({ slot: z.string(), type: z.string(), description: z.string() });
const summarySchema = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string(),
  category: z.string(),
  credentials: z.array(credentialSlotSchema),
  nodeCount: z.number(),
});
const importBody = z.object({
  credentials: z.record(z.string().max(64), z.string().max(128)).default({}),
  activate: z.boolean().default(false),
  name: z.string().trim().min(1).max(200).optional(),
});

export interface TemplateRouteOptions {
  /** folder of template files; default `<repo>/templates` */
  templatesDir?: string;
}

export function templateRoutes(deps: AppDeps & TemplateRouteOptions): RouteDef[] {
  const { store, registry, runtime, logger } = deps;
  let loaded: LoadedTemplates | undefined;

  /** read once: templates ship with the installation and do not change while it runs */
  function templates(): Template[] {
    if (!loaded) {
      const dir = deps.templatesDir ?? defaultTemplatesDir();
      loaded = dir ? loadTemplates({ dir, registry }) : { templates: [], failures: [] };
      if (!dir) logger.warn('templates folder not found; the gallery is empty');
      for (const failure of loaded.failures) logger.warn('template skipped', { ...failure });
    }
    return loaded.templates;
  }

  function find(id: string): Template {
    const template = templates().find((t) => t.id === id);
    if (!template) throw notFound(`template ${id}`);
    return template;
  }

  return [
    route({
      method: 'get',
      path: '/api/v1/templates',
      summary: 'Ready-to-run workflow templates: what each does and which credentials it needs',
      tag: 'templates',
      permission: { scope: 'project', action: 'workflow:read' },
      response: z.object({ items: z.array(summarySchema) }),
      async handler() {
        return { items: templates().map(templateSummary) };
      },
    }),
    route({
      method: 'get',
      path: '/api/v1/templates/:id',
      summary: 'One template with its workflow document (credentials as {{credential:<slot>}} placeholders)',
      tag: 'templates',
      permission: { scope: 'project', action: 'workflow:read' },
      response: summarySchema.extend({ workflow: z.record(z.string(), z.unknown()) }),
      async handler(_c, { params }) {
        const template = find(params['id'] ?? '');
        return { ...templateSummary(template), workflow: template.workflow };
      },
    }),
    route({
      method: 'post',
      path: '/api/v1/templates/:id/import',
      summary:
        'Create a workflow from a template. credentials maps each slot to a stored credential id; every missing, unknown or wrong-type one is a 400 issue named credentials.<slot>',
      tag: 'templates',
      permission: { scope: 'project', action: 'workflow:write' },
      audit: { action: 'workflow.create', targetType: 'workflow' },
      body: importBody,
      status: 201,
      response: workflowRecordSchema.extend({
        activated: z.boolean(),
        activationError: z.string().optional(),
      }),
      async handler(c, { params, body, auth, access }) {
        const template = find(params['id'] ?? '');
        if (body.activate && access.role && !roleAllows(access.role, 'workflow:activate'))
          throw new ApiError(403, 'FORBIDDEN', 'activate: your role may create but not activate workflows');
        const result = await importTemplate({
          store,
          registry,
          runtime,
          template,
          projectId: access.projectId,
          credentials: body.credentials,
          activate: body.activate,
          ...(body.name !== undefined ? { name: body.name } : {}),
          ...(auth?.user.id !== undefined ? { userId: auth.user.id } : {}),
        });
        return c.json(
          {
            ...workflowView(result.record),
            activated: result.activated,
            ...(result.activationError !== undefined ? { activationError: result.activationError } : {}),
          },
          201,
        );
      },
    }),
  ];
}

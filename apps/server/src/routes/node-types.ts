import { z } from '@shopwire/sdk';
import type { AppDeps } from '../app-env.js';
import { notFound } from '../errors.js';
import { route, type RouteDef } from './route-def.js';

const nodeTypeSchema = z
  .object({
    type: z.string(),
    version: z.number(),
    displayName: z.string(),
    kind: z.string(),
    group: z.string(),
    paramsSchema: z.record(z.string(), z.unknown()),
  })
  .catchall(z.unknown());

export function nodeTypeRoutes(deps: AppDeps): RouteDef[] {
  const { registry } = deps;
  return [
    route({
      method: 'get',
      path: '/api/v1/node-types',
      summary:
        'Every node type (latest versions) with its params JSON Schema, the loaded packages and packages that failed to load',
      tag: 'node-types',
      permission: { scope: 'instance', action: 'instance:read' },
      response: z.object({
        items: z.array(nodeTypeSchema),
        packages: z.array(
          z.object({
            name: z.string(),
            version: z.string(),
            builtin: z.boolean(),
            nodes: z.number(),
            credentials: z.number(),
          }),
        ),
        failures: z.array(z.object({ package: z.string(), error: z.string() })),
      }),
      async handler() {
        return {
          items: registry.describeAll(),
          packages: registry.packages(),
          failures: registry.failures(),
        };
      },
    }),
    route({
      method: 'get',
      path: '/api/v1/node-types/:type',
      summary: 'One node type (latest version, or ?version=N)',
      tag: 'node-types',
      permission: { scope: 'instance', action: 'instance:read' },
      query: z.object({ version: z.coerce.number().int().min(1).optional() }),
      response: nodeTypeSchema,
      async handler(_c, { params, query }) {
        const type = params['type'] ?? '';
        const description = registry.describeNode(type, query.version);
        if (!description)
          throw notFound(`node type ${type}${query.version ? ` version ${query.version}` : ''}`);
        return description;
      },
    }),
  ];
}

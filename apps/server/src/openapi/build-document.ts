import { z } from '@shopwire/sdk';
import type { RouteDef } from '../routes/route-def.js';

/** OpenAPI 3.1 document built from the route table (zod → JSON Schema). */

export interface ExtraOperation {
  method: string;
  /** Hono path */
  path: string;
  summary: string;
  tag: string;
  public?: boolean;
}

type JsonSchema = Record<string, unknown>;

function jsonSchema(schema: z.ZodType, io: 'input' | 'output'): JsonSchema {
  const out = z.toJSONSchema(schema, { io, unrepresentable: 'any', target: 'draft-2020-12' }) as JsonSchema;
  delete out['$schema'];
  return out;
}

/** `/a/:id/*` → `/a/{id}/{path}` */
export function toOpenApiPath(honoPath: string): string {
  return honoPath.replace(/:([A-Za-z0-9_]+)(\{[^}]*\})?/g, '{$1}').replace(/\/\*$/, '/{path}');
}

function pathParameters(openApiPath: string): JsonSchema[] {
  return [...openApiPath.matchAll(/\{([^}]+)\}/g)].map((m) => ({
    name: m[1],
    in: 'path',
    required: true,
    schema: { type: 'string' },
  }));
}

function queryParameters(schema: z.ZodType): JsonSchema[] {
  const json = jsonSchema(schema, 'input');
  const properties = (json['properties'] ?? {}) as Record<string, JsonSchema>;
  const required = new Set((json['required'] ?? []) as string[]);
  return Object.entries(properties).map(([name, prop]) => ({
    name,
    in: 'query',
    required: required.has(name),
    schema: prop,
  }));
}

const errorSchema: JsonSchema = {
  type: 'object',
  properties: {
    error: {
      type: 'object',
      properties: {
        code: { type: 'string' },
        message: { type: 'string' },
        field: { type: 'string' },
        issues: {
          type: 'array',
          items: { type: 'object', properties: { field: { type: 'string' }, message: { type: 'string' } } },
        },
      },
      required: ['code', 'message'],
    },
  },
  required: ['error'],
};

function operation(route: RouteDef): JsonSchema {
  const openApiPath = toOpenApiPath(route.path);
  const op: JsonSchema = {
    operationId: `${route.method}${openApiPath.replace(/[^A-Za-z0-9]+(.)?/g, (_m, ch: string | undefined) => (ch ? ch.toUpperCase() : ''))}`,
    summary: route.summary,
    tags: [route.tag],
  };
  const parameters = [...pathParameters(openApiPath), ...(route.query ? queryParameters(route.query) : [])];
  if (parameters.length > 0) op['parameters'] = parameters;
  const body = route.documentedBody ?? route.body;
  if (body)
    op['requestBody'] = {
      required: true,
      content: { 'application/json': { schema: jsonSchema(body, 'input') } },
    };
  const status = String(route.status ?? 200);
  const responses: Record<string, JsonSchema> = {};
  if (route.sse)
    responses['200'] = {
      description: 'event stream',
      content: { 'text/event-stream': { schema: { type: 'string' } } },
    };
  else if (status === '204') responses['204'] = { description: 'done' };
  else
    responses[status] = {
      description: 'success',
      ...(route.response
        ? { content: { 'application/json': { schema: jsonSchema(route.response, 'output') } } }
        : {}),
    };
  const error = {
    description: 'error',
    content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
  };
  if (route.body || route.documentedBody || route.query) responses['400'] = error;
  if (!route.public) responses['401'] = error;
  if (openApiPath.includes('{')) responses['404'] = error;
  op['responses'] = responses;
  if (route.public) op['security'] = [];
  return op;
}

export function buildOpenApiDocument(options: {
  routes: RouteDef[];
  extra?: ExtraOperation[];
  version: string;
  serverUrl?: string;
}): JsonSchema {
  const paths: Record<string, Record<string, JsonSchema>> = {};
  const add = (path: string, method: string, op: JsonSchema) => {
    const key = toOpenApiPath(path);
    (paths[key] ??= {})[method.toLowerCase()] = op;
  };
  for (const route of options.routes) add(route.path, route.method, operation(route));
  for (const extra of options.extra ?? []) {
    const openApiPath = toOpenApiPath(extra.path);
    add(extra.path, extra.method, {
      summary: extra.summary,
      tags: [extra.tag],
      parameters: pathParameters(openApiPath),
      responses: { default: { description: 'depends on the workflow' } },
      ...(extra.public ? { security: [] } : {}),
    });
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Shopwire API',
      version: options.version,
      description: 'Workflows, executions, credentials and variables of a Shopwire server.',
    },
    ...(options.serverUrl ? { servers: [{ url: options.serverUrl }] } : {}),
    security: [{ session: [] }, { bearer: [] }, { apiKey: [] }],
    paths,
    components: {
      schemas: { Error: errorSchema },
      securitySchemes: {
        session: { type: 'apiKey', in: 'cookie', name: 'shopwire_session' },
        bearer: { type: 'http', scheme: 'bearer', description: 'API key: Authorization: Bearer sw_...' },
        apiKey: { type: 'apiKey', in: 'header', name: 'X-Api-Key' },
      },
    },
  };
}

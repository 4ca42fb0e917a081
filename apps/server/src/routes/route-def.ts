import type { Context } from 'hono';
import type { z } from '@shopwire/sdk';
import type { Access } from '../access/authorize.js';
import type { Permission } from '../access/permissions.js';
import type { AppEnv, AuthInfo } from '../app-env.js';

/**
 * One table of routes: the app registers them and the OpenAPI document is built from the same
 * list, so a route cannot exist without being documented.
 */

export type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';

export interface RouteInput<B, Q> {
  body: B;
  query: Q;
  params: Record<string, string>;
  /** undefined only on public routes */
  auth: AuthInfo | undefined;
  /** the project and role the central permission check resolved */
  access: Access;
}

/** An audit entry the central handler writes after a successful (2xx) response. */
export interface RouteAudit {
  action: string;
  targetType: string;
}

export interface RouteDef {
  method: Method;
  /** Hono path, e.g. /api/v1/workflows/:id */
  path: string;
  summary: string;
  tag: string;
  /** reachable without a session or API key (must match `permission.scope === 'public'`) */
  public?: boolean;
  /** REQUIRED: who may call it; enforced centrally (a route without one fails to register) */
  permission: Permission;
  /** records this action in the audit log after a 2xx answer (target id: `:id` or the answer's `id`) */
  audit?: RouteAudit;
  /** validates the JSON body (a missing body is validated as `{}`) */
  body?: z.ZodType;
  /** the body schema to document when the handler parses the body itself (workflow documents) */
  documentedBody?: z.ZodType;
  query?: z.ZodType;
  response?: z.ZodType;
  /** success status (default 200) */
  status?: number;
  /** answers with Server-Sent Events */
  sse?: boolean;
  /** larger body limit for this route (bytes); default is the API's 1 MiB */
  maxBodyBytes?: number;
  handler(c: Context<AppEnv>, input: RouteInput<unknown, unknown>): Promise<unknown>;
}

interface TypedRouteDef<B extends z.ZodType | undefined, Q extends z.ZodType | undefined> extends Omit<
  RouteDef,
  'handler' | 'body' | 'query'
> {
  body?: B;
  query?: Q;
  handler(
    c: Context<AppEnv>,
    input: RouteInput<
      B extends z.ZodType ? z.output<B> : unknown,
      Q extends z.ZodType ? z.output<Q> : Record<string, string>
    >,
  ): Promise<unknown>;
}

/** Declares a route with its handler typed from the zod schemas. */
export function route<
  B extends z.ZodType | undefined = undefined,
  Q extends z.ZodType | undefined = undefined,
>(def: TypedRouteDef<B, Q>): RouteDef {
  return def as unknown as RouteDef;
}

import type { z } from 'zod';
import type { HttpClient, HttpRequest } from './contracts.js';

export interface CredentialTestResult {
  ok: boolean;
  message: string;
}

export interface CredentialTypeDefinition<S extends z.ZodType = z.ZodType> {
  /** globally unique, e.g. `core.httpHeaderAuth`, `shopify.adminApi` */
  type: string;
  displayName: string;
  description?: string;
  schema: S;
  /** fields that are secret: never returned by the API, masked in the editor */
  secretFields: string[];
  /** adds authentication to an outgoing request (used by the HTTP Request node and connectors) */
  authenticate?(data: z.output<S>, request: HttpRequest): HttpRequest;
  /** "test connection" */
  test?(data: z.output<S>, ctx: { http: HttpClient }): Promise<CredentialTestResult>;
}

export function defineCredentialType<S extends z.ZodType>(
  definition: CredentialTypeDefinition<S>,
): CredentialTypeDefinition<S> {
  for (const field of definition.secretFields) {
    if (!field) throw new Error(`credential type ${definition.type}: empty secret field name`);
  }
  return definition;
}

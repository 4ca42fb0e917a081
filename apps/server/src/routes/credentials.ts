import { ValidationError, validationErrorFromIssues } from '@shopwire/sdk';
import type { CredentialTypeDefinition, HttpClient } from '@shopwire/sdk';
import { z } from '@shopwire/sdk';
import type { AppDeps } from '../app-env.js';
import { notFound } from '../errors.js';
import { credentialView, credentialViewSchema, scrubSecrets } from './credential-view.js';
import { route, type RouteDef } from './route-def.js';

const dataSchema = z.record(z.string(), z.unknown());

export function credentialRoutes(deps: AppDeps & { http: HttpClient }): RouteDef[] {
  const { store, registry } = deps;

  function typeOf(type: string): CredentialTypeDefinition {
    const def = registry.getCredentialType(type);
    if (!def) throw new ValidationError('type', `unknown credential type "${type}"`);
    return def;
  }

  function validateData(
    def: CredentialTypeDefinition,
    data: Record<string, unknown>,
  ): Record<string, unknown> {
    const parsed = def.schema.safeParse(data);
    if (!parsed.success) throw validationErrorFromIssues(parsed.error.issues, 'data');
    if (typeof parsed.data !== 'object' || parsed.data === null || Array.isArray(parsed.data))
      throw new ValidationError('data', 'must be an object');
    return parsed.data as Record<string, unknown>;
  }

  async function loadDecrypted(id: string) {
    const found = await store.credentials.getDecrypted(id);
    if (!found) throw notFound(`credential ${id}`);
    return found;
  }

  return [
    route({
      method: 'get',
      path: '/api/v1/credential-types',
      summary: 'Credential types with their JSON Schema and which fields are secret',
      tag: 'credentials',
      permission: { scope: 'instance', action: 'instance:read' },
      response: z.object({
        items: z.array(
          z
            .object({ type: z.string(), displayName: z.string(), secretFields: z.array(z.string()) })
            .catchall(z.unknown()),
        ),
      }),
      async handler() {
        return { items: registry.listCredentialTypes() };
      },
    }),
    route({
      method: 'get',
      path: '/api/v1/credentials',
      summary: 'List credentials (non-secret fields only)',
      tag: 'credentials',
      permission: { scope: 'project', action: 'credential:read' },
      response: z.object({ items: z.array(credentialViewSchema) }),
      async handler(_c, { access }) {
        const records = await store.credentials.list(access.projectId);
        const items = await Promise.all(
          records.map(async (record) => {
            const found = await store.credentials.getDecrypted(record.id);
            return credentialView(record, found?.data ?? {}, registry.getCredentialType(record.type));
          }),
        );
        return { items };
      },
    }),
    route({
      method: 'post',
      path: '/api/v1/credentials',
      summary: 'Create a credential; data is validated against the type (errors name data.<field>)',
      tag: 'credentials',
      permission: { scope: 'project', action: 'credential:write' },
      audit: { action: 'credential.create', targetType: 'credential' },
      body: z.object({
        name: z.string().trim().min(1).max(200),
        type: z.string().min(1).max(200),
        data: dataSchema,
      }),
      status: 201,
      response: credentialViewSchema,
      async handler(c, { body, access }) {
        const def = typeOf(body.type);
        const data = validateData(def, body.data);
        const record = await store.credentials.create({
          projectId: access.projectId,
          name: body.name,
          type: def.type,
          data,
        });
        return c.json(credentialView(record, data, def), 201);
      },
    }),
    route({
      method: 'get',
      path: '/api/v1/credentials/:id',
      summary: 'Get a credential (non-secret fields and the names of the secret fields that are set)',
      tag: 'credentials',
      permission: { scope: 'project', action: 'credential:read', resource: 'credential' },
      response: credentialViewSchema,
      async handler(_c, { params }) {
        const found = await loadDecrypted(params['id'] ?? '');
        return credentialView(found.record, found.data, registry.getCredentialType(found.record.type));
      },
    }),
    route({
      method: 'patch',
      path: '/api/v1/credentials/:id',
      summary: 'Rename and/or change data; omitted fields (secret or not) keep their stored values',
      tag: 'credentials',
      permission: { scope: 'project', action: 'credential:write', resource: 'credential' },
      audit: { action: 'credential.update', targetType: 'credential' },
      body: z.object({ name: z.string().trim().min(1).max(200).optional(), data: dataSchema.optional() }),
      response: credentialViewSchema,
      async handler(_c, { params, body }) {
        const found = await loadDecrypted(params['id'] ?? '');
        const def = typeOf(found.record.type);
        let data: Record<string, unknown> | undefined;
        if (body.data) {
          const patch = Object.fromEntries(Object.entries(body.data).filter(([, v]) => v !== undefined));
          data = validateData(def, { ...found.data, ...patch });
        }
        const record = await store.credentials.update(found.record.id, { name: body.name, data });
        return credentialView(record, data ?? found.data, def);
      },
    }),
    route({
      method: 'delete',
      path: '/api/v1/credentials/:id',
      summary: 'Delete a credential',
      tag: 'credentials',
      permission: { scope: 'project', action: 'credential:write', resource: 'credential' },
      audit: { action: 'credential.delete', targetType: 'credential' },
      status: 204,
      async handler(c, { params }) {
        const id = params['id'] ?? '';
        if (!(await store.credentials.delete(id))) throw notFound(`credential ${id}`);
        return c.body(null, 204);
      },
    }),
    route({
      method: 'post',
      path: '/api/v1/credentials/:id/test',
      summary: "Test a stored credential with its type's test (e.g. an authenticated request)",
      tag: 'credentials',
      permission: { scope: 'project', action: 'credential:write', resource: 'credential' },
      audit: { action: 'credential.test', targetType: 'credential' },
      response: z.object({ ok: z.boolean(), message: z.string() }),
      async handler(_c, { params }) {
        const found = await loadDecrypted(params['id'] ?? '');
        const def = typeOf(found.record.type);
        if (!def.test) return { ok: false, message: `credential type ${def.type} has no connection test` };
        try {
          const parsed = validateData(def, found.data);
          const result = await def.test(parsed, { http: deps.http });
          return { ok: result.ok, message: scrubSecrets(result.message, found.data, def) };
        } catch (error) {
          const message = error instanceof Error ? error.message : String(error);
          return { ok: false, message: scrubSecrets(message, found.data, def) };
        }
      },
    }),
  ];
}

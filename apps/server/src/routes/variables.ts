import { ValidationError } from '@shopwire/sdk';
import { z } from '@shopwire/sdk';
import type { AppDeps } from '../app-env.js';
import { notFound } from '../errors.js';
import { route, type RouteDef } from './route-def.js';

const KEY = /^[A-Za-z_][A-Za-z0-9_]{0,63}$/;
const variableSchema = z.object({ id: z.string(), key: z.string(), value: z.string() });

function checkKey(key: string): string {
  if (!KEY.test(key)) {
    throw new ValidationError(
      'key',
      'must start with a letter or _ and contain only letters, digits and _ (64 characters at most)',
    );
  }
  return key;
}

export function variableRoutes(deps: AppDeps): RouteDef[] {
  const { store } = deps;
  return [
    route({
      method: 'get',
      path: '/api/v1/variables',
      summary: 'List variables ($vars in expressions)',
      tag: 'variables',
      permission: { scope: 'project', action: 'variable:read' },
      response: z.object({ items: z.array(variableSchema) }),
      async handler(_c, { access }) {
        const items = await store.variables.list(access.projectId);
        return { items: items.map(({ id, key, value }) => ({ id, key, value })) };
      },
    }),
    route({
      method: 'put',
      path: '/api/v1/variables/:key',
      summary: 'Create or replace a variable (key: letters, digits, _; 64 chars at most)',
      tag: 'variables',
      permission: { scope: 'project', action: 'variable:write' },
      audit: { action: 'variable.set', targetType: 'variable' },
      body: z.object({ value: z.string().max(65_536) }),
      response: variableSchema,
      async handler(_c, { params, body, access }) {
        const key = checkKey(params['key'] ?? '');
        const record = await store.variables.set(access.projectId, key, body.value);
        return { id: record.id, key: record.key, value: record.value };
      },
    }),
    route({
      method: 'delete',
      path: '/api/v1/variables/:key',
      summary: 'Delete a variable',
      tag: 'variables',
      permission: { scope: 'project', action: 'variable:write' },
      audit: { action: 'variable.delete', targetType: 'variable' },
      status: 204,
      async handler(c, { params, access }) {
        const key = params['key'] ?? '';
        const found = (await store.variables.list(access.projectId)).find((v) => v.key === key);
        if (!found || !(await store.variables.delete(found.id))) throw notFound(`variable ${key}`);
        return c.body(null, 204);
      },
    }),
  ];
}

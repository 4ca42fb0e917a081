import { ValidationError } from '@shopwire/sdk';
import type { Store, VariableRecord } from '../store-types.js';
import { newId } from '../ids.js';
import { affected, type RepoContext } from './context.js';

export function createVariablesRepo(ctx: RepoContext): Store['variables'] {
  const { db } = ctx;
  const list = async (projectId: string): Promise<VariableRecord[]> => {
    const rows = await db
      .selectFrom('variables')
      .selectAll()
      .where('project_id', '=', projectId)
      .orderBy('key')
      .execute();
    return rows.map((r) => ({ id: r.id, projectId: r.project_id, key: r.key, value: r.value }));
  };
  return {
    list,
    async set(projectId, key, value) {
      if (typeof key !== 'string' || key.trim() === '' || key.length > 200)
        throw new ValidationError('key', 'must be 1 to 200 characters');
      if (typeof value !== 'string') throw new ValidationError('value', 'must be a string');
      // upsert: the id stays the same when the value changes
      const row = await db
        .insertInto('variables')
        .values({ id: newId('var'), project_id: projectId, key, value })
        .onConflict((oc) =>
          oc.columns(['project_id', 'key']).doUpdateSet((eb) => ({ value: eb.ref('excluded.value') })),
        )
        .returningAll()
        .executeTakeFirstOrThrow();
      return { id: row.id, projectId: row.project_id, key: row.key, value: row.value };
    },
    async delete(id) {
      const result = await db.deleteFrom('variables').where('id', '=', id).executeTakeFirst();
      return affected(result) > 0;
    },
    async asMap(projectId) {
      const map: Record<string, string> = {};
      for (const v of await list(projectId)) map[v.key] = v.value;
      return map;
    },
  };
}

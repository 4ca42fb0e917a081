import { ShopwireError, ValidationError } from '@shopwire/sdk';
import type { Selectable } from 'kysely';
import {
  PROJECT_ROLES,
  type ProjectMemberRecord,
  type ProjectRole,
  type ProjectsRepo,
} from '../access-types.js';
import { newId } from '../ids.js';
import type { Database } from '../schema.js';
import { affected, type RepoContext } from './context.js';

type MemberRow = Selectable<Database['project_members']>;

function toMember(row: MemberRow): ProjectMemberRecord {
  return {
    projectId: row.project_id,
    userId: row.user_id,
    role: row.role as ProjectRole,
    createdAt: row.created_at,
  };
}

export function createProjectsRepo(ctx: RepoContext): ProjectsRepo {
  const { db } = ctx;
  const toProject = (row: Selectable<Database['projects']>) => ({
    id: row.id,
    name: row.name,
    createdAt: row.created_at,
  });
  return {
    async list() {
      const rows = await db.selectFrom('projects').selectAll().orderBy('created_at').orderBy('id').execute();
      return rows.map(toProject);
    },
    async get(id) {
      const row = await db.selectFrom('projects').selectAll().where('id', '=', id).executeTakeFirst();
      return row ? toProject(row) : undefined;
    },
    async create(input) {
      const name = input.name.trim();
      if (!name) throw new ValidationError('name', 'must not be empty');
      const record = { id: newId('pr'), name, createdAt: ctx.now() };
      await db.insertInto('projects').values({ id: record.id, name, created_at: record.createdAt }).execute();
      return record;
    },
    async members(projectId) {
      const rows = await db
        .selectFrom('project_members')
        .selectAll()
        .where('project_id', '=', projectId)
        .orderBy('created_at')
        .execute();
      return rows.map(toMember);
    },
    async membershipsOf(userId) {
      const rows = await db
        .selectFrom('project_members')
        .selectAll()
        .where('user_id', '=', userId)
        .orderBy('created_at')
        .execute();
      return rows.map(toMember);
    },
    async memberRole(projectId, userId) {
      const row = await db
        .selectFrom('project_members')
        .select('role')
        .where('project_id', '=', projectId)
        .where('user_id', '=', userId)
        .executeTakeFirst();
      return row ? (row.role as ProjectRole) : undefined;
    },
    async setMember(projectId, userId, role) {
      if (!PROJECT_ROLES.includes(role))
        throw new ValidationError('role', `must be one of ${PROJECT_ROLES.join(', ')}`);
      const [project, user] = await Promise.all([
        db.selectFrom('projects').select('id').where('id', '=', projectId).executeTakeFirst(),
        db.selectFrom('users').select('id').where('id', '=', userId).executeTakeFirst(),
      ]);
      if (!project) throw new ShopwireError('NOT_FOUND', `project ${projectId} not found`);
      if (!user) throw new ValidationError('userId', `no user ${userId}`);
      const now = ctx.now();
      await db
        .insertInto('project_members')
        .values({ project_id: projectId, user_id: userId, role, created_at: now })
        .onConflict((oc) => oc.columns(['project_id', 'user_id']).doUpdateSet({ role }))
        .execute();
      const row = await db
        .selectFrom('project_members')
        .selectAll()
        .where('project_id', '=', projectId)
        .where('user_id', '=', userId)
        .executeTakeFirstOrThrow();
      return toMember(row);
    },
    async removeMember(projectId, userId) {
      const result = await db
        .deleteFrom('project_members')
        .where('project_id', '=', projectId)
        .where('user_id', '=', userId)
        .executeTakeFirst();
      return affected(result) > 0;
    },
  };
}

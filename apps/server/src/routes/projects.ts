import { z } from '@shopwire/sdk';
import { audit } from '../access/audit.js';
import { isInstanceAdmin } from '../access/permissions.js';
import type { AppDeps } from '../app-env.js';
import { ApiError, notFound } from '../errors.js';
import { route, type RouteDef } from './route-def.js';

/** Projects (e.g. one per store/location) and their members. */

const projectSchema = z.object({ id: z.string(), name: z.string(), createdAt: z.string(), role: z.string() });
const memberSchema = z.object({
  userId: z.string(),
  email: z.string(),
  name: z.string(),
  role: z.enum(['editor', 'viewer']),
  createdAt: z.string(),
});
const projectRole = z.enum(['editor', 'viewer']);

export function projectRoutes(deps: AppDeps): RouteDef[] {
  const { store } = deps;

  async function member(projectId: string, userId: string) {
    const m = (await store.projects.members(projectId)).find((x) => x.userId === userId);
    if (!m) throw notFound(`member ${userId} of project ${projectId}`);
    return m;
  }

  async function memberView(m: { userId: string; role: 'editor' | 'viewer'; createdAt: string }) {
    const user = await store.users.getById(m.userId);
    return {
      userId: m.userId,
      email: user?.email ?? '',
      name: user?.name ?? '',
      role: m.role,
      createdAt: m.createdAt,
    };
  }

  return [
    route({
      method: 'get',
      path: '/api/v1/projects',
      summary: 'The projects you can see, with your role in each (owners and admins see all)',
      tag: 'projects',
      permission: { scope: 'self', action: 'self:read' },
      response: z.object({ items: z.array(projectSchema) }),
      async handler(_c, { auth }) {
        if (!auth) return { items: [] };
        const all = await store.projects.list();
        if (isInstanceAdmin(auth.user.role))
          return { items: all.map((p) => ({ ...p, role: auth.user.role })) };
        const roles = new Map(
          (await store.projects.membershipsOf(auth.user.id)).map((m) => [m.projectId, m.role]),
        );
        return {
          items: all.filter((p) => roles.has(p.id)).map((p) => ({ ...p, role: roles.get(p.id) as string })),
        };
      },
    }),
    route({
      method: 'post',
      path: '/api/v1/projects',
      summary: 'Create a project',
      tag: 'projects',
      permission: { scope: 'instance', action: 'project:create' },
      body: z.object({ name: z.string().trim().min(1).max(200) }),
      status: 201,
      response: projectSchema,
      async handler(c, { body, auth }) {
        const project = await store.projects.create({ name: body.name });
        await audit(deps, c, {
          action: 'project.create',
          targetType: 'project',
          targetId: project.id,
          projectId: project.id,
          details: { name: project.name },
        });
        return c.json({ ...project, role: auth?.user.role ?? 'owner' }, 201);
      },
    }),
    route({
      method: 'get',
      path: '/api/v1/projects/:id/members',
      summary: 'Members of a project and their roles',
      tag: 'projects',
      permission: { scope: 'project', action: 'project:read', resource: 'project' },
      response: z.object({ items: z.array(memberSchema) }),
      async handler(_c, { access }) {
        return { items: await Promise.all((await store.projects.members(access.projectId)).map(memberView)) };
      },
    }),
    route({
      method: 'post',
      path: '/api/v1/projects/:id/members',
      summary: 'Add a user to a project as editor or viewer',
      tag: 'projects',
      permission: { scope: 'project', action: 'project:manage', resource: 'project' },
      body: z.object({ userId: z.string().min(1).max(128), role: projectRole }),
      status: 201,
      response: memberSchema,
      async handler(c, { body, access }) {
        const user = await store.users.getById(body.userId);
        if (!user) throw new ApiError(400, 'VALIDATION', `userId: no user ${body.userId}`, 'userId');
        const before = await store.projects.memberRole(access.projectId, user.id);
        const m = await store.projects.setMember(access.projectId, user.id, body.role);
        await audit(deps, c, {
          action: before ? 'project.member_update' : 'project.member_add',
          targetType: 'user',
          targetId: user.id,
          projectId: access.projectId,
          details: before ? { from: before, to: body.role } : { role: body.role },
        });
        return c.json(await memberView(m), 201);
      },
    }),
    route({
      method: 'patch',
      path: '/api/v1/projects/:id/members/:userId',
      summary: "Change a member's role in the project",
      tag: 'projects',
      permission: { scope: 'project', action: 'project:manage', resource: 'project' },
      body: z.object({ role: projectRole }),
      response: memberSchema,
      async handler(c, { body, params, access }) {
        const existing = await member(access.projectId, params['userId'] ?? '');
        const m = await store.projects.setMember(access.projectId, existing.userId, body.role);
        await audit(deps, c, {
          action: 'project.member_update',
          targetType: 'user',
          targetId: existing.userId,
          projectId: access.projectId,
          details: { from: existing.role, to: body.role },
        });
        return memberView(m);
      },
    }),
    route({
      method: 'delete',
      path: '/api/v1/projects/:id/members/:userId',
      summary: 'Remove a member from the project',
      tag: 'projects',
      permission: { scope: 'project', action: 'project:manage', resource: 'project' },
      status: 204,
      async handler(c, { params, access }) {
        const existing = await member(access.projectId, params['userId'] ?? '');
        await store.projects.removeMember(access.projectId, existing.userId);
        await audit(deps, c, {
          action: 'project.member_remove',
          targetType: 'user',
          targetId: existing.userId,
          projectId: access.projectId,
          details: { role: existing.role },
        });
        return c.body(null, 204);
      },
    }),
  ];
}

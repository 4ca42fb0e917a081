import type { Role, UserRecord } from '@shopwire/db';
import { z } from '@shopwire/sdk';
import { audit } from '../access/audit.js';
import type { AppDeps, AuthInfo } from '../app-env.js';
import { hashPassword } from '../auth/passwords.js';
import { publicUser } from '../auth/session.js';
import { ApiError, httpError, notFound } from '../errors.js';
import { passwordSchema, userSchema } from './auth.js';
import { route, type RouteDef } from './route-def.js';

/**
 * User management (owner and admins). Only the owner hands out or takes away the owner role or
 * touches another owner; the last owner can't be demoted or deleted; nobody deletes themselves.
 */

const roleSchema = z.enum(['owner', 'admin', 'editor', 'viewer']);
const membershipSchema = z.object({
  projectId: z.string().min(1).max(128),
  role: z.enum(['editor', 'viewer']),
});
const userWithProjects = userSchema.extend({ projects: z.array(membershipSchema) });

function forbidden(message: string): ApiError {
  return new ApiError(403, 'FORBIDDEN', message);
}

export function userRoutes(deps: AppDeps): RouteDef[] {
  const { store } = deps;

  async function load(id: string): Promise<UserRecord> {
    const user = await store.users.getById(id);
    if (!user) throw notFound(`user ${id}`);
    return user;
  }

  async function view(user: UserRecord) {
    const projects = (await store.projects.membershipsOf(user.id)).map((m) => ({
      projectId: m.projectId,
      role: m.role,
    }));
    return { ...publicUser(user), projects };
  }

  async function ownerCount(): Promise<number> {
    return (await store.users.list()).filter((u) => u.role === 'owner').length;
  }

  function guardOwner(auth: AuthInfo | undefined, target: UserRecord, newRole?: Role): void {
    const callerIsOwner = auth?.user.role === 'owner';
    if ((target.role === 'owner' || newRole === 'owner') && !callerIsOwner)
      throw forbidden('only the owner can grant, change or remove the owner role');
  }

  return [
    route({
      method: 'get',
      path: '/api/v1/users',
      summary: 'List users with their role and project memberships',
      tag: 'users',
      permission: { scope: 'instance', action: 'user:read' },
      response: z.object({ items: z.array(userWithProjects) }),
      async handler() {
        return { items: await Promise.all((await store.users.list()).map(view)) };
      },
    }),
    route({
      method: 'post',
      path: '/api/v1/users',
      summary: 'Invite a user: email, name, role and an initial password; optionally project memberships',
      tag: 'users',
      permission: { scope: 'instance', action: 'user:manage' },
      body: z.object({
        email: z.email().max(320),
        name: z.string().trim().min(1).max(200),
        role: roleSchema,
        password: passwordSchema,
        projects: z.array(membershipSchema).max(1000).default([]),
      }),
      status: 201,
      response: userWithProjects,
      async handler(c, { body, auth }) {
        if (body.role === 'owner' && auth?.user.role !== 'owner')
          throw forbidden('only the owner can create another owner');
        for (const [i, m] of body.projects.entries())
          if (!(await store.projects.get(m.projectId)))
            throw new ApiError(
              400,
              'VALIDATION',
              `projects.${i}.projectId: no project ${m.projectId}`,
              `projects.${i}.projectId`,
            );
        const user = await store.users.create({
          email: body.email,
          name: body.name,
          role: body.role,
          passwordHash: await hashPassword(body.password),
        });
        for (const m of body.projects) await store.projects.setMember(m.projectId, user.id, m.role);
        await audit(deps, c, {
          action: 'user.create',
          targetType: 'user',
          targetId: user.id,
          details: { email: user.email, role: user.role, projects: body.projects },
        });
        return c.json(await view(user), 201);
      },
    }),
    route({
      method: 'patch',
      path: '/api/v1/users/:id',
      summary: "Change a user's role or name",
      tag: 'users',
      permission: { scope: 'instance', action: 'user:manage' },
      body: z.object({ role: roleSchema.optional(), name: z.string().trim().min(1).max(200).optional() }),
      response: userWithProjects,
      async handler(c, { params, body, auth }) {
        const target = await load(params['id'] ?? '');
        guardOwner(auth, target, body.role);
        if (
          target.role === 'owner' &&
          body.role !== undefined &&
          body.role !== 'owner' &&
          (await ownerCount()) <= 1
        )
          throw httpError(409, 'this is the last owner: make someone else owner first');
        const updated = await store.accounts.update(target.id, { role: body.role, name: body.name });
        if (body.role !== undefined && body.role !== target.role) {
          await audit(deps, c, {
            action: 'user.role_change',
            targetType: 'user',
            targetId: target.id,
            details: { from: target.role, to: body.role },
          });
        }
        if (body.name !== undefined && body.name !== target.name) {
          await audit(deps, c, {
            action: 'user.update',
            targetType: 'user',
            targetId: target.id,
            details: { name: body.name },
          });
        }
        return view(updated);
      },
    }),
    route({
      method: 'delete',
      path: '/api/v1/users/:id',
      summary: 'Delete a user (their sessions, API keys and memberships go with them)',
      tag: 'users',
      permission: { scope: 'instance', action: 'user:manage' },
      status: 204,
      async handler(c, { params, auth }) {
        const target = await load(params['id'] ?? '');
        if (target.id === auth?.user.id) throw httpError(409, 'you cannot delete yourself');
        guardOwner(auth, target);
        if (target.role === 'owner' && (await ownerCount()) <= 1)
          throw httpError(409, 'the last owner cannot be deleted');
        if (!(await store.accounts.delete(target.id))) throw notFound(`user ${target.id}`);
        await audit(deps, c, {
          action: 'user.delete',
          targetType: 'user',
          targetId: target.id,
          details: { email: target.email, role: target.role },
        });
        return c.body(null, 204);
      },
    }),
  ];
}

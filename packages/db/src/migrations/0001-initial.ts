import type { Kysely, Migration } from 'kysely';

/**
 * The initial schema. Only portable column types (text, integer, bigint) and the schema builder,
 * so the same migration runs on SQLite and PostgreSQL.
 */
export const initial: Migration = {
  // migrations work on a schema that is still being built: untyped on purpose
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  async up(db: Kysely<any>): Promise<void> {
    await db.schema
      .createTable('projects')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await db
      .insertInto('projects')
      .values({ id: 'default', name: 'Default', created_at: new Date().toISOString() })
      .execute();

    await db.schema
      .createTable('users')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('email', 'text', (c) => c.notNull().unique())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('role', 'text', (c) => c.notNull())
      .addColumn('password_hash', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();

    await db.schema
      .createTable('sessions')
      .addColumn('token_hash', 'text', (c) => c.primaryKey())
      .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
      .addColumn('expires_at', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('sessions_user').on('sessions').column('user_id').execute();

    await db.schema
      .createTable('api_keys')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
      .addColumn('key_hash', 'text', (c) => c.notNull().unique())
      .addColumn('prefix', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('last_used_at', 'text')
      .addColumn('revoked_at', 'text')
      .execute();
    await db.schema.createIndex('api_keys_user').on('api_keys').columns(['user_id', 'created_at']).execute();

    await db.schema
      .createTable('workflows')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('project_id', 'text', (c) => c.notNull())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('active', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('version', 'integer', (c) => c.notNull())
      .addColumn('document', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('workflows_project')
      .on('workflows')
      .columns(['project_id', 'updated_at'])
      .execute();
    await db.schema.createIndex('workflows_active').on('workflows').column('active').execute();

    await db.schema
      .createTable('workflow_versions')
      .addColumn('workflow_id', 'text', (c) => c.notNull().references('workflows.id').onDelete('cascade'))
      .addColumn('version', 'integer', (c) => c.notNull())
      .addColumn('document', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('created_by', 'text')
      .addPrimaryKeyConstraint('workflow_versions_pk', ['workflow_id', 'version'])
      .execute();

    // Executions: metadata only, so list queries stay cheap; payloads live in the two tables below.
    // No foreign key to workflows: history outlives a deleted workflow (pruning removes it).
    await db.schema
      .createTable('executions')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('workflow_id', 'text', (c) => c.notNull())
      .addColumn('workflow_version', 'integer', (c) => c.notNull())
      .addColumn('project_id', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('mode', 'text', (c) => c.notNull())
      .addColumn('start_node_id', 'text', (c) => c.notNull())
      .addColumn('destination_node_id', 'text')
      .addColumn('retry_of', 'text')
      .addColumn('parent_execution_id', 'text')
      .addColumn('error', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('started_at', 'text')
      .addColumn('finished_at', 'text')
      .addColumn('wait_until', 'text')
      .addColumn('response_mode', 'text')
      .addColumn('data_bytes', 'bigint', (c) => c.notNull().defaultTo(0))
      .addColumn('truncated', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('claimed_by', 'text')
      .execute();
    const idx = (name: string, columns: string[]) =>
      db.schema.createIndex(name).on('executions').columns(columns);
    // Partial indexes for the queue, orphans and waits: they only hold the few live rows, so the
    // status changes of the hot path stay cheap. Queries must compare status to a literal
    // (sql.lit), or the planner cannot use them.
    await idx('executions_queued', ['created_at', 'id']).where('status', '=', 'queued').execute();
    await idx('executions_running', ['claimed_by']).where('status', '=', 'running').execute();
    await idx('executions_waiting', ['wait_until', 'id']).where('status', '=', 'waiting').execute();
    await idx('executions_created', ['created_at', 'id']).execute();
    await idx('executions_workflow', ['workflow_id', 'created_at', 'id']).execute();
    await idx('executions_project', ['project_id', 'created_at', 'id']).execute();

    await db.schema
      .createTable('execution_start')
      .addColumn('execution_id', 'text', (c) =>
        c.primaryKey().references('executions.id').onDelete('cascade'),
      )
      .addColumn('document', 'text', (c) => c.notNull())
      .addColumn('start_items', 'text', (c) => c.notNull())
      .execute();

    await db.schema
      .createTable('execution_steps')
      .addColumn('execution_id', 'text', (c) => c.notNull().references('executions.id').onDelete('cascade'))
      .addColumn('node_id', 'text', (c) => c.notNull())
      .addColumn('run_index', 'integer', (c) => c.notNull())
      .addColumn('seq', 'bigint', (c) => c.notNull().defaultTo(0))
      .addColumn('node_name', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('started_at', 'text', (c) => c.notNull())
      .addColumn('finished_at', 'text')
      .addColumn('input', 'text')
      .addColumn('output', 'text')
      .addColumn('run_state', 'text')
      .addColumn('logs', 'text')
      .addColumn('error', 'text')
      .addColumn('pinned', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('truncated', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('wait_until', 'text')
      .addPrimaryKeyConstraint('execution_steps_pk', ['execution_id', 'node_id', 'run_index'])
      .execute();

    await db.schema
      .createTable('webhooks')
      .addColumn('method', 'text', (c) => c.notNull())
      .addColumn('path', 'text', (c) => c.notNull())
      .addColumn('workflow_id', 'text', (c) => c.notNull())
      .addColumn('node_id', 'text', (c) => c.notNull())
      .addColumn('project_id', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('webhooks_pk', ['method', 'path'])
      .execute();
    await db.schema.createIndex('webhooks_workflow').on('webhooks').column('workflow_id').execute();

    await db.schema
      .createTable('schedules')
      .addColumn('workflow_id', 'text', (c) => c.notNull())
      .addColumn('node_id', 'text', (c) => c.notNull())
      .addColumn('project_id', 'text', (c) => c.notNull())
      .addColumn('cron', 'text')
      .addColumn('interval_ms', 'bigint')
      .addColumn('timezone', 'text', (c) => c.notNull())
      .addColumn('last_tick_at', 'text')
      .addPrimaryKeyConstraint('schedules_pk', ['workflow_id', 'node_id'])
      .execute();

    await db.schema
      .createTable('credentials')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('project_id', 'text', (c) => c.notNull())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('type', 'text', (c) => c.notNull())
      // AES-256-GCM ciphertext (base64) with its IV, auth tag and the id of the key that made it
      .addColumn('key_id', 'text', (c) => c.notNull())
      .addColumn('iv', 'text', (c) => c.notNull())
      .addColumn('tag', 'text', (c) => c.notNull())
      .addColumn('data', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('credentials_project')
      .on('credentials')
      .columns(['project_id', 'name'])
      .execute();

    await db.schema
      .createTable('variables')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('project_id', 'text', (c) => c.notNull())
      .addColumn('key', 'text', (c) => c.notNull())
      .addColumn('value', 'text', (c) => c.notNull())
      .addUniqueConstraint('variables_project_key', ['project_id', 'key'])
      .execute();

    await db.schema
      .createTable('node_state')
      .addColumn('workflow_id', 'text', (c) => c.notNull())
      .addColumn('node_id', 'text', (c) => c.notNull())
      .addColumn('key', 'text', (c) => c.notNull())
      .addColumn('value', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('node_state_pk', ['workflow_id', 'node_id', 'key'])
      .execute();
  },
};

import { API_KEY_SCOPES, hashSecret } from '@shopwire/db';
import type { ApiKeyScope, Store, UserRecord } from '@shopwire/db';
import { newApiKey } from '../auth/tokens.js';
import type { Config } from '../config.js';
import type { ServerLogger } from '../logger.js';
import { CliError, parseArgs, stringFlag, type CliIo } from './args.js';
import { openDataStore } from './services.js';

/** `shopwire api-key create --name NAME [--email E] | list | revoke ID` */
export async function runApiKey(
  argv: string[],
  ctx: { config: Config; logger: ServerLogger; io: CliIo },
): Promise<number> {
  const args = parseArgs(argv);
  const [sub, id] = args.positionals;
  const store = await openDataStore(ctx.config, ctx.logger);
  try {
    if (sub === 'create') {
      const name = stringFlag(args, 'name');
      if (!name?.trim()) throw new CliError('api-key create needs --name NAME', 2);
      const scope = stringFlag(args, 'scope') ?? 'manage';
      if (!API_KEY_SCOPES.includes(scope as ApiKeyScope))
        throw new CliError(`--scope must be one of ${API_KEY_SCOPES.join(', ')} (got "${scope}")`, 2);
      const user = await keyOwner(store, stringFlag(args, 'email'));
      const { key, prefix } = newApiKey();
      const record = await store.apiKeys.create({
        name: name.trim(),
        userId: user.id,
        keyHash: hashSecret(key),
        prefix,
        scope: scope as ApiKeyScope,
      });
      await store.audit.append({
        action: 'api_key.create',
        actorId: null,
        actorLabel: 'cli',
        targetType: 'api_key',
        targetId: record.id,
        details: { name: record.name, scope: record.scope, userId: user.id },
      });
      ctx.io.out(key); // the only line on stdout, so `KEY=$(shopwire api-key create ...)` works
      return 0;
    }
    if (sub === 'list') {
      for (const key of await store.apiKeys.list()) {
        const state = key.revokedAt ? `revoked ${key.revokedAt}` : `last used ${key.lastUsedAt ?? 'never'}`;
        ctx.io.out(`${key.id}\t${key.prefix}…\t${key.name}\t${key.scope}\t${key.createdAt}\t${state}`);
      }
      return 0;
    }
    if (sub === 'revoke') {
      if (!id) throw new CliError('api-key revoke needs the key id (see api-key list)', 2);
      if (!(await store.apiKeys.revoke(id))) throw new CliError(`no active API key with id ${id}`);
      await store.audit.append({
        action: 'api_key.revoke',
        actorId: null,
        actorLabel: 'cli',
        targetType: 'api_key',
        targetId: id,
      });
      ctx.io.err(`revoked ${id}`);
      return 0;
    }
    throw new CliError(
      'usage: shopwire api-key create --name NAME [--email E] [--scope read|execute|manage] | list | revoke ID',
      2,
    );
  } finally {
    await store.close();
  }
}

async function keyOwner(store: Store, email: string | undefined): Promise<UserRecord> {
  if ((await store.users.count()) === 0)
    throw new CliError('no user yet: create the owner account first (open the editor in a browser)');
  if (email) {
    const user = await store.users.getByEmail(email);
    if (!user) throw new CliError(`no user with email ${email}`);
    return user;
  }
  const owner = (await store.users.list()).find((u) => u.role === 'owner');
  if (!owner) throw new CliError('no owner account: pass --email of the user the key is for');
  return owner;
}

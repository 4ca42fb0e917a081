import path from 'node:path';
import { copySqliteToPostgres } from '@shopwire/db';
import type { Config } from '../config.js';
import type { ServerLogger } from '../logger.js';
import { CliError, parseArgs, stringFlag, type CliIo } from './args.js';

const USAGE =
  'usage: shopwire db migrate-sqlite-to-postgres --to postgres://... [--from FILE] [--schema S] [--batch N] [--force]';

/**
 * `shopwire db migrate-sqlite-to-postgres`: copies the SQLite store (default: the data folder's
 * shopwire.db) into PostgreSQL in one transaction, verifying row counts. Safe to re-run: a
 * finished copy is detected; a target holding other data is refused unless --force. Stop the
 * server first, and give the PostgreSQL server the same encryption key (key file or env).
 */
export async function runDb(
  argv: string[],
  ctx: { config: Config; logger: ServerLogger; io: CliIo },
): Promise<number> {
  const args = parseArgs(argv, ['force']);
  const [sub] = args.positionals;
  if (sub !== 'migrate-sqlite-to-postgres') throw new CliError(USAGE, 2);
  const to = stringFlag(args, 'to');
  if (!to) throw new CliError(`--to is required\n${USAGE}`, 2);
  const from = path.resolve(stringFlag(args, 'from') ?? path.join(ctx.config.dataDir, 'shopwire.db'));
  const batch = Number(stringFlag(args, 'batch') ?? '500');
  if (!Number.isInteger(batch) || batch < 1 || batch > 5000)
    throw new CliError('--batch must be a whole number from 1 to 5000', 2);
  const schema = stringFlag(args, 'schema');

  const target = redactUrl(to);
  ctx.io.err(`copying ${from} → ${target}${schema ? ` (schema ${schema})` : ''}…`);
  let lastTable = '';
  const copy = async () => {
    return await copySqliteToPostgres({
      from,
      to,
      batchSize: batch,
      force: args.flags['force'] === true,
      ...(schema !== undefined ? { schema } : {}),
      onProgress: (table, copied, total) => {
        if (copied === total || table !== lastTable) ctx.io.err(`  ${table}: ${copied}/${total}`);
        lastTable = table;
      },
    });
  };
  let report: Awaited<ReturnType<typeof copy>>;
  try {
    report = await copy();
  } catch (error) {
    // a refused target, a missing file or an unreachable server: one clear line, no stack
    throw new CliError(`${error instanceof Error ? error.message : String(error)} (target ${target})`);
  }
  const total = report.tables.reduce((n, t) => n + t.rows, 0);
  for (const t of report.tables) ctx.io.out(`${t.table}\t${t.rows}`);
  ctx.io.err(
    report.alreadyCopied
      ? `${target} already holds this store (${total} rows, counts match): nothing to do`
      : `copied ${total} rows in ${report.tables.length} tables; row counts verified`,
  );
  return 0;
}

/** the URL without its password (secrets are never printed) */
function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return '(invalid URL)';
  }
}

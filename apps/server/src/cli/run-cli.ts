import { ValidationError } from '@shopwire/sdk';
import { ConfigError, loadConfig } from '../config.js';
import { createLogger } from '../logger.js';
import { CliError, type CliIo } from './args.js';

/**
 * Command dispatch. Each command's module is imported only when it runs, so `start` stays fast.
 * CLI commands log to stderr: stdout carries only their result (a key, an id, a document).
 */

export const USAGE = `usage: shopwire [command]

  start                                  serve the API, webhooks and the editor (default)
  api-key create --name NAME [--email E] [--scope read|execute|manage]
                                         print a new API key (for the owner, or user E; scope default manage)
  api-key list                           list API keys
  api-key revoke ID                      revoke an API key
  import FILE [--activate]               create (or update, when its id exists) a workflow; prints its id
  export ID [--out FILE]                 print or write a workflow document
  keys rotate [--batch N]                new credential encryption key; re-encrypts every secret
                                         (old keys stay for decryption; safe to re-run; server may run)
  db migrate-sqlite-to-postgres --to URL [--from FILE] [--schema S] [--force]
                                         copy the SQLite store into PostgreSQL (verified, re-runnable)
  worker [--concurrency N] [--health-port P]
                                         queue mode (SHOPWIRE_QUEUE=redis): run executions from the queue

Configuration comes from environment variables (SHOPWIRE_DATA_DIR, PORT, ...): see the README.`;

export async function runCli(options: {
  argv: string[];
  env: Record<string, string | undefined>;
  io?: CliIo;
}): Promise<number> {
  const io: CliIo = options.io ?? {
    out: (line) => void process.stdout.write(line + '\n'),
    err: (line) => void process.stderr.write(line + '\n'),
  };
  const [command = 'start', ...rest] = options.argv;
  try {
    if (command === 'help' || command === '--help' || command === '-h') {
      io.out(USAGE);
      return 0;
    }
    if (!['start', 'worker', 'api-key', 'import', 'export', 'keys', 'db'].includes(command)) {
      io.err(`error: unknown command "${command}"\n\n${USAGE}`);
      return 2;
    }
    const config = loadConfig({ env: options.env });
    if (command === 'start') {
      const logger = createLogger({ level: config.logLevel });
      const { runStart } = await import('./start.js');
      await runStart(config, logger);
      return -1; // keeps running
    }
    if (command === 'worker') {
      const logger = createLogger({ level: config.logLevel });
      const { runWorker } = await import('./worker.js');
      await runWorker(rest, config, logger);
      return -1; // keeps running
    }
    const logger = createLogger({
      level: config.logLevel === 'debug' ? 'debug' : 'warn',
      write: (line) => void process.stderr.write(line),
    });
    const ctx = { config, logger, io };
    if (command === 'api-key') return await (await import('./api-key.js')).runApiKey(rest, ctx);
    if (command === 'keys') return await (await import('./keys.js')).runKeys(rest, ctx);
    if (command === 'db') return await (await import('./db.js')).runDb(rest, ctx);
    if (command === 'import') return await (await import('./workflow-io.js')).runImport(rest, ctx);
    return await (await import('./workflow-io.js')).runExport(rest, ctx);
  } catch (error) {
    if (error instanceof ConfigError) io.err(`error: invalid configuration: ${error.message}`);
    else if (error instanceof CliError) {
      io.err(`error: ${error.message}`);
      return error.exitCode;
    } else if (error instanceof ValidationError) io.err(`error: ${error.message}`);
    else io.err(`error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    return 1;
  }
}

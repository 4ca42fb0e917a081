import fs from 'node:fs';
import path from 'node:path';
import { ValidationError } from '@shopwire/sdk';
import type { Config } from '../config.js';
import type { ServerLogger } from '../logger.js';
import { createOutboundHttp } from '../outbound-http.js';
import { activateWorkflowInStore } from '../runtime/index.js';
import { importWorkflow } from '../routes/workflow-docs.js';
import { CliError, parseArgs, stringFlag, type CliIo } from './args.js';
import { loadRegistry, openDataStore } from './services.js';

/** `shopwire import FILE [--activate]`: prints the workflow id alone on stdout. */
export async function runImport(
  argv: string[],
  ctx: { config: Config; logger: ServerLogger; io: CliIo },
): Promise<number> {
  const args = parseArgs(argv, ['activate']);
  const file = args.positionals[0];
  if (!file) throw new CliError('usage: shopwire import FILE [--activate]', 2);
  let raw: unknown;
  try {
    raw = JSON.parse(fs.readFileSync(path.resolve(file), 'utf8'));
  } catch (error) {
    throw new CliError(`${file}: ${(error as Error).message}`);
  }
  const [store, registry] = await Promise.all([
    openDataStore(ctx.config, ctx.logger),
    loadRegistry(ctx.config, ctx.logger),
  ]);
  try {
    const { record, created } = await importWorkflow({ store, registry, raw });
    // an active workflow that changed, or --activate: (re)register its triggers in the database;
    // a running server picks the change up from there
    if (args.flags['activate'] === true || (!created && record.active)) {
      await activateWorkflowInStore(
        {
          store,
          registry,
          http: createOutboundHttp(ctx.config),
          logger: ctx.logger,
          publicUrl: ctx.config.publicUrl,
        },
        record.id,
      );
    }
    ctx.io.err(`${created ? 'created' : 'updated'} workflow "${record.name}" (version ${record.version})`);
    ctx.io.out(record.id);
    return 0;
  } catch (error) {
    if (error instanceof ValidationError) throw new CliError(`${file}: ${error.message}`);
    throw error;
  } finally {
    await store.close();
  }
}

/** `shopwire export ID [--out FILE]` */
export async function runExport(
  argv: string[],
  ctx: { config: Config; logger: ServerLogger; io: CliIo },
): Promise<number> {
  const args = parseArgs(argv);
  const id = args.positionals[0];
  if (!id) throw new CliError('usage: shopwire export ID [--out FILE]', 2);
  const store = await openDataStore(ctx.config, ctx.logger);
  try {
    const record = await store.workflows.get(id);
    if (!record) throw new CliError(`no workflow with id ${id}`);
    const text = JSON.stringify(record.document, null, 2) + '\n';
    const out = stringFlag(args, 'out');
    if (out) {
      fs.writeFileSync(path.resolve(out), text);
      ctx.io.err(`wrote ${out}`);
    } else ctx.io.out(text.trimEnd());
    return 0;
  } finally {
    await store.close();
  }
}

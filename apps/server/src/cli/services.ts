import fs from 'node:fs';
import path from 'node:path';
import { loadOrCreateKeyring, openStore } from '@shopwire/db';
import type { ShopwireStore } from '@shopwire/db';
import { discoverPackageDirs, loadNodeRegistry } from '@shopwire/registry';
import type { NodeRegistry } from '@shopwire/registry';
import type { Config } from '../config.js';
import type { ServerLogger } from '../logger.js';
import { builtinNodesDir } from './node-dirs.js';

/** Opening the data folder: shared by `start` and the CLI commands. */

export async function openDataStore(
  config: Config,
  logger: ServerLogger,
  /** `backgroundCheckpoints`: the long-running processes (start, worker) checkpoint SQLite off-thread */
  options: { backgroundCheckpoints?: boolean } = {},
): Promise<ShopwireStore> {
  const keyring = loadOrCreateKeyring({ dataDir: config.dataDir, envKey: config.encryptionKey });
  if (config.dbUrl !== undefined) {
    return openStore({
      dialect: 'postgres',
      connectionString: config.dbUrl,
      schema: config.dbSchema,
      keyring,
      logger,
    });
  }
  return openStore({
    dialect: 'sqlite',
    file: path.join(config.dataDir, 'shopwire.db'),
    keyring,
    logger,
    ...(options.backgroundCheckpoints ? { backgroundCheckpoints: true } : {}),
  });
}

/** Built-in node packages plus every package in SHOPWIRE_NODE_PACKAGES_DIR. */
export async function loadRegistry(
  config: Config,
  logger: ServerLogger,
  options?: { useSourceCondition?: boolean },
): Promise<NodeRegistry> {
  const packageDirs: string[] = [];
  const builtin = builtinNodesDir();
  if (builtin) packageDirs.push(...(await discoverPackageDirs(builtin)));
  else logger.warn('built-in nodes not found: is @shopwire/nodes-core installed?');
  packageDirs.push(...installedPackageDirs(config.nodePackagesDir));
  const registry = await loadNodeRegistry({
    packageDirs,
    logger,
    useSourceCondition: options?.useSourceCondition ?? false,
  });
  return registry;
}

/** Packages in a node_modules folder, including scoped ones (`@scope/name`). */
function installedPackageDirs(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  const scopes = fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isDirectory() && e.name.startsWith('@'))
    .map((e) => path.join(dir, e.name));
  return [...discoverPackageDirs(dir), ...scopes.flatMap((scope) => discoverPackageDirs(scope))];
}

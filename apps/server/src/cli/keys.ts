import { addKeyToKeyFile, loadOrCreateKeyring } from '@shopwire/db';
import type { Config } from '../config.js';
import type { ServerLogger } from '../logger.js';
import { CliError, parseArgs, stringFlag, type CliIo } from './args.js';
import { openDataStore } from './services.js';

/**
 * `shopwire keys rotate [--batch N]`: adds a new key to the key file (old keys stay, for
 * decryption) and re-encrypts every credential and TOTP secret with it, N rows per transaction.
 * Interrupted? Run it again: when rows are still on older keys it continues with the current key
 * instead of adding another. A running server follows along (it re-reads the key file).
 */
export async function runKeys(
  argv: string[],
  ctx: { config: Config; logger: ServerLogger; io: CliIo },
): Promise<number> {
  const args = parseArgs(argv);
  const [sub] = args.positionals;
  if (sub !== 'rotate') throw new CliError('usage: shopwire keys rotate [--batch N]', 2);
  const batch = Number(stringFlag(args, 'batch') ?? '50');
  if (!Number.isInteger(batch) || batch < 1 || batch > 10_000)
    throw new CliError('--batch must be a whole number from 1 to 10000', 2);
  if (ctx.config.encryptionKey) {
    throw new CliError(
      'SHOPWIRE_ENCRYPTION_KEY is set: rotation manages the key file only. Unset it (the key file then holds the key) or keep the env key',
    );
  }

  // Continue an interrupted rotation before starting a new one.
  const currentKey = () => loadOrCreateKeyring({ dataDir: ctx.config.dataDir }).currentKeyId;
  let store = await openDataStore(ctx.config, ctx.logger);
  let continuing: boolean;
  try {
    const current = currentKey();
    const usage = await store.vault.keyUsage();
    continuing = Object.entries(usage).some(([keyId, n]) => n > 0 && keyId !== current);
  } catch (error) {
    await store.close();
    throw error;
  }
  let previousKeyIds: string[] = [];
  if (!continuing) {
    await store.close();
    const added = addKeyToKeyFile({ dataDir: ctx.config.dataDir });
    previousKeyIds = added.previousKeyIds;
    ctx.io.err(`added key ${added.keyId}; re-encrypting…`);
    store = await openDataStore(ctx.config, ctx.logger);
  } else {
    ctx.io.err('continuing an unfinished rotation…');
  }
  try {
    let total = 0;
    let stalled = 0;
    for (;;) {
      const { reencrypted, remaining } = await store.vault.reencryptBatch({ limit: batch });
      total += reencrypted;
      if (remaining === 0) break;
      // rows changed by the running server meanwhile are retried; give up if nothing moves
      stalled = reencrypted === 0 ? stalled + 1 : 0;
      if (stalled >= 20)
        throw new CliError(
          `${remaining} secrets could not be re-encrypted; run \`shopwire keys rotate\` again`,
        );
    }
    const keyId = currentKey();
    await store.audit.append({
      action: 'keys.rotate',
      actorId: null,
      actorLabel: 'cli',
      targetType: 'key',
      targetId: keyId,
      details: { reencrypted: total, continued: continuing, previousKeyIds },
    });
    ctx.io.out(keyId);
    ctx.io.err(`re-encrypted ${total} secrets with key ${keyId}`);
    return 0;
  } finally {
    await store.close();
  }
}

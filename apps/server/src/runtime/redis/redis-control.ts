import { randomUUID } from 'node:crypto';
import type { Logger } from '@shopwire/sdk';
import type { ExecutionControl } from '../types.js';
import { createRedisBus, type RedisBus } from './redis-bus.js';

export interface RedisControlOptions {
  redisUrl: string;
  /** every channel name starts with it */
  prefix: string;
  logger: Logger;
  /** share pub/sub connections with events (createRedisTransport); not closed by close() */
  bus?: RedisBus;
}

interface CancelMessage {
  type: 'cancel';
  executionId: string;
  /** the sending control object: it already told its own listeners */
  origin: string;
}

/**
 * Commands to whichever process runs an execution, over `${prefix}:control`. Every process's
 * listeners hear every command (the runtime ignores ids it does not run); the sender's own
 * listeners are told directly, so a cancel of a local run works even while Redis is down.
 */
export function createRedisControl(
  options: RedisControlOptions,
): ExecutionControl & { ready(): Promise<void>; close(): Promise<void> } {
  const { prefix, logger } = options;
  const channel = `${prefix}:control`;
  const origin = randomUUID();
  const listeners = new Set<(executionId: string) => void>();
  const ownBus = options.bus === undefined;
  const bus =
    options.bus ?? createRedisBus({ redisUrl: options.redisUrl, logger, name: `${prefix}:control` });
  let closed = false;

  function tell(executionId: string): void {
    for (const listener of [...listeners]) {
      try {
        listener(executionId);
      } catch (error) {
        logger.error('cancel listener failed', {
          executionId,
          error: error instanceof Error ? error.message : String(error),
        });
      }
    }
  }

  const subscribed = bus.subscribe(channel, (message) => {
    const command = parseCommand(message);
    if (!command || command.origin === origin || closed) return;
    tell(command.executionId);
  });
  subscribed.catch(() => undefined);

  return {
    async requestCancel(executionId) {
      tell(executionId);
      if (closed) throw new Error('execution control is closed');
      const message: CancelMessage = { type: 'cancel', executionId, origin };
      // rejects when Redis can't take it: the caller learns that other processes weren't told
      await bus.publish(channel, JSON.stringify(message));
    },
    onCancel(listener) {
      listeners.add(listener);
    },
    ready: () => subscribed,
    async close() {
      if (closed) return;
      closed = true;
      listeners.clear();
      if (ownBus) await bus.close();
    },
  };
}

function parseCommand(message: string): CancelMessage | undefined {
  try {
    const parsed = JSON.parse(message) as Partial<CancelMessage> | null;
    if (
      parsed?.type !== 'cancel' ||
      typeof parsed.executionId !== 'string' ||
      typeof parsed.origin !== 'string'
    )
      return undefined;
    return parsed as CancelMessage;
  } catch {
    return undefined;
  }
}

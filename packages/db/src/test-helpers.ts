import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseWorkflow, type Workflow } from '@shopwire/sdk';
import { createKeyring, keyIdFor, type Keyring } from './crypto/keyring.js';
import { openStore, type ShopwireStore } from './open-store.js';
import type { NewExecution } from './store-types.js';

/** A store on a real SQLite file in a fresh temp dir (test use only). */
export interface TempStore {
  store: ShopwireStore;
  dir: string;
  file: string;
  keyring: Keyring;
  reopen(options?: { keyring?: Keyring; now?: () => Date }): Promise<ShopwireStore>;
  cleanup(): Promise<void>;
}

export function testKeyring(seed = 1): Keyring {
  const key = Buffer.alloc(32, seed);
  return createKeyring({ keys: [{ id: keyIdFor(key), key }] });
}

export async function tempStore(options: { now?: () => Date } = {}): Promise<TempStore> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sw-'));
  const file = path.join(dir, 'shopwire.db');
  const keyring = testKeyring();
  const open = (o: { keyring?: Keyring; now?: () => Date } = {}) =>
    openStore({ dialect: 'sqlite', file, keyring: o.keyring ?? keyring, ...(o.now ?? options.now ? { now: o.now ?? options.now } : {}) });
  const temp: TempStore = {
    store: await open(),
    dir,
    file,
    keyring,
    async reopen(o) {
      await temp.store.close();
      temp.store = await open(o);
      return temp.store;
    },
    async cleanup() {
      await temp.store.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
  return temp;
}

export function sampleWorkflow(name = 'Orders'): Workflow {
  return parseWorkflow({
    name,
    nodes: [
      { id: 'hook', name: 'Webhook', type: 'core.webhook', params: { path: 'orders' } },
      { id: 'set', name: 'Set', type: 'core.set' },
    ],
    connections: [{ from: { node: 'hook' }, to: { node: 'set' } }],
  });
}

export function newExecution(overrides: Partial<NewExecution> = {}): NewExecution {
  return {
    workflowId: 'wf_test',
    workflowVersion: 1,
    projectId: 'default',
    mode: 'webhook',
    startNodeId: 'hook',
    startItems: [{ json: { order: 1 } }],
    document: sampleWorkflow(),
    ...overrides,
  };
}

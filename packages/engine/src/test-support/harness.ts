import { ValidationError, parseWorkflow } from '@shopwire/sdk';
import type { Item, JsonValue, NodeDefinition, Sandbox, Workflow } from '@shopwire/sdk';
import { createExecutor } from '../executor.js';
import type { EngineDeps, NodeTypeRegistry, RunRequest, RunResult } from '../types.js';
import { MemoryJournal } from './memory-journal.js';
import { TestClock } from './test-clock.js';
import { createTestNodes, type TestCounters } from './test-nodes.js';

export function createRegistry(defs: NodeDefinition[]): NodeTypeRegistry {
  return {
    getNode: (type, version) =>
      defs
        .filter((d) => d.type === type && (version === undefined || d.version === version))
        .sort((a, b) => b.version - a.version)[0],
  };
}

/** A sandbox for tests that must not need one: any call is a test failure. */
export const noSandbox: Sandbox = {
  evaluateExpressions: () => Promise.reject(new Error('this test must not evaluate expressions')),
  runCode: () => Promise.reject(new Error('this test must not run code')),
};

export interface Harness {
  deps: EngineDeps;
  journal: MemoryJournal;
  clock: TestClock;
  counters: TestCounters;
  logs: { level: string; message: string }[];
  state: Map<string, JsonValue>;
  run(workflow: Workflow & { id: string }, overrides?: Partial<RunRequest>): Promise<RunResult>;
}

/** Everything an engine test needs, in memory; `deps` can be overridden per test. */
export function createHarness(overrides: Partial<EngineDeps> = {}): Harness {
  const { nodes, counters } = createTestNodes();
  const journal = new MemoryJournal();
  const clock = new TestClock();
  const logs: { level: string; message: string }[] = [];
  const log = (level: string) => (message: string) => void logs.push({ level, message });
  const state = new Map<string, JsonValue>();
  const deps: EngineDeps = {
    nodes: createRegistry(nodes),
    sandbox: noSandbox,
    journal,
    clock,
    http: { request: () => Promise.reject(new Error('no network in engine tests')) },
    credentials: {
      resolve: async (id, type) => {
        if (id !== 'cred-1' || type !== 'test.api')
          throw new ValidationError('credentialId', `unknown credential ${id}`);
        return { user: 'alice' };
      },
    },
    state: {
      get: async (wf, node, key) => state.get(`${wf}/${node}/${key}`),
      set: async (wf, node, key, value) => void state.set(`${wf}/${node}/${key}`, value),
    },
    logger: { debug: log('debug'), info: log('info'), warn: log('warn'), error: log('error') },
    ...overrides,
  };
  const executor = createExecutor(deps);
  let seq = 0;
  return {
    deps,
    journal,
    clock,
    counters,
    logs,
    state,
    run: (workflow, request = {}) => {
      seq += 1;
      const trigger = workflow.nodes[0];
      return executor.run({
        executionId: `exec-${seq}`,
        workflow,
        projectId: 'project-1',
        mode: 'manual',
        start: { nodeId: trigger?.id ?? 'trigger', items: [{ json: {} }] },
        ...request,
      });
    },
  };
}

/** Parses a fixture document and gives it an id, as the host would. */
export function loadWorkflow(
  raw: unknown,
  patch: (doc: Record<string, unknown>) => void = () => undefined,
): Workflow & { id: string } {
  const doc = structuredClone(raw) as Record<string, unknown>;
  patch(doc);
  const workflow = parseWorkflow(doc);
  return { ...workflow, id: workflow.id ?? 'wf-test' };
}

export const items = (...values: Record<string, JsonValue>[]): Item[] => values.map((json) => ({ json }));

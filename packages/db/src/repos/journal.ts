import {
  ChurnMap,
  type ExecutionJournal,
  type JsonValue,
  type NodeStateStore,
  type StepJson,
  type StepRecord,
} from '@shopwire/sdk';
import { parseJsonColumn, toJsonOrNull } from '../json-column.js';
import { param, QueryTemplate } from '../query-template.js';
import type { RepoContext } from './context.js';

/**
 * The engine's journal. `stepStarted` and `stepFinished` of one node run upsert the same row
 * (execution_id, node_id, run_index). Input and run state keep their value when a later write
 * leaves them out (a Wait node resumed after a crash still knows when it started); output, logs
 * and error belong to one attempt: a node run again (after a crash, or a network-down park) must
 * not keep the last attempt's error. Writes are group-committed.
 */
export function createJournal(ctx: RepoContext): ExecutionJournal {
  const kept = ['input', 'run_state'] as const;
  const ownedByAttempt = ['output', 'logs', 'error'] as const;
  const upsert = new QueryTemplate(
    ctx.db
      .insertInto('execution_steps')
      .values({
        execution_id: param('execution_id'),
        node_id: param('node_id'),
        run_index: param('run_index'),
        seq: param('seq'),
        node_name: param('node_name'),
        status: param('status'),
        started_at: param('started_at'),
        finished_at: param('finished_at'),
        input: param('input'),
        output: param('output'),
        run_state: param('run_state'),
        logs: param('logs'),
        error: param('error'),
        pinned: param('pinned'),
        truncated: param('truncated'),
        wait_until: param('wait_until'),
      })
      .onConflict((oc) =>
        oc.columns(['execution_id', 'node_id', 'run_index']).doUpdateSet((eb) => ({
          node_name: eb.ref('excluded.node_name'),
          status: eb.ref('excluded.status'),
          started_at: eb.ref('excluded.started_at'),
          finished_at: eb.ref('excluded.finished_at'),
          pinned: eb.ref('excluded.pinned'),
          truncated: eb.ref('excluded.truncated'),
          wait_until: eb.ref('excluded.wait_until'),
          ...Object.fromEntries(
            kept.map((c) => [c, eb.fn.coalesce(eb.ref(`excluded.${c}`), eb.ref(`execution_steps.${c}`))]),
          ),
          ...Object.fromEntries(ownedByAttempt.map((c) => [c, eb.ref(`excluded.${c}`)])),
        })),
      ),
  );
  // ties of started_at (same millisecond) keep the order the steps were recorded in; a node run
  // keeps the seq of its start (the upsert never changes seq), so coalesced writes bind it too
  let seq = 0;
  const startSeq = new ChurnMap<string, number>();
  const write = async (step: StepRecord, started: boolean, json: StepJson | undefined): Promise<void> => {
    const key = `${step.executionId}\u0000${step.nodeId}\u0000${step.runIndex}`;
    let stepSeq: number;
    if (started) {
      stepSeq = seq += 1;
      // a run that never finishes (crash of the caller) must not grow this map forever
      if (startSeq.size > 10_000) startSeq.clear();
      startSeq.set(key, stepSeq);
    } else {
      stepSeq = startSeq.get(key) ?? (seq += 1);
      startSeq.delete(key);
    }
    await ctx.writer.submit(
      [
        upsert.bind({
          execution_id: step.executionId,
          node_id: step.nodeId,
          run_index: step.runIndex,
          seq: stepSeq,
          node_name: step.nodeName,
          status: step.status,
          started_at: step.startedAt,
          finished_at: step.finishedAt ?? null,
          input: step.input == null ? null : (json?.input ?? JSON.stringify(step.input)),
          output: step.output == null ? null : (json?.output ?? JSON.stringify(step.output)),
          run_state: step.runState === undefined ? null : JSON.stringify(step.runState),
          logs: toJsonOrNull(step.logs),
          error: toJsonOrNull(step.error),
          pinned: step.pinned ? 1 : 0,
          truncated: step.truncated ? 1 : 0,
          wait_until: step.waitUntil ?? null,
        }),
      ],
      // the finished write replaces a start still waiting for its commit: one statement per run
      { key },
    );
  };
  return {
    stepStarted: (step, json) => write(step, true, json),
    stepFinished: (step, json) => write(step, false, json),
  };
}

/** Per workflow + node key/value state (polling triggers' dedupe). */
export function createNodeStateStore(ctx: RepoContext): NodeStateStore {
  const select = new QueryTemplate(
    ctx.db
      .selectFrom('node_state')
      .select('value')
      .where('workflow_id', '=', param('w'))
      .where('node_id', '=', param('n'))
      .where('key', '=', param('k')),
  );
  const upsert = new QueryTemplate(
    ctx.db
      .insertInto('node_state')
      .values({
        workflow_id: param('w'),
        node_id: param('n'),
        key: param('k'),
        value: param('v'),
        updated_at: param('t'),
      })
      .onConflict((oc) =>
        oc.columns(['workflow_id', 'node_id', 'key']).doUpdateSet((eb) => ({
          value: eb.ref('excluded.value'),
          updated_at: eb.ref('excluded.updated_at'),
        })),
      ),
  );
  return {
    async get(workflowId, nodeId, key) {
      const rows = await ctx.conn.read<{ value: string }>(select.bind({ w: workflowId, n: nodeId, k: key }));
      const row = rows[0];
      if (!row) return undefined;
      return parseJsonColumn<JsonValue>(row.value, {
        table: 'node_state',
        id: `${workflowId}/${nodeId}/${key}`,
        column: 'value',
      });
    },
    async set(workflowId, nodeId, key, value) {
      await ctx.writer.submit([
        upsert.bind({ w: workflowId, n: nodeId, k: key, v: JSON.stringify(value), t: ctx.now() }),
      ]);
    },
  };
}

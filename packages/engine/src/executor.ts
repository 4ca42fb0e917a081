import { nodeInputCount, toErrorData } from '@shopwire/sdk';
import type {
  ErrorData,
  Item,
  JsonValue,
  NodeDefinition,
  OutputItems,
  StepRecord,
  WebhookResponse,
  WorkflowNode,
} from '@shopwire/sdk';
import { NodeRunDurability, isParkedStep } from './durability.js';
import { ancestors, buildGraph, reachable, type Graph } from './graph.js';
import { ExpressionNodeOutputs } from './expression-nodes.js';
import { buildRunResult } from './run-result.js';
import { runNode } from './run-node.js';
import { SchedulerState } from './scheduler-state.js';
import { StepRecorder } from './step-recorder.js';
import { DEFAULT_MAX_EXECUTION_DATA_BYTES, MAX_LOOP_ITERATIONS } from './types.js';
import type { EngineDeps, Executor, RunRequest, RunResult } from './types.js';
import { validateWorkflow } from './validate-workflow.js';

type TaskResult =
  | { kind: 'output'; output: OutputItems }
  | { kind: 'waiting'; until: string }
  | { kind: 'error'; error: ErrorData };

/** Abort reason of the timeout timer once the run is over (never surfaces as an error). */
const RUN_FINISHED = Object.freeze({ finished: true });

export function createExecutor(deps: EngineDeps): Executor {
  // Documents already validated against this executor's node types. Served workflows are one
  // object per saved version, so their every execution skips the (zod-heavy) graph check.
  // Callers treat documents as immutable once handed to run().
  const validated = new WeakSet<object>();
  return {
    run: async (request) => {
      try {
        if (!validated.has(request.workflow)) {
          validateWorkflow(request.workflow, deps.nodes);
          validated.add(request.workflow);
        }
      } catch (error) {
        return { status: 'error', error: toErrorData(error), dataBytes: 0, truncated: false };
      }
      return new ExecutionRun(deps, request).execute();
    },
  };
}

/** One call of run(): the scheduler loop over the workflow graph. Lives only for that call. */
class ExecutionRun {
  private readonly graph: Graph;
  private readonly defs = new Map<string, NodeDefinition>();
  private readonly state: SchedulerState;
  private readonly recorder: StepRecorder;
  private readonly runCount = new Map<string, number>();
  private readonly runStates = new Map<string, JsonValue | undefined>();
  private readonly prior = new Map<string, StepRecord>();
  /** node name → latest output, for `$('Name')` in expressions */
  private readonly latest = new Map<string, OutputItems>();
  private readonly expressionNodes: ExpressionNodeOutputs;
  private readonly running = new Map<string, Promise<void>>();
  /** made on first use: most runs never hand a signal to anything (see `signal`) */
  private controller: AbortController | undefined;
  private readonly waits: string[] = [];
  private abortReason: 'timeout' | 'cancel' | undefined;
  private failure: ErrorData | undefined;
  private lastNode: { nodeId: string; items: Item[] } | undefined;
  private response: WebhookResponse | undefined;

  constructor(
    private readonly deps: EngineDeps,
    private readonly request: RunRequest,
  ) {
    const workflow = request.workflow;
    for (const node of workflow.nodes) {
      const def = deps.nodes.getNode(node.type, node.typeVersion);
      if (def) this.defs.set(node.id, def);
    }
    this.graph = buildGraph(workflow, (node) => this.defs.get(node.id)?.loop === true);
    this.expressionNodes = new ExpressionNodeOutputs(this.graph, this.latest);
    let active = reachable(this.graph, [request.start.nodeId]);
    if (request.destinationNodeId !== undefined) {
      const upstream = ancestors(this.graph, request.destinationNodeId);
      active = new Set([...active].filter((id) => upstream.has(id)));
    }
    this.state = new SchedulerState(this.graph, active);
    this.recorder = new StepRecorder(
      deps,
      request,
      deps.limits?.maxExecutionDataBytes ?? DEFAULT_MAX_EXECUTION_DATA_BYTES,
      // a step that cannot be recorded fails the execution: nothing more is launched
      (error) => (this.failure ??= { ...toErrorData(error), code: 'JOURNAL_WRITE_FAILED' }),
    );
    for (const step of request.priorSteps ?? []) this.prior.set(`${step.nodeId}#${step.runIndex}`, step);
  }

  async execute(): Promise<RunResult> {
    const { request } = this;
    if (!this.graph.byId.has(request.start.nodeId)) {
      return this.result({
        code: 'VALIDATION',
        message: `start.nodeId: unknown node "${request.start.nodeId}"`,
        field: 'start.nodeId',
      });
    }
    const onCancel = (): void => this.abort('cancel');
    if (request.signal?.aborted) this.abort('cancel');
    request.signal?.addEventListener('abort', onCancel, { once: true });
    const timeout = this.startTimeout(request.workflow.settings.timeoutMs);
    try {
      for (;;) {
        if (!this.stopping()) this.launchReady();
        if (this.running.size === 0) break;
        await Promise.race(this.running.values());
      }
    } finally {
      timeout?.cancel();
      request.signal?.removeEventListener('abort', onCancel);
    }
    // the one wait for step durability: before the caller stores (and publishes) the final status
    try {
      await this.recorder.settle();
    } catch {
      // already turned into this.failure by the recorder's onWriteError
    }
    return this.result();
  }

  private result(error?: ErrorData): RunResult {
    return buildRunResult(
      {
        dataBytes: this.recorder.budget.used,
        truncated: this.recorder.budget.truncated,
        lastNode: this.lastNode,
        response: this.response,
        abortReason: this.abortReason,
        timeoutMs: this.request.workflow.settings.timeoutMs,
        failure: this.failure,
        waits: this.waits,
        stuckLoop: this.graph.nodes.find((n) => this.state.get(n.id) === 'looping'),
      },
      error,
    );
  }

  /** The execution's timeout: the clock's cheap deadline when it has one, else sleep() + abort. */
  private startTimeout(timeoutMs: number): { cancel(): void } | undefined {
    if (timeoutMs <= 0) return undefined;
    const { clock } = this.deps;
    if (clock.deadline) return clock.deadline(timeoutMs, () => this.abort('timeout'));
    const timer = new AbortController();
    clock.sleep(timeoutMs, timer.signal).then(
      () => this.abort('timeout'),
      () => undefined,
    );
    // a ready-made reason: abort() without one builds a DOMException (stack trace) per execution
    return { cancel: () => timer.abort(RUN_FINISHED) };
  }

  /** The signal nodes see; aborted on cancel or timeout. */
  private get signal(): AbortSignal {
    this.controller ??= new AbortController();
    if (this.abortReason && !this.controller.signal.aborted) this.controller.abort(this.abortError());
    return this.controller.signal;
  }

  private abortError(): Error {
    return new Error(this.abortReason === 'timeout' ? 'execution timed out' : 'execution canceled');
  }

  private abort(reason: 'timeout' | 'cancel'): void {
    if (this.abortReason) return;
    this.abortReason = reason;
    this.controller?.abort(this.abortError());
  }

  private stopping(): boolean {
    return this.failure !== undefined || this.abortReason !== undefined;
  }

  /** Starts ready nodes in document order, up to the concurrency limit; skips dead ones. */
  private launchReady(): void {
    const limit = this.request.workflow.settings.concurrency;
    let progressed = true;
    while (progressed && this.running.size < limit) {
      progressed = false;
      for (const id of this.state.orderedCandidates()) {
        if (this.running.size >= limit) break;
        const node = this.graph.byId.get(id) as WorkflowNode;
        // Looked at now; anything that can change its readiness puts it back (see SchedulerState).
        this.state.candidates.delete(id);
        const status = this.state.get(id);
        if (status === 'looping' && this.state.bodySettled(id)) {
          this.launch(node, this.state.gatherBackEdges(id, this.inputCount(node)));
          progressed = true;
        } else if (status === 'pending' && id === this.request.start.nodeId) {
          this.launch(node, [this.request.start.items]);
          progressed = true;
        } else if (status === 'pending' && this.state.isReady(id)) {
          const inputs = this.state.gather(id, this.inputCount(node));
          if (inputs.every((items) => items.length === 0)) this.state.skip(id);
          else this.launch(node, inputs);
          progressed = true;
        }
      }
    }
  }

  private inputCount(node: WorkflowNode): number {
    const def = this.defs.get(node.id);
    try {
      return def ? nodeInputCount(def, node.params) : 1;
    } catch {
      return 1;
    }
  }

  private launch(node: WorkflowNode, inputs: Item[][]): void {
    this.state.set(node.id, 'running');
    const runIndex = this.runCount.get(node.id) ?? 0;
    const task = this.runTask(node, inputs, runIndex)
      .catch((error: unknown): TaskResult => ({
        kind: 'error',
        error: { ...toErrorData(error), nodeId: node.id, nodeName: node.name },
      }))
      .then((result) => {
        this.running.delete(node.id);
        try {
          this.apply(node, result);
        } catch (error) {
          this.failure ??= { ...toErrorData(error), nodeId: node.id, nodeName: node.name };
        }
      });
    this.running.set(node.id, task);
  }

  /** Reuses a recorded run when there is one; otherwise pinned data, disabled pass-through, or a real run. */
  private async runTask(node: WorkflowNode, inputs: Item[][], runIndex: number): Promise<TaskResult> {
    const prior = this.prior.get(`${node.id}#${runIndex}`);
    if (prior?.status === 'success' && !prior.truncated && prior.output) {
      this.runStates.set(node.id, prior.runState);
      if (prior.executionId !== this.request.executionId) this.recorder.copy(prior);
      return { kind: 'output', output: prior.output };
    }
    if (prior?.status === 'waiting' && prior.waitUntil !== undefined) {
      if (!isParkedStep(prior)) return this.resumeWait(node, prior, inputs);
      // a run parked on NETWORK_DOWN: still waiting, or due to run again (below)
      if (Date.parse(prior.waitUntil) > this.deps.clock.now().getTime())
        return { kind: 'waiting', until: prior.waitUntil };
    }
    // flagged before the process stopped: stays flagged, never runs on its own
    if (prior?.status === 'error' && prior.error?.code === 'NEEDS_REVIEW')
      return { kind: 'error', error: prior.error };
    const pinned = this.request.workflow.pinData[node.id];
    if (pinned) {
      const step = this.recorder.started(node, runIndex, inputs);
      this.recorder.finished(step, {
        status: 'success',
        output: { main: pinned as Item[] },
        pinned: true,
      });
      return { kind: 'output', output: { main: pinned as Item[] } };
    }
    // Disabled nodes are not recorded: they pass input 0 through unchanged.
    if (node.disabled) return { kind: 'output', output: { main: inputs[0] ?? [] } };
    const definition = this.defs.get(node.id) as NodeDefinition;
    // an action's run is repeatable for sure only when it is idempotent whatever its params
    const repeatable = definition.kind !== 'action' || definition.idempotent === true;
    const step = this.recorder.started(node, runIndex, inputs, repeatable);
    const outcome = await runNode({
      deps: this.deps,
      request: this.request,
      node,
      definition,
      runIndex,
      inputs,
      // a function, not a getter: see NodeRunContext in node-context.ts
      signal: () => this.signal,
      runState: this.runStates.get(node.id),
      expressionNodes: (refs) => this.expressionNodes.for(node.id, refs),
      respond: (response) => {
        this.response = response;
        this.request.onRespond?.(response);
      },
      durability: new NodeRunDurability({
        node,
        definition,
        prior,
        committed: () => this.recorder.committed(step),
        networkRetry: this.request.workflow.settings.networkRetry,
        limits: this.deps.limits,
        now: () => this.deps.clock.now(),
      }),
    });
    if (outcome.status !== 'error') this.runStates.set(node.id, outcome.runState);
    if (outcome.status === 'parked') {
      const { error, logs, until } = outcome;
      this.recorder.finished(step, { status: 'waiting', error, logs, waitUntil: until });
      return { kind: 'waiting', until };
    }
    if (outcome.status === 'waiting') {
      this.recorder.finished(step, {
        status: 'waiting',
        output: { main: outcome.items },
        runState: outcome.runState,
        logs: outcome.logs,
        waitUntil: outcome.until,
      });
      return { kind: 'waiting', until: outcome.until };
    }
    if (outcome.status === 'error') {
      this.recorder.finished(step, { status: 'error', error: outcome.error, logs: outcome.logs });
      return { kind: 'error', error: outcome.error };
    }
    this.recorder.finished(step, {
      status: 'success',
      output: outcome.output,
      runState: outcome.runState,
      logs: outcome.logs,
      ...(outcome.error ? { error: outcome.error } : {}),
    });
    return { kind: 'output', output: outcome.output };
  }

  /** A recorded wait: done once its time has come (its items become the output), else still waiting. */
  private async resumeWait(node: WorkflowNode, prior: StepRecord, inputs: Item[][]): Promise<TaskResult> {
    const until = prior.waitUntil as string;
    if (Date.parse(until) > this.deps.clock.now().getTime()) return { kind: 'waiting', until };
    const items = prior.output?.['main'] ?? prior.input?.[0] ?? inputs[0] ?? [];
    const started: StepRecord = { ...prior, executionId: this.request.executionId };
    if (prior.executionId !== this.request.executionId)
      await this.deps.journal.stepStarted({ ...started, status: 'running' });
    this.runStates.set(node.id, prior.runState);
    this.recorder.finished(started, {
      status: 'success',
      output: { main: items },
      runState: prior.runState,
    });
    return { kind: 'output', output: { main: items } };
  }

  /** Folds a finished task into the scheduler state. */
  private apply(node: WorkflowNode, result: TaskResult): void {
    if (result.kind === 'error') {
      this.state.set(node.id, 'ran');
      // Errors caused by cancel/timeout are reported as that, not as the node's failure.
      if (!this.failure && this.abortReason === undefined) this.failure = result.error;
      return;
    }
    const runs = (this.runCount.get(node.id) ?? 0) + 1;
    this.runCount.set(node.id, runs);
    if (result.kind === 'waiting') {
      this.state.set(node.id, 'waiting');
      this.waits.push(result.until);
      return;
    }
    const { output } = result;
    this.latest.set(node.name, output);
    this.lastNode = { nodeId: node.id, items: output['main'] ?? Object.values(output)[0] ?? [] };
    const body = this.graph.loopBodies.get(node.id);
    const entersBody =
      body !== undefined &&
      (this.graph.outgoing.get(node.id) ?? []).some(
        (e) => body.has(e.to) && (output[e.output]?.length ?? 0) > 0,
      );
    if (entersBody) {
      if (runs > MAX_LOOP_ITERATIONS) {
        this.state.set(node.id, 'ran');
        this.failure = {
          code: 'LOOP_LIMIT',
          message: `loop "${node.name}" exceeded ${MAX_LOOP_ITERATIONS} iterations`,
          nodeId: node.id,
          nodeName: node.name,
        };
        return;
      }
      this.state.resetBody(node.id);
      this.state.deliver(node.id, output, (target) => body.has(target));
      this.state.set(node.id, 'looping');
      return;
    }
    this.state.deliver(node.id, output, () => true);
    this.state.set(node.id, 'ran');
  }
}

export type {
  CancelSignal,
  EngineDeps,
  EngineLimits,
  Executor,
  NodeTypeRegistry,
  RunRequest,
  RunResult,
  SubworkflowRequest,
} from './types.js';
export {
  DEFAULT_MAX_EXECUTION_DATA_BYTES,
  DEFAULT_NETWORK_RETRY_BASE_MS,
  DEFAULT_NETWORK_RETRY_MAX_MS,
  DEFAULT_NETWORK_RETRY_TOTAL_MS,
  MAX_LOOP_ITERATIONS,
} from './types.js';
export { isParkedStep } from './durability.js';
export { createExecutor } from './executor.js';
export { validateWorkflow } from './validate-workflow.js';
export type { NodeReferences, ResolveParamsOptions } from './resolve-params.js';
export { collectTemplates, resolveParams } from './resolve-params.js';
export { ParamError } from './param-error.js';
export { retryDelay } from './run-node.js';

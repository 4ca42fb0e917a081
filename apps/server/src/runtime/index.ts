export type {
  ExecutionEvent,
  ExecutionEvents,
  ExecutionOutcome,
  ExecutionQueue,
  Runtime,
  RuntimeOptions,
  WebhookCall,
  WebhookHttpResponse,
} from './types.js';
export { createRuntime } from './create-runtime.js';
export type { ActivationDeps } from './activation.js';
export { activateWorkflowInStore, deactivateWorkflowInStore } from './activation.js';
export { createInProcessQueue } from './in-process-queue.js';
export { createInMemoryEvents } from './in-memory-events.js';
export { normalizeWebhookPath } from './webhook-paths.js';

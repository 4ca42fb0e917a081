export type { BinaryData, Item, JsonObject, JsonPrimitive, JsonValue, OutputItems } from './items.js';
export { isJsonObject, toItems } from './items.js';
export type { ErrorData } from './errors.js';
export {
  NetworkDownError,
  NodeError,
  SandboxError,
  ShopwireError,
  ValidationError,
  toErrorData,
  validationErrorFromIssues,
} from './errors.js';
export type {
  Connection,
  RetryPolicy,
  StickyNote,
  Workflow,
  WorkflowInput,
  WorkflowNode,
  WorkflowSettings,
} from './workflow-schema.js';
export {
  CURRENT_WORKFLOW_SCHEMA_VERSION,
  connectionSchema,
  retryPolicySchema,
  workflowJsonSchema,
  workflowNodeSchema,
  workflowSchema,
  workflowSettingsSchema,
} from './workflow-schema.js';
export { migrateWorkflowDocument, parseWorkflow } from './workflow-migrations.js';
export type {
  Clock,
  CodeRunRequest,
  CodeRunResult,
  CredentialResolver,
  ExpressionBatchRequest,
  ExpressionBatchResult,
  ExpressionContext,
  HttpClient,
  HttpRequest,
  HttpResponse,
  LogLevel,
  Logger,
  NodeStateStore,
  Sandbox,
} from './contracts.js';
export type {
  CredentialSlot,
  ExecutionMode,
  IncomingWebhook,
  NodeContext,
  NodeDefinition,
  NodeGroup,
  NodeKind,
  NodeRunResult,
  NodeState,
  NodeWaitResult,
  TriggerHookContext,
  TriggerSpec,
  WebhookHandling,
  WebhookResponse,
} from './define-node.js';
export { defineNode, isIdempotentRun, isWaitResult, nodeInputCount, nodeOutputs } from './define-node.js';
export type { CredentialTestResult, CredentialTypeDefinition } from './define-credential.js';
export { defineCredentialType } from './define-credential.js';
export type { NodePackage } from './define-package.js';
export { NODE_PACKAGE_API_VERSION, definePackage } from './define-package.js';
export type { ExecutionJournal, ExecutionStatus, LogLine, StepJson, StepRecord } from './execution-types.js';
export { FINISHED_EXECUTION_STATUSES } from './execution-types.js';
export {
  START_ITEMS_REF,
  isStepListRef,
  refersToStartItems,
  resolveStepRefs,
  stepListRef,
  type StepListRef,
} from './step-list-refs.js';
export { z } from 'zod';
export {
  isExpressionTemplate,
  referencedNodeNames,
  referencesNodesDynamically,
} from './expression-syntax.js';
export { ChurnMap } from './churn-map.js';
export { MAX_JSON_DEPTH, jsonDepthExceeds } from './json-limits.js';
export { itemsJson, jsonObjectsJson, jsonText, rememberJsonText } from './json-text.js';
export { runPerItem, withItemIndex } from './per-item.js';
export type {
  SignedWebhookEvent,
  SignedWebhookSpec,
  WebhookRejection,
  WebhookTriggerSpec,
} from './signed-webhook.js';
export { rejectWebhook, signedWebhookTrigger } from './signed-webhook.js';

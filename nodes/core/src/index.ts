import { definePackage } from '@shopwire/sdk';
import type { NodeDefinition } from '@shopwire/sdk';
import { coreCredentialTypes } from './credentials/all-credentials.js';
import { aggregateNode } from './nodes/aggregate.js';
import { code } from './nodes/code.js';
import { dateTime } from './nodes/date-time.js';
import { errorTrigger } from './nodes/error-trigger.js';
import { executeWorkflowTrigger } from './nodes/execute-workflow-trigger.js';
import { executeWorkflow } from './nodes/execute-workflow.js';
import { filter } from './nodes/filter.js';
import { httpRequest } from './nodes/http-request.js';
import { ifNode } from './nodes/if.js';
import { limit } from './nodes/limit.js';
import { loop } from './nodes/loop.js';
import { manualTrigger } from './nodes/manual-trigger.js';
import { merge } from './nodes/merge.js';
import { noOp } from './nodes/no-op.js';
import { removeDuplicates } from './nodes/remove-duplicates.js';
import { respondToWebhook } from './nodes/respond-to-webhook.js';
import { schedule } from './nodes/schedule.js';
import { set } from './nodes/set.js';
import { sort } from './nodes/sort.js';
import { stopAndError } from './nodes/stop-and-error.js';
import { switchNode } from './nodes/switch.js';
import { wait } from './nodes/wait.js';
import { webhook } from './nodes/webhook.js';

export { httpBasicAuth } from './credentials/http-basic-auth.js';
export { httpBearerAuth } from './credentials/http-bearer-auth.js';
export { httpHeaderAuth } from './credentials/http-header-auth.js';
export { httpQueryAuth } from './credentials/http-query-auth.js';
export { webhookBasicAuth, webhookHeaderAuth, webhookHmac } from './credentials/webhook-auth.js';

// node definitions are generic in their params schema; the package holds them type-erased
const nodes = [
  manualTrigger,
  webhook,
  schedule,
  executeWorkflowTrigger,
  errorTrigger,
  set,
  filter,
  sort,
  limit,
  removeDuplicates,
  aggregateNode,
  dateTime,
  code,
  ifNode,
  switchNode,
  merge,
  loop,
  wait,
  executeWorkflow,
  stopAndError,
  noOp,
  httpRequest,
  respondToWebhook,
] as unknown as NodeDefinition[];

export default definePackage({ name: '@shopwire/nodes-core', nodes, credentials: coreCredentialTypes });

/**
 * Errors shared by every layer. They cross process and sandbox boundaries as plain data
 * (`toErrorData`), so they carry a stable `code` instead of relying on `instanceof`.
 */
export interface ErrorData {
  code: string;
  message: string;
  /** dotted path of the offending field, e.g. `nodes.2.params.url` */
  field?: string;
  nodeId?: string;
  nodeName?: string;
  itemIndex?: number;
  retryable?: boolean;
  /** HTTP status from an upstream service, when there was one */
  httpStatus?: number;
  description?: string;
  /** NETWORK_DOWN: the request may have reached the server (false: nothing was delivered) */
  sent?: boolean;
  /** NETWORK_DOWN while the execution is parked: how often this node run failed, since when */
  networkRetry?: { attempts: number; since: string };
}

export class ShopwireError extends Error {
  readonly code: string;
  readonly retryable: boolean;
  constructor(code: string, message: string, options?: { retryable?: boolean; cause?: unknown }) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'ShopwireError';
    this.code = code;
    this.retryable = options?.retryable ?? false;
  }
  toData(): ErrorData {
    return { code: this.code, message: this.message, retryable: this.retryable };
  }
}

/** Bad input: names the field that is wrong. */
export class ValidationError extends ShopwireError {
  readonly field: string;
  readonly issues: { field: string; message: string }[];
  constructor(field: string, message: string, issues?: { field: string; message: string }[]) {
    super('VALIDATION', field ? `${field}: ${message}` : message);
    this.name = 'ValidationError';
    this.field = field;
    this.issues = issues ?? [{ field, message }];
  }
  override toData(): ErrorData {
    return { ...super.toData(), field: this.field };
  }
}

/** A node failed; carries the node and the item it failed on. */
export class NodeError extends ShopwireError {
  readonly nodeId: string | undefined;
  readonly itemIndex: number | undefined;
  readonly httpStatus: number | undefined;
  readonly description: string | undefined;
  constructor(
    message: string,
    options?: {
      code?: string;
      nodeId?: string;
      itemIndex?: number;
      retryable?: boolean;
      httpStatus?: number;
      description?: string;
      cause?: unknown;
    },
  ) {
    super(options?.code ?? 'NODE_ERROR', message, options);
    this.name = 'NodeError';
    this.nodeId = options?.nodeId;
    this.itemIndex = options?.itemIndex;
    this.httpStatus = options?.httpStatus;
    this.description = options?.description;
  }
  override toData(): ErrorData {
    const data: ErrorData = super.toData();
    if (this.nodeId !== undefined) data.nodeId = this.nodeId;
    if (this.itemIndex !== undefined) data.itemIndex = this.itemIndex;
    if (this.httpStatus !== undefined) data.httpStatus = this.httpStatus;
    if (this.description !== undefined) data.description = this.description;
    return data;
  }
}

/**
 * An outbound call failed at the network level (refused, DNS, unreachable, reset, timeout) after
 * the client's own retries. `sent` tells whether the request may have reached the server: false
 * when no connection was made (repeating it cannot duplicate anything), true when it may have.
 */
export class NetworkDownError extends NodeError {
  readonly sent: boolean;
  constructor(
    message: string,
    options: { sent: boolean; nodeId?: string; itemIndex?: number; description?: string; cause?: unknown },
  ) {
    super(message, { ...options, code: 'NETWORK_DOWN', retryable: true });
    this.name = 'NetworkDownError';
    this.sent = options.sent;
  }
  override toData(): ErrorData {
    return { ...super.toData(), sent: this.sent };
  }
}

/** User code or an expression failed inside the sandbox (syntax, runtime, limits). */
export class SandboxError extends ShopwireError {
  constructor(
    code:
      | 'SANDBOX_SYNTAX'
      | 'SANDBOX_RUNTIME'
      | 'SANDBOX_TIMEOUT'
      | 'SANDBOX_MEMORY'
      | 'SANDBOX_CRASHED'
      | 'SANDBOX_OUTPUT',
    message: string,
  ) {
    super(code, message);
    this.name = 'SandboxError';
  }
}

/** Converts anything thrown into plain error data. */
export function toErrorData(error: unknown): ErrorData {
  if (error instanceof ShopwireError) return error.toData();
  if (error instanceof Error) return { code: 'INTERNAL', message: error.message };
  return { code: 'INTERNAL', message: String(error) };
}

/** Converts zod issues into a ValidationError naming the first offending field. */
export function validationErrorFromIssues(
  issues: readonly { path: readonly PropertyKey[]; message: string }[],
  prefix = '',
): ValidationError {
  const list = issues.map((issue) => ({
    field: [prefix, ...issue.path.map(String)].filter((p) => p !== '').join('.'),
    message: issue.message,
  }));
  const first = list[0] ?? { field: prefix, message: 'invalid value' };
  return new ValidationError(first.field, first.message, list);
}

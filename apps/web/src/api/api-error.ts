import type { ApiErrorBody } from './types.js';

/** An API failure: the server's `{ error: { code, message, field } }`, or a network failure. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly field: string | undefined;
  readonly issues: { field: string; message: string }[];

  constructor(options: {
    status: number;
    code: string;
    message: string;
    field?: string;
    issues?: { field: string; message: string }[];
  }) {
    super(options.message);
    this.name = 'ApiError';
    this.status = options.status;
    this.code = options.code;
    this.field = options.field || undefined;
    this.issues = options.issues ?? [];
  }

  /** "nodes.0.type: must be ..." when the server named the field, else the message alone. */
  get display(): string {
    if (!this.field) return this.message.charAt(0).toUpperCase() + this.message.slice(1);
    if (this.message.startsWith(this.field)) return this.message;
    return `${this.field}: ${this.message}`;
  }

  static async fromResponse(res: Response): Promise<ApiError> {
    let body: Partial<ApiErrorBody> | undefined;
    try {
      body = (await res.json()) as Partial<ApiErrorBody>;
    } catch {
      body = undefined;
    }
    const err = body?.error;
    return new ApiError({
      status: res.status,
      code: err?.code ?? `HTTP_${res.status}`,
      message: err?.message ?? `the server answered ${res.status} ${res.statusText}`.trim(),
      field: err?.field,
      issues: err?.issues,
    });
  }
}

export function errorMessage(error: unknown): string {
  if (error instanceof ApiError) return error.display;
  if (error instanceof Error) return error.message;
  return String(error);
}

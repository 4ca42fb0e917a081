import { ShopwireError } from '@shopwire/sdk';
import type { ErrorData } from '@shopwire/sdk';

/**
 * A param of one item could not be resolved: an expression failed (`EXPRESSION`) or the resolved
 * value does not match the node's schema (`VALIDATION`). Names the field and the item.
 */
export class ParamError extends ShopwireError {
  readonly field: string;
  readonly itemIndex: number | undefined;
  constructor(options: {
    code: 'EXPRESSION' | 'VALIDATION';
    field: string;
    message: string;
    itemIndex?: number;
  }) {
    const where = options.itemIndex === undefined ? '' : ` (item ${options.itemIndex})`;
    super(options.code, `${options.field}: ${options.message}${where}`);
    this.name = 'ParamError';
    this.field = options.field;
    this.itemIndex = options.itemIndex;
  }
  override toData(): ErrorData {
    const data: ErrorData = { ...super.toData(), field: this.field };
    if (this.itemIndex !== undefined) data.itemIndex = this.itemIndex;
    return data;
  }
}

const NON_RETRYABLE_CODES = new Set([
  'VALIDATION',
  'EXPRESSION',
  'SANDBOX_SYNTAX',
  'SANDBOX_TIMEOUT',
  'NEEDS_REVIEW',
  'JOURNAL_WRITE_FAILED',
]);

/**
 * Retries help with flaky I/O, not with bad input, code that can't parse or loops forever, a run
 * that must not be repeated (NEEDS_REVIEW) or a journal that cannot record it.
 */
export function isRetryable(error: unknown): boolean {
  const code = typeof error === 'object' && error !== null ? (error as { code?: unknown }).code : undefined;
  return !(typeof code === 'string' && NON_RETRYABLE_CODES.has(code));
}

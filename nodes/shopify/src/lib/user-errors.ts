import { NodeError } from '@shopwire/sdk';

export interface UserError {
  field?: string[] | null;
  message: string;
  code?: string | null;
}

/** Mutation `userErrors` → one NodeError naming the offending input field(s). */
export function throwUserErrors(root: string, errors: UserError[] | undefined, itemIndex?: number): void {
  if (!errors || errors.length === 0) return;
  const parts = errors.map((e) => {
    const field = e.field && e.field.length ? e.field.join('.') : undefined;
    return field ? `${field}: ${e.message}` : e.message;
  });
  const first = errors[0]!;
  throw new NodeError(`Shopify ${root} failed: ${parts.join('; ')}`, {
    code: first.code ? `SHOPIFY_${first.code}` : 'SHOPIFY_USER_ERROR',
    ...(itemIndex !== undefined ? { itemIndex } : {}),
    description: first.field?.length ? `field ${first.field.join('.')}` : undefined,
  });
}

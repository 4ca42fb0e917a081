import { GraphqlError } from './connection.js';
import type { OperationContext } from './operation.js';

/** Versions from which the inventory mutations REQUIRE @idempotent (Shopify changelog, 2026-04). */
const REQUIRED_FROM = '2026-04';

/** The key of `@idempotent(key: "…")` or `@idempotent(key: $var)`, if present. */
export function idempotencyKeyOf(document: string, variables: Record<string, unknown>): string | undefined {
  const literal = /@idempotent\s*\(\s*key\s*:\s*("(?:[^"\\]|\\.)*")\s*\)/.exec(document);
  if (literal?.[1]) return JSON.parse(literal[1]) as string;
  const variable = /@idempotent\s*\(\s*key\s*:\s*\$(\w+)\s*\)/.exec(document);
  const value = variable?.[1] ? variables[variable[1]] : undefined;
  return typeof value === 'string' ? value : undefined;
}

/**
 * Runs `apply` at most once per key: the same key with the same variables replays the stored
 * answer; with other variables it is an error; no key on ≥ 2026-04 is an error.
 */
export function withIdempotency(ctx: OperationContext, root: string, apply: () => unknown): unknown {
  const key = idempotencyKeyOf(ctx.document, ctx.variables);
  if (key === undefined) {
    if (ctx.version >= REQUIRED_FROM)
      throw new GraphqlError(
        `The @idempotent directive is required for ${root} from API version ${REQUIRED_FROM}.`,
        'IDEMPOTENCY_KEY_REQUIRED',
        [root],
      );
    return apply();
  }
  if (key.trim() === '' || key.length > 255)
    throw new GraphqlError('The idempotency key must be 1 to 255 characters.', 'INVALID_IDEMPOTENCY_KEY', [
      root,
    ]);
  const fingerprint = `${root}:${JSON.stringify(ctx.variables)}`;
  const stored = ctx.state.idempotency.get(key);
  if (stored) {
    if (stored.fingerprint !== fingerprint)
      throw new GraphqlError(
        'This idempotency key was already used with different parameters.',
        'IDEMPOTENCY_KEY_PARAMETER_MISMATCH',
        [root],
      );
    return stored.data;
  }
  const data = apply();
  ctx.state.idempotency.set(key, { fingerprint, data });
  return data;
}

/** Square-Version pinned on every request: response shapes stay those of this version. */
export const SQUARE_VERSION = '2026-01-22';

export const SQUARE_BASE_URLS = {
  production: 'https://connect.squareup.com',
  sandbox: 'https://connect.squareupsandbox.com',
} as const;

/** `<origin>` or `<origin>/v2` (either is accepted) → `<origin>/v2`. */
export function squareApiRoot(options: {
  environment: 'production' | 'sandbox';
  baseUrl?: string | undefined;
}): string {
  const base = (options.baseUrl ?? SQUARE_BASE_URLS[options.environment]).replace(/\/+$/, '');
  return base.endsWith('/v2') ? base : `${base}/v2`;
}

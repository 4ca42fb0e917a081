/** The API version every request pins (Stripe-Version header), so responses keep one shape. */
export const STRIPE_API_VERSION = '2025-12-15.clover';

export const STRIPE_DEFAULT_BASE_URL = 'https://api.stripe.com';

/** `https://api.stripe.com` or `…/v1` (either is accepted) → `<origin>/v1` without a trailing slash. */
export function stripeApiRoot(baseUrl: string | undefined): string {
  const base = (baseUrl ?? STRIPE_DEFAULT_BASE_URL).replace(/\/+$/, '');
  return base.endsWith('/v1') ? base : `${base}/v1`;
}

/** The Admin API version this connector is written and tested against (quarterly YYYY-MM). */
export const SHOPIFY_API_VERSION = '2026-04';

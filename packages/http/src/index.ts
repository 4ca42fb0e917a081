export type { HttpClientOptions } from './create-http-client.js';
export { createHttpClient } from './create-http-client.js';
export { encodeForm } from './encode-form.js';
export { backoffDelay, isRetryableStatus, parseRetryAfter } from './retry-delay.js';
export { blockedReason } from './ip-ranges.js';
export type { NetworkPolicy, ResolveHost, ResolvedAddress, SsrfGuard } from './ssrf-guard.js';
export { createSsrfGuard } from './ssrf-guard.js';

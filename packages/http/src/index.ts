export type { HttpClientOptions } from './create-http-client.js';
export { createHttpClient } from './create-http-client.js';
export { encodeForm } from './encode-form.js';
export { backoffDelay, isRetryableStatus, parseRetryAfter } from './retry-delay.js';

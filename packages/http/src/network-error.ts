/**
 * Network failures: which ones leave the request undelivered. A request that never got a
 * connection (refused, DNS, unreachable) cannot have reached the server, so repeating it cannot
 * duplicate anything; after a reset or a timeout on an open connection it may have.
 */

/** Set by the transport on its errors: whether the socket had connected when the request failed. */
const SOCKET_CONNECTED = Symbol.for('shopwire.http.socketConnected');

/** Codes (node's errno codes, undici's) raised before any byte of the request left. */
const NOT_DELIVERED = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EAI_FAIL',
  'EAI_NODATA',
  'EAI_NONAME',
  'EHOSTUNREACH',
  'EHOSTDOWN',
  'ENETUNREACH',
  'ENETDOWN',
  'EADDRNOTAVAIL',
  'UND_ERR_CONNECT_TIMEOUT',
]);

export function markSocketConnected(error: unknown, connected: boolean): unknown {
  if (typeof error === 'object' && error !== null && Object.isExtensible(error))
    Object.defineProperty(error, SOCKET_CONNECTED, { value: connected, enumerable: false });
  return error;
}

/** The first errno-style code on the error, its causes, or an AggregateError's errors. */
export function networkErrorCode(error: unknown, depth = 0): string | undefined {
  if (typeof error !== 'object' || error === null || depth > 5) return undefined;
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string' && /^(E[A-Z_]+|UND_ERR_[A-Z_]+)$/.test(code)) return code;
  const nested = [
    (error as { cause?: unknown }).cause,
    ...((error as { errors?: unknown }).errors instanceof Array
      ? (error as { errors: unknown[] }).errors
      : []),
  ];
  for (const inner of nested) {
    const found = networkErrorCode(inner, depth + 1);
    if (found) return found;
  }
  return undefined;
}

/** False only when the request certainly did not reach the server. */
export function requestMayHaveBeenSent(error: unknown): boolean {
  const connected = (error as { [SOCKET_CONNECTED]?: unknown } | null)?.[SOCKET_CONNECTED];
  if (connected === false) return false;
  const code = networkErrorCode(error);
  return !(code !== undefined && NOT_DELIVERED.has(code));
}

const SAFE_TO_RESEND = new Set(['GET', 'HEAD', 'OPTIONS', 'PUT', 'DELETE', 'TRACE']);

/**
 * May a request that possibly reached the server be sent again inside the same call? Idempotent
 * methods, and anything carrying an Idempotency-Key (the server dedupes); not a bare POST/PATCH.
 */
export function mayResend(method: string, headers: Headers): boolean {
  return SAFE_TO_RESEND.has(method) || headers.has('idempotency-key');
}

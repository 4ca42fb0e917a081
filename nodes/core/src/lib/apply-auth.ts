import { NodeError } from '@shopwire/sdk';
import type { CredentialTypeDefinition, HttpRequest } from '@shopwire/sdk';
import { httpBasicAuth } from '../credentials/http-basic-auth.js';
import { httpBearerAuth } from '../credentials/http-bearer-auth.js';
import { httpHeaderAuth } from '../credentials/http-header-auth.js';
import { httpQueryAuth } from '../credentials/http-query-auth.js';

export type AuthType = 'auto' | 'header' | 'query' | 'basic' | 'bearer';

const BY_NAME: Record<Exclude<AuthType, 'auto'>, CredentialTypeDefinition> = {
  header: httpHeaderAuth,
  query: httpQueryAuth,
  basic: httpBasicAuth,
  bearer: httpBearerAuth,
};

/**
 * Applies a resolved credential to a request with its credential type's `authenticate`.
 * The credential data does not say its type, so `auto` picks it from the fields present
 * (`{name, value}` is read as a header; choose `query` to send it as a query parameter).
 */
export function applyAuth(options: {
  data: Record<string, unknown>;
  authType: AuthType;
  request: HttpRequest;
}): HttpRequest {
  const { data } = options;
  const type = options.authType === 'auto' ? detect(data) : options.authType;
  const credentialType = BY_NAME[type];
  const parsed = credentialType.schema.safeParse(data);
  if (!parsed.success) {
    const field = parsed.error.issues[0]?.path.join('.') ?? '';
    throw new NodeError(
      `The credential does not fit ${credentialType.displayName}: field "${field}" is missing or invalid`,
      {
        code: 'CREDENTIAL_INVALID',
      },
    );
  }
  return credentialType.authenticate!(parsed.data, options.request);
}

function detect(data: Record<string, unknown>): Exclude<AuthType, 'auto'> {
  if (typeof data.token === 'string') return 'bearer';
  if (typeof data.user === 'string') return 'basic';
  if (typeof data.name === 'string') return 'header';
  throw new NodeError(
    'Cannot tell how to apply this credential (expected token, user/password or name/value fields)',
    {
      code: 'CREDENTIAL_INVALID',
    },
  );
}

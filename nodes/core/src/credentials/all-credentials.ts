import type { CredentialTypeDefinition } from '@shopwire/sdk';
import { httpBasicAuth } from './http-basic-auth.js';
import { httpBearerAuth } from './http-bearer-auth.js';
import { httpHeaderAuth } from './http-header-auth.js';
import { httpQueryAuth } from './http-query-auth.js';
import { webhookBasicAuth, webhookHeaderAuth, webhookHmac } from './webhook-auth.js';

export const coreCredentialTypes: CredentialTypeDefinition[] = [
  httpHeaderAuth,
  httpBasicAuth,
  httpBearerAuth,
  httpQueryAuth,
  webhookHeaderAuth,
  webhookBasicAuth,
  webhookHmac,
];

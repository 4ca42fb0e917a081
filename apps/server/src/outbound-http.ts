import { createHttpClient } from '@shopwire/http';
import type { HttpClient, Logger } from '@shopwire/sdk';
import type { Config } from './config.js';

/**
 * The HttpClient nodes get, with the SSRF policy from the config: private and local addresses are
 * refused unless SHOPWIRE_ALLOW_PRIVATE_NETWORKS / SHOPWIRE_HTTP_ALLOWED_HOSTS allow them.
 */
export function createOutboundHttp(
  config: Pick<Config, 'allowPrivateNetworks' | 'httpAllowedHosts'>,
  logger?: Logger,
): HttpClient {
  return createHttpClient({
    allowPrivateNetworks: config.allowPrivateNetworks,
    allowedHosts: config.httpAllowedHosts,
    ...(logger ? { logger } : {}),
  });
}

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.js';
import { createOutboundHttp } from './outbound-http.js';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

function config(env: Record<string, string>) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sw-'));
  dirs.push(dir);
  return loadConfig({ env: { SHOPWIRE_DATA_DIR: dir, ...env } });
}

describe('outbound HTTP policy from the config', () => {
  it('blocks private networks by default and reads the allow-list and webhook rate limit', () => {
    const defaults = config({});
    expect(defaults.allowPrivateNetworks).toBe(false);
    expect(defaults.httpAllowedHosts).toEqual([]);
    expect(defaults.webhookRateLimit).toBe(200);
    expect(defaults.webhookRateBurst).toBe(400);
    const custom = config({
      SHOPWIRE_ALLOW_PRIVATE_NETWORKS: 'true',
      SHOPWIRE_HTTP_ALLOWED_HOSTS: ' erp.lan, 10.1.2.0/24 ,*.corp.example,',
      SHOPWIRE_WEBHOOK_RATE_LIMIT: '0',
    });
    expect(custom.allowPrivateNetworks).toBe(true);
    expect(custom.httpAllowedHosts).toEqual(['erp.lan', '10.1.2.0/24', '*.corp.example']);
    expect(custom.webhookRateLimit).toBe(0);
    expect(() => config({ SHOPWIRE_HTTP_ALLOWED_HOSTS: 'http://x/y' })).toThrow(ConfigError);
    expect(() => config({ SHOPWIRE_HTTP_ALLOWED_HOSTS: 'http://x/y' })).toThrow(
      /SHOPWIRE_HTTP_ALLOWED_HOSTS/,
    );
  });

  it('the client refuses local addresses unless the config allows them', async () => {
    const blocked = createOutboundHttp({ allowPrivateNetworks: false, httpAllowedHosts: [] });
    const error = await blocked
      .request({ url: 'http://127.0.0.1:1/', maxRetries: 0 })
      .catch((e: unknown) => e);
    expect((error as { code?: string }).code).toBe('SSRF_BLOCKED');
    const allowed = createOutboundHttp({ allowPrivateNetworks: false, httpAllowedHosts: ['127.0.0.1'] });
    const network = await allowed
      .request({ url: 'http://127.0.0.1:1/', maxRetries: 0 })
      .catch((e: unknown) => e);
    expect((network as { code?: string }).code).toBe('NETWORK_DOWN');
  });
});

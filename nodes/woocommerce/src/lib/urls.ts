/** `{baseUrl | storeUrl}/wp-json/wc/v3` */
export function apiBase(data: { storeUrl: string; baseUrl?: string | undefined }): string {
  return `${(data.baseUrl ?? data.storeUrl).replace(/\/+$/, '')}/wp-json/wc/v3`;
}

/** HTTP Basic with the consumer key and secret (WooCommerce over HTTPS). */
export function basicAuth(data: { consumerKey: string; consumerSecret: string }): string {
  return `Basic ${Buffer.from(`${data.consumerKey}:${data.consumerSecret}`, 'utf8').toString('base64')}`;
}

import { SHOPIFY_API_VERSION } from './api-version.js';

/** `{baseUrl | https://{shopDomain}}/admin/api/{version}/graphql.json` */
export function graphqlUrl(data: { shopDomain: string; baseUrl?: string | undefined }): string {
  const base = (data.baseUrl ?? `https://${data.shopDomain}`).replace(/\/+$/, '');
  return `${base}/admin/api/${SHOPIFY_API_VERSION}/graphql.json`;
}

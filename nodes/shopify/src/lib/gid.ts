import { ValidationError } from '@shopwire/sdk';

/**
 * Shopify's GraphQL API names every object by a global id, `gid://shopify/Order/123`. Users often
 * have the numeric id (admin URLs, REST payloads, webhooks): accept both, always send the GID.
 */
export function toGid(type: string, value: string | number, field: string): string {
  const text = String(value).trim();
  if (/^\d+$/.test(text)) return `gid://shopify/${type}/${text}`;
  const match = /^gid:\/\/shopify\/([A-Za-z]+)\/(\d+)(\?.*)?$/.exec(text);
  if (!match)
    throw new ValidationError(field, `"${text}" is neither a numeric id nor a gid://shopify/${type}/… id`);
  if (match[1] !== type)
    throw new ValidationError(field, `expected a ${type} id, got a ${match[1]} id ("${text}")`);
  return text;
}

/** `gid://shopify/Order/123` → `123` (undefined when it is not a GID). */
export function numericId(gid: string): string | undefined {
  return /^gid:\/\/shopify\/[A-Za-z]+\/(\d+)/.exec(gid)?.[1];
}

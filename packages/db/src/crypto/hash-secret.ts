import { createHash } from 'node:crypto';

/** sha256 hex of a session token or API key: only the hash is stored. */
export function hashSecret(value: string): string {
  return createHash('sha256').update(value, 'utf8').digest('hex');
}

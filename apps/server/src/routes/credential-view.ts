import type { CredentialTypeDefinition } from '@shopwire/sdk';
import type { CredentialRecord } from '@shopwire/db';
import { z } from '@shopwire/sdk';

/**
 * What the API may show of a credential: its non-secret field values and the NAMES of the secret
 * fields that are set. Secret values never leave the server. When the type is unknown (its package
 * was removed) every field is treated as secret.
 */

export const credentialViewSchema = z.object({
  id: z.string(),
  name: z.string(),
  type: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
  fields: z.record(z.string(), z.unknown()),
  secretFieldsSet: z.array(z.string()),
});

export type CredentialView = z.infer<typeof credentialViewSchema>;

export function credentialView(
  record: CredentialRecord,
  data: Record<string, unknown>,
  type: CredentialTypeDefinition | undefined,
): CredentialView {
  const fields: Record<string, unknown> = {};
  const secretFieldsSet: string[] = [];
  for (const [key, value] of Object.entries(data)) {
    const secret = !type || type.secretFields.includes(key);
    if (!secret) fields[key] = value;
    else if (value !== undefined && value !== null && value !== '') secretFieldsSet.push(key);
  }
  return {
    id: record.id,
    name: record.name,
    type: record.type,
    createdAt: record.createdAt,
    updatedAt: record.updatedAt,
    fields,
    secretFieldsSet,
  };
}

/** Removes secret values from a message (a failing test may echo what it sent). */
export function scrubSecrets(
  message: string,
  data: Record<string, unknown>,
  type: CredentialTypeDefinition | undefined,
): string {
  let out = message;
  for (const [key, value] of Object.entries(data)) {
    const secret = !type || type.secretFields.includes(key);
    if (secret && typeof value === 'string' && value.length >= 4) out = out.split(value).join('***');
  }
  return out;
}

import { ValidationError, type CredentialResolver } from '@shopwire/sdk';
import type { Store } from '@shopwire/db';
import type { CredentialUse } from './types.js';

/**
 * Resolves credential ids for the engine and trigger hooks. A credential of another project is
 * reported exactly like an unknown one, so ids can't be probed across projects.
 * `expectedType` may list several types separated by `,` or `|` (slots that accept several).
 */
export function createCredentialResolver(
  store: Store,
  options: { onUse?: ((use: CredentialUse) => void) | undefined } = {},
): CredentialResolver {
  return {
    async resolve(credentialId, expectedType, scope) {
      const found = await store.credentials.getDecrypted(credentialId);
      if (!found || found.record.projectId !== scope.projectId) {
        throw new ValidationError(
          'credentials',
          `credential "${credentialId}" does not exist; pick another credential for this node`,
        );
      }
      const allowed = expectedType
        .split(/[|,]/)
        .map((t) => t.trim())
        .filter((t) => t !== '' && t !== '*');
      if (allowed.length > 0 && !allowed.includes(found.record.type)) {
        throw new ValidationError(
          'credentials',
          `credential "${found.record.name}" is of type ${found.record.type}, but this node needs ${allowed.join(' or ')}`,
        );
      }
      options.onUse?.({
        credentialId: found.record.id,
        name: found.record.name,
        type: found.record.type,
        projectId: found.record.projectId,
      });
      return found.data;
    },
  };
}

import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import { ShopwireError } from '@shopwire/sdk';

/** One AES-256-GCM ciphertext with everything needed to decrypt it (binary parts base64). */
export interface EncryptedData {
  keyId: string;
  iv: string;
  tag: string;
  data: string;
}

/**
 * The keys credentials are encrypted with. `encrypt` always uses the current key; `decrypt` uses
 * the key named by the ciphertext, so old keys can stay loaded during a rotation.
 */
export interface Keyring {
  readonly currentKeyId: string;
  encrypt(plain: Buffer, aad?: string): EncryptedData;
  /** throws ShopwireError('DECRYPT_FAILED') on an unknown key, a wrong key or tampered data */
  decrypt(encrypted: EncryptedData, aad?: string): Buffer;
  hasKey(keyId: string): boolean;
}

export interface KeyringKey {
  id: string;
  /** 32 bytes */
  key: Buffer;
}

/** A key id derived from the key itself, so the same key always gets the same id. */
export function keyIdFor(key: Buffer): string {
  return 'k' + createHash('sha256').update('shopwire-key-id').update(key).digest('hex').slice(0, 12);
}

export function createKeyring(options: { keys: KeyringKey[]; currentKeyId?: string }): Keyring {
  const keys = new Map<string, Buffer>();
  for (const { id, key } of options.keys) {
    if (key.length !== 32)
      throw new ShopwireError('INVALID_KEY', `encryption key ${id} must be 32 bytes, got ${key.length}`);
    keys.set(id, key);
  }
  const currentKeyId = options.currentKeyId ?? options.keys[0]?.id;
  if (currentKeyId === undefined || !keys.has(currentKeyId)) {
    throw new ShopwireError('INVALID_KEY', 'the keyring needs a current key');
  }
  const current = keys.get(currentKeyId) as Buffer;

  return {
    currentKeyId,
    hasKey: (keyId) => keys.has(keyId),
    encrypt(plain, aad) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', current, iv);
      if (aad !== undefined) cipher.setAAD(Buffer.from(aad, 'utf8'));
      const data = Buffer.concat([cipher.update(plain), cipher.final()]);
      return {
        keyId: currentKeyId,
        iv: iv.toString('base64'),
        tag: cipher.getAuthTag().toString('base64'),
        data: data.toString('base64'),
      };
    },
    decrypt(encrypted, aad) {
      const key = keys.get(encrypted.keyId);
      if (!key) {
        throw new ShopwireError(
          'DECRYPT_FAILED',
          `data was encrypted with key "${encrypted.keyId}", which is not loaded: set SHOPWIRE_ENCRYPTION_KEY (or restore encryption-key.json) to the key used before`,
        );
      }
      try {
        const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(encrypted.iv, 'base64'));
        decipher.setAuthTag(Buffer.from(encrypted.tag, 'base64'));
        if (aad !== undefined) decipher.setAAD(Buffer.from(aad, 'utf8'));
        return Buffer.concat([decipher.update(Buffer.from(encrypted.data, 'base64')), decipher.final()]);
      } catch {
        throw new ShopwireError(
          'DECRYPT_FAILED',
          `data encrypted with key "${encrypted.keyId}" failed authentication: the key is wrong or the stored data was modified`,
        );
      }
    },
  };
}

import { createHmac } from 'node:crypto';
import type { Random } from '../core/clock.js';
import { openValue, sealValue } from '../transform/crypto/aead.js';
import type { VaultCrypto } from '../transform/vault.js';
import type { Keyring } from './keyring.js';

/**
 * The vault's keys: lookups by a keyed hash under the keyring's oldest key (stable across
 * rotation, so a value keeps its pseudonym), values sealed under the active key with the
 * key id in the ciphertext (so old entries stay readable after rotation).
 */
export function createVaultCrypto(keyring: Keyring, random: Random): VaultCrypto {
  const lookupKey = keyring.subkey('vault-lookup', (keyring.listKeys()[0] as { id: string }).id);
  return {
    lookupKey(sessionId, entity, value) {
      return createHmac('sha256', lookupKey).update(sessionId).update('\0').update(entity).update('\0').update(value).digest('base64url');
    },
    seal(plaintext, associatedData) {
      const keyId = keyring.activeKeyId;
      return sealValue(keyring.subkey('vault', keyId), keyId, plaintext, associatedData, random);
    },
    open(sealed, associatedData) {
      return openValue((keyId) => (keyring.hasKey(keyId) ? keyring.subkey('vault', keyId) : undefined), sealed, associatedData);
    },
  };
}

import { createHmac } from 'node:crypto';
import type { Random } from '../core/clock.js';
import { openValue, sealValue } from '../transform/crypto/aead.js';
import { ff1Decrypt, ff1Encrypt } from '../transform/crypto/ff1.js';
import type { OperatorCrypto } from '../transform/operators/types.js';
import type { Keyring } from './keyring.js';

const HMAC_CHARS = 22;
const FIELD_ENCRYPTION = 'field-encryption';
const FPE = 'fpe';

/**
 * The key-dependent primitives operators use, bound to a keyring. Field encryption names
 * its key id in the output, so it always uses the active key and decrypts with whichever
 * key a ciphertext names. Hashes and FPE tokens carry no key id: they use the keyring's
 * oldest key, so rotation never changes a hash (joins keep working) nor strands an FPE
 * token; their key is retired by re-keying the data, not by rotation.
 */
export function createOperatorCrypto(keyring: Keyring, random: Random): OperatorCrypto {
  const cache = new Map<string, Buffer>();
  const stableKeyId = (keyring.listKeys()[0] as { id: string }).id;
  const stable = (purpose: string): Buffer => {
    let key = cache.get(purpose);
    if (!key) {
      key = keyring.subkey(purpose, stableKeyId);
      cache.set(purpose, key);
    }
    return key;
  };
  return {
    hmac(purpose, value) {
      return createHmac('sha256', stable(`hmac:${purpose}`))
        .update(value, 'utf8')
        .digest('base64url')
        .slice(0, HMAC_CHARS);
    },
    encrypt(plaintext, associatedData) {
      const keyId = keyring.activeKeyId;
      return sealValue(keyring.subkey(FIELD_ENCRYPTION, keyId), keyId, plaintext, associatedData, random);
    },
    decrypt(ciphertext, associatedData) {
      const lookup = (keyId: string): Buffer | undefined =>
        keyring.hasKey(keyId) ? keyring.subkey(FIELD_ENCRYPTION, keyId) : undefined;
      return openValue(lookup, ciphertext, associatedData);
    },
    fpeEncrypt(value, alphabet, tweak) {
      return ff1Encrypt(stable(FPE), Buffer.from(tweak, 'utf8'), alphabet, value);
    },
    fpeDecrypt(value, alphabet, tweak) {
      return ff1Decrypt(stable(FPE), Buffer.from(tweak, 'utf8'), alphabet, value);
    },
  };
}

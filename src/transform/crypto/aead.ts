import { createCipheriv, createDecipheriv } from 'node:crypto';
import type { Random } from '../../core/clock.js';
import { AirlockError } from '../../core/errors.js';

/**
 * AES-256-GCM field encryption with a self-describing output:
 * `enc:v1:<keyId>:<base64url(iv12 | ciphertext | tag16)>`.
 *
 * The version and key id are authenticated too (prefixed to the associated data), so a
 * sealed value cannot be relabelled to another key or format.
 */

const PREFIX = 'enc:v1:';
const IV_BYTES = 12;
const TAG_BYTES = 16;
const KEY_BYTES = 32;
const KEY_ID = /^[A-Za-z0-9_.-]{1,64}$/;
const BASE64URL = /^[A-Za-z0-9_-]+$/;

export type KeyLookup = (keyId: string) => Buffer | undefined;

export function isKeyId(value: string): boolean {
  return KEY_ID.test(value);
}

export function isSealedValue(value: string): boolean {
  return value.startsWith(PREFIX);
}

export function sealValue(
  key: Buffer,
  keyId: string,
  plaintext: string,
  associatedData: string,
  random: Random,
): string {
  checkKey(key);
  if (!isKeyId(keyId)) throw new AirlockError('CONFIG_INVALID', 'key id must be 1-64 characters of [A-Za-z0-9_.-]');
  const iv = random.bytes(IV_BYTES);
  if (iv.length !== IV_BYTES) throw new AirlockError('TRANSFORM_FAILED', 'random source returned a short IV');
  const cipher = createCipheriv('aes-256-gcm', key, iv, { authTagLength: TAG_BYTES });
  cipher.setAAD(authenticatedData(keyId, associatedData));
  const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  const payload = Buffer.concat([iv, body, cipher.getAuthTag()]);
  return `${PREFIX}${keyId}:${payload.toString('base64url')}`;
}

export function openValue(lookupKey: KeyLookup, sealed: string, associatedData: string): string {
  const { keyId, payload } = parseSealed(sealed);
  const key = lookupKey(keyId);
  if (key === undefined) throw new AirlockError('TRANSFORM_FAILED', 'sealed value names an unknown key id');
  checkKey(key);
  const iv = payload.subarray(0, IV_BYTES);
  const body = payload.subarray(IV_BYTES, payload.length - TAG_BYTES);
  const tag = payload.subarray(payload.length - TAG_BYTES);
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, iv, { authTagLength: TAG_BYTES });
    decipher.setAAD(authenticatedData(keyId, associatedData));
    decipher.setAuthTag(tag);
    const plaintext = Buffer.concat([decipher.update(body), decipher.final()]);
    return plaintext.toString('utf8');
  } catch (error) {
    throw new AirlockError(
      'TRANSFORM_FAILED',
      'sealed value failed authentication (tampered, wrong key or wrong associated data)',
      { cause: error },
    );
  }
}

/** The key id of a sealed value, or undefined when it is not one. */
export function sealedKeyId(sealed: string): string | undefined {
  try {
    return parseSealed(sealed).keyId;
  } catch {
    return undefined;
  }
}

function parseSealed(sealed: string): { keyId: string; payload: Buffer } {
  const malformed = (): AirlockError => new AirlockError('TRANSFORM_FAILED', 'sealed value is malformed');
  if (!sealed.startsWith(PREFIX)) throw malformed();
  const rest = sealed.slice(PREFIX.length);
  const colon = rest.indexOf(':');
  if (colon < 0) throw malformed();
  const keyId = rest.slice(0, colon);
  const encoded = rest.slice(colon + 1);
  if (!isKeyId(keyId) || !BASE64URL.test(encoded)) throw malformed();
  const payload = Buffer.from(encoded, 'base64url');
  // Only the canonical encoding is accepted, so no two strings open to the same value.
  if (payload.length < IV_BYTES + TAG_BYTES || payload.toString('base64url') !== encoded) throw malformed();
  return { keyId, payload };
}

function authenticatedData(keyId: string, associatedData: string): Buffer {
  // Key ids cannot contain ':', so the prefix ends unambiguously before the caller's data.
  return Buffer.from(`${PREFIX}${keyId}:${associatedData}`, 'utf8');
}

function checkKey(key: Buffer): void {
  if (key.length !== KEY_BYTES) throw new AirlockError('CONFIG_INVALID', 'field encryption key must be 32 bytes');
}

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cryptoRandom, seededRandom } from '../../core/clock.js';
import { AirlockError } from '../../core/errors.js';
import { openValue, sealValue, sealedKeyId } from './aead.js';

const KEY_A = Buffer.alloc(32, 0xa1);
const KEY_B = Buffer.alloc(32, 0xb2);
const keys = new Map([
  ['k1', KEY_A],
  ['k2', KEY_B],
]);
const lookup = (id: string): Buffer | undefined => keys.get(id);

function failure(fn: () => unknown): AirlockError {
  try {
    fn();
  } catch (error) {
    if (error instanceof AirlockError) return error;
    throw error;
  }
  throw new Error('expected an AirlockError');
}

describe('sealValue / openValue', () => {
  it('round-trips any text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 200 }), fc.string({ maxLength: 40 }), (text, aad) => {
        const sealed = sealValue(KEY_A, 'k1', text, aad, cryptoRandom);
        expect(sealed).toMatch(/^enc:v1:k1:[A-Za-z0-9_-]+$/);
        expect(sealedKeyId(sealed)).toBe('k1');
        expect(openValue(lookup, sealed, aad)).toBe(text);
      }),
    );
  });

  it('uses a fresh IV for every seal', () => {
    const random = seededRandom(7);
    const a = sealValue(KEY_A, 'k1', 'Jane Doe', 'contact/001:Name', random);
    const b = sealValue(KEY_A, 'k1', 'Jane Doe', 'contact/001:Name', random);
    expect(a).not.toBe(b);
    expect(openValue(lookup, a, 'contact/001:Name')).toBe('Jane Doe');
    expect(openValue(lookup, b, 'contact/001:Name')).toBe('Jane Doe');
  });

  it('rejects a flipped bit anywhere in the payload', () => {
    const sealed = sealValue(KEY_A, 'k1', 'alice@example.com', 'lead/9:Email', cryptoRandom);
    const prefix = 'enc:v1:k1:';
    const payload = Buffer.from(sealed.slice(prefix.length), 'base64url');
    fc.assert(
      fc.property(fc.nat({ max: payload.length - 1 }), fc.integer({ min: 1, max: 255 }), (pos, mask) => {
        const tampered = Buffer.from(payload);
        tampered[pos] = (tampered[pos] as number) ^ mask;
        const error = failure(() => openValue(lookup, prefix + tampered.toString('base64url'), 'lead/9:Email'));
        expect(error.code).toBe('TRANSFORM_FAILED');
      }),
    );
  });

  it('rejects any changed character of the sealed string', () => {
    const sealed = sealValue(KEY_A, 'k1', 'alice@example.com', 'lead/9:Email', cryptoRandom);
    fc.assert(
      fc.property(fc.nat({ max: sealed.length - 1 }), fc.constantFrom(...'Aa0_-:kx2'), (pos, ch) => {
        fc.pre(sealed[pos] !== ch);
        const tampered = sealed.slice(0, pos) + ch + sealed.slice(pos + 1);
        expect(failure(() => openValue(lookup, tampered, 'lead/9:Email')).code).toBe('TRANSFORM_FAILED');
      }),
    );
  });

  it('rejects truncation and extension', () => {
    const sealed = sealValue(KEY_A, 'k1', 'x', '', cryptoRandom);
    expect(failure(() => openValue(lookup, sealed.slice(0, -1), '')).code).toBe('TRANSFORM_FAILED');
    expect(failure(() => openValue(lookup, `${sealed}A`, '')).code).toBe('TRANSFORM_FAILED');
    expect(failure(() => openValue(lookup, 'enc:v1:k1:', '')).code).toBe('TRANSFORM_FAILED');
    expect(failure(() => openValue(lookup, 'plain text', '')).code).toBe('TRANSFORM_FAILED');
  });

  it('rejects a relabelled key id, even one that exists', () => {
    const sealed = sealValue(KEY_A, 'k1', 'secret', 'aad', cryptoRandom);
    // Same key under another id: only the authenticated key id can catch this.
    const sameKey = (id: string): Buffer | undefined => (id === 'k1' || id === 'k9' ? KEY_A : undefined);
    expect(openValue(sameKey, sealed, 'aad')).toBe('secret');
    expect(failure(() => openValue(sameKey, sealed.replace(':k1:', ':k9:'), 'aad')).code).toBe('TRANSFORM_FAILED');
    expect(failure(() => openValue(lookup, sealed.replace(':k1:', ':k2:'), 'aad')).code).toBe('TRANSFORM_FAILED');
    expect(failure(() => openValue(lookup, sealed.replace(':k1:', ':k3:'), 'aad')).code).toBe('TRANSFORM_FAILED');
  });

  it('rejects the wrong associated data', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), (aad, other) => {
        fc.pre(aad !== other);
        const sealed = sealValue(KEY_A, 'k1', 'secret', aad, cryptoRandom);
        expect(failure(() => openValue(lookup, sealed, other)).code).toBe('TRANSFORM_FAILED');
      }),
    );
  });

  it('keeps plaintext and keys out of error messages', () => {
    const sealed = sealValue(KEY_A, 'k1', 'John Smith 555-0100', 'aad', cryptoRandom);
    const error = failure(() => openValue(lookup, sealed, 'wrong'));
    const shown = `${error.message} ${JSON.stringify(error)}`;
    expect(shown).not.toContain('John');
    expect(shown).not.toContain(KEY_A.toString('hex'));
    expect(shown).not.toContain(KEY_A.toString('base64'));
  });

  it('validates keys and key ids when sealing', () => {
    expect(failure(() => sealValue(Buffer.alloc(16), 'k1', 'x', '', cryptoRandom)).code).toBe('CONFIG_INVALID');
    expect(failure(() => sealValue(KEY_A, 'k:1', 'x', '', cryptoRandom)).code).toBe('CONFIG_INVALID');
    expect(failure(() => sealValue(KEY_A, '', 'x', '', cryptoRandom)).code).toBe('CONFIG_INVALID');
  });
});

import { createHmac } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ShortHmac } from './short-hmac.js';

const reference = (key: Buffer, label: string, value: string): string =>
  createHmac('sha256', key).update(label).update('\0').update(value).digest('base64url').slice(0, 22);

describe('ShortHmac', () => {
  it('gives node:crypto HMAC-SHA256 bytes for any key, label and value, short or long', () => {
    const text = fc.oneof(fc.string({ maxLength: 80 }), fc.string({ unit: 'binary', maxLength: 40 }));
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 1, maxLength: 100 }), text, text, (key, label, value) => {
        const k = Buffer.from(key);
        expect(new ShortHmac(k).fingerprint(label, value)).toBe(reference(k, label, value));
      }),
      { numRuns: 3000 },
    );
  });

  it('handles the block edges: 55 bytes in one block, 56 and over through node:crypto', () => {
    const key = Buffer.alloc(32, 9);
    const hmac = new ShortHmac(key);
    for (let n = 40; n <= 70; n++) {
      for (const value of ['x'.repeat(n), 'é'.repeat(n >> 1), '😀'.repeat(n >> 2)]) {
        expect(hmac.fingerprint('PERSON', value)).toBe(reference(key, 'PERSON', value));
      }
    }
    // a lone surrogate is encoded as U+FFFD by both
    expect(hmac.fingerprint('X', '\ud800')).toBe(reference(key, 'X', '\ud800'));
  });

  it('depends on the key', () => {
    expect(new ShortHmac(Buffer.alloc(32, 1)).fingerprint('E', 'v')).not.toBe(new ShortHmac(Buffer.alloc(32, 2)).fingerprint('E', 'v'));
  });
});

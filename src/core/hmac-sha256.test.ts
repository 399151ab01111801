import { createHmac } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { HmacSha256 } from './hmac-sha256.js';

const hex = (b: Uint8Array) => Buffer.from(b).toString('hex');

describe('HmacSha256', () => {
  it('matches RFC 4231 test case 2', () => {
    const mac = new HmacSha256(Buffer.from('Jefe'));
    expect(hex(mac.digest(Buffer.from('what do ya want for nothing?')))).toBe(
      '5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843',
    );
  });

  it('equals node:crypto for any key and any strings, multi-block and non-ASCII included', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 150 }), fc.array(fc.string({ unit: 'binary', maxLength: 90 }), { maxLength: 4 }), (key, parts) => {
        const mac = new HmacSha256(key);
        const expected = createHmac('sha256', key);
        for (const p of parts) expected.update(p);
        const once = hex(mac.digestStrings(...parts));
        expect(once).toBe(expected.digest('hex'));
        // the instance is reusable
        expect(hex(mac.digestStrings(...parts))).toBe(once);
      }),
      { numRuns: 400 },
    );
  });

  it('hashes lone surrogates as U+FFFD, like Node', () => {
    const key = Buffer.alloc(32, 7);
    for (const s of ['\ud800', 'a\udc00b', '😀', 'x'.repeat(1000)]) {
      expect(hex(new HmacSha256(key).digestStrings(s))).toBe(createHmac('sha256', key).update(s).digest('hex'));
    }
  });
});

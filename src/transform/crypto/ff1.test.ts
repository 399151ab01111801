import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AirlockError } from '../../core/errors.js';
import { ff1Decrypt, ff1Encrypt } from './ff1.js';

const DIGITS = '0123456789';
const BASE36 = '0123456789abcdefghijklmnopqrstuvwxyz';
const KEY_128 = '2B7E151628AED2A6ABF7158809CF4F3C';
const KEY_192 = '2B7E151628AED2A6ABF7158809CF4F3CEF4359D8D580AA4F';
const KEY_256 = '2B7E151628AED2A6ABF7158809CF4F3CEF4359D8D580AA4F7F036D6F04FC6A94';
const TWEAK_10 = '39383736353433323130';
const TWEAK_11 = '3737373770717273373737';

// NIST SP 800-38G FF1 samples (csrc.nist.gov, "FF1samples.pdf").
const SAMPLES: Array<[number, string, string, string, string, string]> = [
  [1, KEY_128, '', DIGITS, '0123456789', '2433477484'],
  [2, KEY_128, TWEAK_10, DIGITS, '0123456789', '6124200773'],
  [3, KEY_128, TWEAK_11, BASE36, '0123456789abcdefghi', 'a9tv40mll9kdu509eum'],
  [4, KEY_192, '', DIGITS, '0123456789', '2830668132'],
  [5, KEY_192, TWEAK_10, DIGITS, '0123456789', '2496655549'],
  [6, KEY_192, TWEAK_11, BASE36, '0123456789abcdefghi', 'xbj3kv35jrawxv32ysr'],
  [7, KEY_256, '', DIGITS, '0123456789', '6657667009'],
  [8, KEY_256, TWEAK_10, DIGITS, '0123456789', '1001623463'],
  [9, KEY_256, TWEAK_11, BASE36, '0123456789abcdefghi', 'xs8a0azh2avyalyzuwd'],
];

const hex = (s: string): Buffer => Buffer.from(s, 'hex');

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (error) {
    return error instanceof AirlockError ? error.code : 'not an AirlockError';
  }
  return undefined;
}

describe('FF1', () => {
  it.each(SAMPLES)('matches NIST sample %i', (_n, key, tweak, alphabet, pt, ct) => {
    expect(ff1Encrypt(hex(key), hex(tweak), alphabet, pt)).toBe(ct);
    expect(ff1Decrypt(hex(key), hex(tweak), alphabet, ct)).toBe(pt);
  });

  it('round-trips and keeps length and alphabet', () => {
    const alphabets = [DIGITS, BASE36, '01', 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/', 'äöüß€✓😀'];
    fc.assert(
      fc.property(
        fc.constantFrom(16, 24, 32).chain((n) => fc.uint8Array({ minLength: n, maxLength: n })),
        fc.uint8Array({ maxLength: 40 }),
        fc.constantFrom(...alphabets).chain((alphabet) => {
          const symbols = Array.from(alphabet);
          const minLength = Math.max(2, Math.ceil(6 / Math.log10(symbols.length) - 1e-9));
          return fc
            .array(fc.constantFrom(...symbols), { minLength, maxLength: 60 })
            .map((chars) => ({ alphabet, text: chars.join('') }));
        }),
        (key, tweak, { alphabet, text }) => {
          const k = Buffer.from(key);
          const t = Buffer.from(tweak);
          const ct = ff1Encrypt(k, t, alphabet, text);
          const symbols = new Set(Array.from(alphabet));
          expect(Array.from(ct).length).toBe(Array.from(text).length);
          expect(Array.from(ct).every((ch) => symbols.has(ch))).toBe(true);
          expect(ff1Decrypt(k, t, alphabet, ct)).toBe(text);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('supports the largest radix, 65536', () => {
    const alphabet = Array.from({ length: 65_536 }, (_, i) => String.fromCodePoint(i < 0xd800 ? i : i + 0x10000)).join('');
    const symbols = Array.from(alphabet);
    const text = [symbols[0], symbols[65_535], symbols[12_345]].join('');
    const key = hex(KEY_256);
    const ct = ff1Encrypt(key, Buffer.alloc(0), alphabet, text);
    expect(Array.from(ct).length).toBe(3);
    expect(ff1Decrypt(key, Buffer.alloc(0), alphabet, ct)).toBe(text);
  });

  it('depends on the tweak', () => {
    const key = hex(KEY_128);
    expect(ff1Encrypt(key, Buffer.from('a'), DIGITS, '0123456789')).not.toBe(
      ff1Encrypt(key, Buffer.from('b'), DIGITS, '0123456789'),
    );
  });

  it('enforces the domain minimum and input rules', () => {
    const key = hex(KEY_128);
    const none = Buffer.alloc(0);
    expect(codeOf(() => ff1Encrypt(key, none, DIGITS, '12345'))).toBe('INPUT_INVALID');
    expect(codeOf(() => ff1Encrypt(key, none, DIGITS, '123456'))).toBeUndefined();
    expect(codeOf(() => ff1Encrypt(key, none, '01', '1'.repeat(19)))).toBe('INPUT_INVALID');
    expect(codeOf(() => ff1Encrypt(key, none, '01', '1'.repeat(20)))).toBeUndefined();
    expect(codeOf(() => ff1Encrypt(key, none, BASE36, 'a'))).toBe('INPUT_INVALID');
    expect(codeOf(() => ff1Encrypt(key, none, DIGITS, '12345x7890'))).toBe('INPUT_INVALID');
    expect(codeOf(() => ff1Encrypt(key, none, '0', '0000000'))).toBe('INPUT_INVALID');
    expect(codeOf(() => ff1Encrypt(key, none, '0120', '0000000000000'))).toBe('INPUT_INVALID');
    expect(codeOf(() => ff1Encrypt(Buffer.alloc(20), none, DIGITS, '0123456789'))).toBe('CONFIG_INVALID');
  });

  it('never quotes the input in errors', () => {
    try {
      ff1Encrypt(hex(KEY_128), Buffer.alloc(0), DIGITS, '4111x1111');
      expect.fail('should throw');
    } catch (error) {
      expect(String(error)).not.toMatch(/4111|x1111/);
    }
  });
});

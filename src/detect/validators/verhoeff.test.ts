import { describe, expect, it } from 'vitest';
import { verhoeffCheckDigit, verhoeffValid } from './verhoeff.js';

describe('verhoeffValid', () => {
  // Wikipedia's worked example (236 → 2363), python-stdnum's vectors and its Aadhaar example.
  it.each(['2363', '12340', '234123412346', '1428570', '84736430954837284567892'])('accepts %s', (digits) =>
    expect(verhoeffValid(digits)).toBe(true),
  );

  it.each(['2364', '1234', '234123412347', '234123412364'])('rejects %s', (digits) => expect(verhoeffValid(digits)).toBe(false));

  it('rejects non-digits and too-short input', () => {
    expect(verhoeffValid('2341 2341 2346')).toBe(false);
    expect(verhoeffValid('0')).toBe(false);
    expect(verhoeffValid('')).toBe(false);
  });
});

describe('verhoeffCheckDigit', () => {
  it('computes the published check digits', () => {
    expect(verhoeffCheckDigit('236')).toBe(3);
    expect(verhoeffCheckDigit('1234')).toBe(0);
    expect(verhoeffCheckDigit('142857')).toBe(0);
    expect(verhoeffCheckDigit('23412341234')).toBe(6);
  });

  it('agrees with verhoeffValid for every final digit', () => {
    const payload = '98765432101';
    for (let d = 0; d <= 9; d++) expect(verhoeffValid(payload + String(d))).toBe(d === verhoeffCheckDigit(payload));
  });

  it('throws on non-digits', () => expect(() => verhoeffCheckDigit('12a')).toThrow(RangeError));
});

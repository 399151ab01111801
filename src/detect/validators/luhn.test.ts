import { describe, expect, it } from 'vitest';
import { luhnCheckDigit, luhnValid } from './luhn.js';

describe('luhnValid', () => {
  // Published test numbers: the Wikipedia example and issuers' test cards.
  it.each(['79927398713', '4111111111111111', '5555555555554444', '378282246310005', '6011111111111117', '30569309025904'])(
    'accepts %s',
    (digits) => expect(luhnValid(digits)).toBe(true),
  );

  it.each(['79927398710', '4111111111111112', '378282246310006', '1234567812345678'])('rejects %s', (digits) =>
    expect(luhnValid(digits)).toBe(false),
  );

  it('rejects non-digits and too-short input', () => {
    expect(luhnValid('4111 1111 1111 1111')).toBe(false);
    expect(luhnValid('0')).toBe(false);
    expect(luhnValid('')).toBe(false);
  });
});

describe('luhnCheckDigit', () => {
  it('computes the published check digits', () => {
    expect(luhnCheckDigit('7992739871')).toBe(3);
    expect(luhnCheckDigit('411111111111111')).toBe(1);
    expect(luhnCheckDigit('37828224631000')).toBe(5);
  });

  it('agrees with luhnValid for every final digit', () => {
    const payload = '453201511283036';
    for (let d = 0; d <= 9; d++) {
      expect(luhnValid(payload + String(d))).toBe(d === luhnCheckDigit(payload));
    }
  });

  it('throws on non-digits', () => {
    expect(() => luhnCheckDigit('12a')).toThrow(RangeError);
  });
});

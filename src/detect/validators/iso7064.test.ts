import { describe, expect, it } from 'vitest';
import { mod1110CheckDigit, mod1110Valid, mod97Complement, mod9710CheckDigits, mod9710Valid } from './iso7064.js';

describe('ISO 7064 MOD 11,10', () => {
  // German Steuer-IdNr and USt-IdNr and a Croatian OIB from python-stdnum's documentation.
  it.each(['36574261809', '136695976', '94577403194'])('accepts %s', (n) => expect(mod1110Valid(n)).toBe(true));
  it.each(['36574261890', '136695978', '9', '12a'])('rejects %s', (n) => expect(mod1110Valid(n)).toBe(false));
  it('computes the check digit', () => {
    expect(mod1110CheckDigit('3657426180')).toBe(9);
    expect(() => mod1110CheckDigit('12x')).toThrow(RangeError);
  });
});

describe('ISO 7064 MOD 97-10', () => {
  it('validates the IBAN rearrangement', () => {
    // GB82 WEST 1234 5698 7654 32, rearranged: BBAN first, then country and check.
    expect(mod9710Valid('WEST12345698765432GB82')).toBe(true);
    expect(mod9710Valid('WEST12345698765432GB83')).toBe(false);
  });
  it('computes check digits', () => expect(mod9710CheckDigits('WEST12345698765432GB')).toBe('82'));
  it('gives the 97 − n mod 97 key of the French NIR', () => {
    // INSEE's example NIR 2 55 08 14 168 025 38.
    expect(mod97Complement('2550814168025')).toBe(38);
    expect(mod97Complement('x')).toBeNaN();
  });
});

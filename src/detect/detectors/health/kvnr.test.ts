import { describe, expect, it } from 'vitest';
import { kvnrCheckDigit, kvnrValid } from './kvnr.js';

describe('kvnrValid', () => {
  // gematik's E-Rezept test numbers.
  it.each(['A123456780', 'Q123456784', 'T123456780'])('accepts %s', (value) => expect(kvnrValid(value)).toBe(true));

  // gematik's negative cases: every other final digit after Q12345678.
  it.each(['Q123456781', 'Q123456782', 'Q123456783', 'Q123456785', 'Q123456789', 'Q123456780', 'A123456789', 'a123456780', 'XY23456789', 'A12345678'])(
    'rejects %s',
    (value) => expect(kvnrValid(value)).toBe(false),
  );

  it('computes check digits and refuses bad payloads', () => {
    expect(kvnrCheckDigit('A12345678')).toBe(0);
    expect(kvnrCheckDigit('Q12345678')).toBe(4);
    expect(() => kvnrCheckDigit('123456789')).toThrow(RangeError);
  });
});

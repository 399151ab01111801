import { describe, expect, it } from 'vitest';
import { medicareCheckDigit, medicareValid, tfnValid } from './au-ids.js';

describe('tfnValid', () => {
  // The widely published worked example 123 456 782 and python-stdnum's numbers found online.
  it.each(['123456782', '112474082', '459599230', '565051603', '812239321', '865414088', '876543210', '907974668'])(
    'accepts %s',
    (digits) => expect(tfnValid(digits)).toBe(true),
  );

  it.each([
    ['123456783', 'check digit off'],
    ['999999999', 'python-stdnum invalid vector'],
    ['12345678', 'eight digits, bad sum'],
    ['1234567820', 'ten digits'],
    ['123 456 782', 'not compact'],
  ])('rejects %s (%s)', (digits) => expect(tfnValid(digits)).toBe(false));

  it('checks eight-digit numbers with the first eight weights', () => {
    // 3·1 + 7·4 + 1·3 + 1·7 + 8·5 + 6·8 + 3·6 + 2·9 = 165 = 15 × 11
    expect(tfnValid('37118632')).toBe(true);
    expect(tfnValid('37118633')).toBe(false);
  });
});

describe('medicareValid', () => {
  // 2123 45670 1 is the widely used example card number (also in Presidio's AU Medicare tests).
  it.each(['2123456701', '21234567011', '2953701051'])('accepts %s', (digits) => expect(medicareValid(digits)).toBe(true));

  it.each([
    ['2123456711', 'check digit off'],
    ['1123456701', 'first digit must be 2–6'],
    ['7123456701', 'first digit must be 2–6'],
    ['212345670', 'nine digits'],
    ['212345670111', 'twelve digits'],
  ])('rejects %s (%s)', (digits) => expect(medicareValid(digits)).toBe(false));

  it('computes the check digit', () => {
    expect(medicareCheckDigit('21234567')).toBe(0);
    expect(() => medicareCheckDigit('2123')).toThrow(RangeError);
  });
});

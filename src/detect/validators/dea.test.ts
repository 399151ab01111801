import { describe, expect, it } from 'vitest';
import { deaCheckDigit, deaValid } from './dea.js';

describe('deaValid', () => {
  // Worked examples from pharmacy-exam material: AP5836727 (5+3+7 + 2×(8+6+2) = 47) and AJ5184279.
  it.each(['AP5836727', 'AJ5184279', 'BJ6125341', 'M91234563'])('accepts %s', (value) => expect(deaValid(value)).toBe(true));

  it.each([
    ['AB4523763', 'check digit 3, expected 1'],
    ['AB4523767', 'check digit 7, expected 1'],
    ['IP5836727', 'I is not a registrant type'],
    ['AP583672', 'too short'],
    ['ap5836727', 'lower case'],
    ['A15836727', 'initial must be a letter or 9'],
  ])('rejects %s (%s)', (value) => expect(deaValid(value)).toBe(false));
});

describe('deaCheckDigit', () => {
  it('computes the published check digits', () => {
    expect(deaCheckDigit('583672')).toBe(7);
    expect(deaCheckDigit('518427')).toBe(9);
    expect(deaCheckDigit('452376')).toBe(1);
  });

  it('throws on bad input', () => expect(() => deaCheckDigit('12345')).toThrow(RangeError));
});

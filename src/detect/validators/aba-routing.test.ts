import { describe, expect, it } from 'vitest';
import { abaCheckDigit, abaRoutingValid } from './aba-routing.js';

describe('abaRoutingValid', () => {
  // Publicly listed routing numbers of the Federal Reserve and large banks.
  it.each(['011000015', '021000021', '026009593', '121000358', '111000025', '322271627'])('accepts %s', (rtn) =>
    expect(abaRoutingValid(rtn)).toBe(true),
  );

  it.each([
    ['bad checksum', '021000022'],
    ['prefix 13–20 is unassigned', '131000005'],
    ['prefix 90 is unassigned', '900000003'],
    ['all zeros', '000000000'],
    ['eight digits', '02100002'],
    ['ten digits', '0210000210'],
    ['separators', '0210-00021'],
  ])('rejects %s', (_why, rtn) => expect(abaRoutingValid(rtn)).toBe(false));
});

describe('abaCheckDigit', () => {
  it('completes published numbers', () => {
    expect(abaCheckDigit('02100002')).toBe(1);
    expect(abaCheckDigit('01100001')).toBe(5);
  });

  it('agrees with abaRoutingValid', () => {
    const payload = '07100001';
    for (let d = 0; d <= 9; d++) expect(abaRoutingValid(payload + String(d))).toBe(d === abaCheckDigit(payload));
  });

  it('throws on a payload that is not eight digits', () => expect(() => abaCheckDigit('123')).toThrow(RangeError));
});

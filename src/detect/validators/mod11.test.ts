import { describe, expect, it } from 'vitest';
import {
  atSvnrCheckDigit,
  atSvnrValid,
  isDigits,
  nlBsnValid,
  ptNifCheckDigit,
  ptNifValid,
  ukNhsCheckDigit,
  ukNhsValid,
  weightedSum,
  weightedSumDivisible,
} from './mod11.js';

describe('weighted sums', () => {
  it('sums digit × weight', () => {
    expect(weightedSum('123', [1, 2, 3])).toBe(14);
    expect(weightedSumDivisible('123', [1, 2, 3], 7)).toBe(true);
    expect(weightedSumDivisible('12', [1, 2, 3], 7)).toBe(false);
  });
  it('recognises ASCII digits', () => {
    expect(isDigits('0123456789')).toBe(true);
    expect(isDigits('12a')).toBe(false);
    expect(isDigits('')).toBe(false);
    expect(isDigits('123', 4)).toBe(false);
  });
});

describe('UK NHS number', () => {
  // NHS Digital's documentation example and the NHS test range (999…).
  it.each(['9434765919', '4010232137', '9990000018'])('accepts %s', (n) => expect(ukNhsValid(n)).toBe(true));
  it.each(['9434765918', '943476591', '94347659190', '943476591X'])('rejects %s', (n) => expect(ukNhsValid(n)).toBe(false));
  it('has no check digit when the remainder is 1', () => {
    expect(ukNhsCheckDigit('943476591')).toBe(9);
    // 6 × 2 = 12 → remainder 1 → 11 − 1 = 10: never issued.
    expect(ukNhsCheckDigit('000000006')).toBeNull();
  });
});

describe('Dutch BSN (elfproef)', () => {
  // Published test BSNs (e.g. in government test environments).
  it.each(['111222333', '123456782', '999999990'])('accepts %s', (n) => expect(nlBsnValid(n)).toBe(true));
  it.each(['111222334', '123456789', '000000000', '12345678'])('rejects %s', (n) => expect(nlBsnValid(n)).toBe(false));
});

describe('Portuguese NIF', () => {
  // python-stdnum's examples (pt.nif) and VIES-published NIPCs.
  it.each(['999999990', '501964843', '500019720', '123456789'])('accepts %s', (n) => expect(ptNifValid(n)).toBe(true));
  it.each(['999999991', '501964844', '012345679', '412345670'])('rejects %s', (n) => expect(ptNifValid(n)).toBe(false));
  it('computes the check digit', () => expect(ptNifCheckDigit('50196484')).toBe(3));
});

describe('Austrian social insurance number', () => {
  // The example in the Hauptverband's description: 1237 010180.
  it('accepts 1237010180', () => expect(atSvnrValid('1237010180')).toBe(true));
  it.each(['1238010180', '0237010180', '123701018'])('rejects %s', (n) => expect(atSvnrValid(n)).toBe(false));
  it('computes the check digit', () => expect(atSvnrCheckDigit('123', '010180')).toBe(7));
});

import type { Validation } from '../../spec.js';
import { euVatValid } from '../../validators/eu-vat.js';
import { mod1110Valid, mod97Complement } from '../../validators/iso7064.js';
import { isDigits, weightedSum } from '../../validators/mod11.js';
import { isValidDate } from './shared.js';

/**
 * Four identifiers are 11 bare digits with a checksum: the German Steuer-IdNr, the Polish
 * PESEL, the Belgian national number and the Italian partita IVA. A few values pass two of
 * the checks; `elevenDigitReadings` counts them so a detector confirms such a value only
 * next to its own context word, and the detector whose context is present wins.
 */

/**
 * Steuer-IdNr structure (BZSt): no leading zero; in the first ten digits exactly one digit
 * occurs twice or three times (three times never in three adjacent places), every other at
 * most once; then the ISO 7064 MOD 11,10 check digit.
 */
export function deTaxIdValid(digits: string): boolean {
  if (!isDigits(digits, 11) || digits[0] === '0') return false;
  const counts = new Array<number>(10).fill(0);
  for (let i = 0; i < 10; i++) {
    const d = digits.charCodeAt(i) - 48;
    counts[d] = (counts[d] ?? 0) + 1;
  }
  const repeated = counts.filter((c) => c > 1);
  if (repeated.length !== 1 || (repeated[0] !== 2 && repeated[0] !== 3)) return false;
  if (repeated[0] === 3 && /(\d)\1\1/.test(digits.slice(0, 10))) return false;
  return mod1110Valid(digits);
}

const PESEL_WEIGHTS = [1, 3, 7, 9, 1, 3, 7, 9, 1, 3];

export function peselCheckDigit(payload: string): number {
  return (10 - (weightedSum(payload, PESEL_WEIGHTS) % 10)) % 10;
}

/**
 * PESEL: YYMMDD (month + 20 for births since 2000), serial, check digit with weights
 * 1-3-7-9. Only 1900-2099 births are accepted: the 1800s and 2100s encodings belong to
 * nobody in a CRM, and rejecting them removes many random numbers.
 */
export function peselValid(digits: string): boolean {
  if (!isDigits(digits, 11)) return false;
  const monthField = Number(digits.slice(2, 4));
  const century = monthField > 20 ? 2000 : 1900;
  const month = monthField > 20 ? monthField - 20 : monthField;
  if (!isValidDate(century + Number(digits.slice(0, 2)), month, Number(digits.slice(4, 6)))) return false;
  return peselCheckDigit(digits.slice(0, 10)) === digits.charCodeAt(10) - 48;
}

/**
 * Belgian national register number (and BIS number): YYMMDD, a 3-digit counter, and a key
 * 97 − (YYMMDDNNN mod 97); for people born since 2000 the key is computed over "2" + the
 * nine digits. BIS numbers add 20 or 40 to the month; month or day 00 means unknown.
 */
export function beNationalNumberValid(digits: string): boolean {
  if (!isDigits(digits, 11)) return false;
  const month = Number(digits.slice(2, 4)) % 20;
  const monthBase = Number(digits.slice(2, 4)) - month;
  const day = Number(digits.slice(4, 6));
  const counter = Number(digits.slice(6, 9));
  if (monthBase > 40 || month > 12 || day > 31 || counter === 0 || counter === 999) return false;
  const key = Number(digits.slice(9));
  const base = digits.slice(0, 9);
  return mod97Complement(base) === key || mod97Complement(`2${base}`) === key;
}

/** Partita IVA: 11 digits, Luhn, a real provincial office code (001-100, 120, 121, 888, 999). */
export const itVatValid = (digits: string): boolean => euVatValid(`IT${digits}`) === true;

/**
 * The partita IVA is left out: its detector needs context anyway, and about one valid
 * Steuer-IdNr in fifteen also passes its Luhn and office-code check, so counting it would
 * cost the German detector much of its recall on bare numbers.
 */
const ELEVEN_DIGIT_CHECKS = [deTaxIdValid, peselValid, beNationalNumberValid];

/** How many of the context-free 11-digit schemes accept these digits. */
export function elevenDigitReadings(digits: string): number {
  let readings = 0;
  for (const check of ELEVEN_DIGIT_CHECKS) if (check(digits)) readings++;
  return readings;
}

/**
 * Verdict for an 11-digit scheme: invalid drops the match; valid confirms, unless the
 * digits also pass another scheme and no context word of this one is near.
 */
export function elevenDigitVerdict(valid: boolean, digits: string, nearContext: boolean): Validation {
  if (!valid) return 'reject';
  return nearContext || elevenDigitReadings(digits) === 1 ? 'confirm' : undefined;
}

import type { StartsAt } from '../../anchors.js';
import type { Validation } from '../../spec.js';

/** Helpers shared by the European identifier detectors. */

/** The value with every character but ASCII digits removed. */
export const digitsOf = (value: string): string => value.replace(/[^0-9]/g, '');

/** Upper-cased, without spaces, dots, dashes or slashes. */
export const compactOf = (value: string): string => value.replace(/[\s.\-/]/g, '').toUpperCase();

/** A checksum's answer as an engine verdict: valid confirms, invalid drops the match. */
export const checksum = (valid: boolean): Validation => (valid ? 'confirm' : 'reject');

/** `1111111111`-style values pass several weighted checks yet are placeholders, never identifiers. */
export const isRepdigit = (digits: string): boolean => digits.length > 1 && digits.split('').every((d) => d === digits[0]);

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** A real calendar date; months 1-12. */
export function isValidDate(year: number, month: number, day: number): boolean {
  return Number.isInteger(year) && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

/** A real date when the century is unknown: 29 February is allowed in every year divisible by 4. */
export function isValidShortDate(yy: number, month: number, day: number): boolean {
  return isValidDate(2000 + yy, month, day);
}

/**
 * A pattern for a value that stands alone: tried only at the words `startsAt` accepts (so
 * nothing alphanumeric precedes it, which the engine's boundary check confirms), and
 * followed by a character that is not an ASCII letter or digit (consumed: RE2, which checks
 * every pattern, has no lookahead; the value is capture group 1). Anchoring keeps these
 * patterns from scanning every text for digits; a value right after another one, separated
 * by a single character, is still tried at its own word.
 */
export const standalone = (regex: string, startsAt: StartsAt): { regex: string; group: number; startsAt: StartsAt } => ({
  regex: `(${regex})(?:[^0-9A-Za-z]|$)`,
  group: 1,
  startsAt,
});

/** Words that start with one of `letters` (ASCII upper case), of one of `lengths`. */
export function letterLed(letters: string, lengths: readonly number[]): StartsAt {
  const first = new Uint8Array(128);
  for (const c of letters) first[c.charCodeAt(0)] = 1;
  const test = (text: string, start: number, end: number): boolean =>
    lengths.includes(end - start) && first[text.charCodeAt(start)] === 1;
  // indexed by first letter: far fewer words than all of these lengths ("to", "of", "from")
  return Object.assign(test, { index: { firstChars: letters, filter: test } });
}

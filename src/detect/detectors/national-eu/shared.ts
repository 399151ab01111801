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
 * A pattern that matches only when the value stands alone: the characters around it are
 * not ASCII letters or digits. RE2 has no lookaround, so the neighbours are consumed and
 * the value is capture group 1 (use `group: 1`). Without this, every long digit run (card
 * numbers, IBANs) would mark these patterns in the engine's one-pass pattern set and cost
 * a separate scan that the boundary check then throws away. The price: of two values
 * separated by a single character, the second is missed.
 */
export const standalone = (regex: string): string => `(?:^|[^0-9A-Za-z])(${regex})(?:[^0-9A-Za-z]|$)`;

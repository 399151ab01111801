/**
 * Australian identifiers with check digits:
 * - Tax File Number: 9 digits (8 for some old numbers) whose weighted sum with 1,4,3,7,5,8,6,9,10
 *   is a multiple of 11; 8-digit numbers use the first eight weights, as python-stdnum does.
 * - Medicare card number: 10 digits (11 with the individual reference number): first digit 2–6,
 *   digit 9 is the weighted sum of digits 1–8 (weights 1,3,7,9,1,3,7,9) mod 10, digit 10 the
 *   card issue number.
 * Inputs are compact digits.
 */
const TFN_WEIGHTS = [1, 4, 3, 7, 5, 8, 6, 9, 10];
const MEDICARE_WEIGHTS = [1, 3, 7, 9, 1, 3, 7, 9];

export function tfnValid(digits: string): boolean {
  if (!/^\d{8,9}$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < digits.length; i++) sum += (digits.charCodeAt(i) - 48) * (TFN_WEIGHTS[i] as number);
  return sum % 11 === 0;
}

/** The Medicare check digit (the 9th digit) for the first eight digits. */
export function medicareCheckDigit(first8: string): number {
  if (!/^\d{8}$/.test(first8)) throw new RangeError('Medicare payload must be eight ASCII digits');
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += (first8.charCodeAt(i) - 48) * (MEDICARE_WEIGHTS[i] as number);
  return sum % 10;
}

/** 10 or 11 digits, first digit 2–6, check digit right. */
export function medicareValid(digits: string): boolean {
  if (!/^[2-6]\d{9,10}$/.test(digits)) return false;
  return medicareCheckDigit(digits.slice(0, 8)) === digits.charCodeAt(8) - 48;
}

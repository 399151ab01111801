/**
 * Weighted-sum checks, most of them modulo 11, used by European national identifiers.
 * Every function takes the compact value (ASCII digits only, separators removed by the
 * caller) and returns false rather than throwing on malformed input.
 */

export function isDigits(value: string, length?: number): boolean {
  if (length !== undefined && value.length !== length) return false;
  if (value.length === 0) return false;
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

/** Σ digit[i] × weights[i] over the shorter of the two; `digits` must be ASCII digits. */
export function weightedSum(digits: string, weights: readonly number[]): number {
  let sum = 0;
  const n = Math.min(digits.length, weights.length);
  for (let i = 0; i < n; i++) sum += (digits.charCodeAt(i) - 48) * (weights[i] as number);
  return sum;
}

/** True when the weighted sum is a multiple of `modulus` (DK CVR, FI ALV, PL NIP, NL BSN…). */
export function weightedSumDivisible(digits: string, weights: readonly number[], modulus = 11): boolean {
  return isDigits(digits, weights.length) && weightedSum(digits, weights) % modulus === 0;
}

const NHS_WEIGHTS = [10, 9, 8, 7, 6, 5, 4, 3, 2];

/** UK NHS number check digit for 9 payload digits; null when the payload can never be valid (remainder 1 → 10). */
export function ukNhsCheckDigit(payload: string): number | null {
  if (!isDigits(payload, 9)) return null;
  const check = 11 - (weightedSum(payload, NHS_WEIGHTS) % 11);
  if (check === 10) return null;
  return check === 11 ? 0 : check;
}

/** UK NHS number (England, Wales, Isle of Man; also Scottish CHI and NI H&C numbers): 10 digits, modulus 11. */
export function ukNhsValid(digits: string): boolean {
  return isDigits(digits, 10) && ukNhsCheckDigit(digits.slice(0, 9)) === digits.charCodeAt(9) - 48;
}

/** Dutch "elfproef" for the BSN: weights 9…2 and −1 on the last digit; the all-zero number is not issued. */
export function nlBsnValid(digits: string): boolean {
  if (!isDigits(digits, 9) || digits === '000000000') return false;
  return weightedSum(digits, [9, 8, 7, 6, 5, 4, 3, 2, -1]) % 11 === 0;
}

/** Portuguese NIF / NIPC check digit for 8 payload digits: 11 − Σ mod 11, 10 and 11 become 0. */
export function ptNifCheckDigit(payload: string): number | null {
  if (!isDigits(payload, 8)) return null;
  const check = 11 - (weightedSum(payload, [9, 8, 7, 6, 5, 4, 3, 2]) % 11);
  return check >= 10 ? 0 : check;
}

/** Leading digits the Autoridade Tributária allocates (individuals, companies, public bodies, estates, funds…). */
const PT_NIF_PREFIXES = ['1', '2', '3', '5', '6', '8', '45', '70', '71', '72', '74', '75', '77', '79', '90', '91', '98', '99'];

/** Portuguese NIF / NIPC: 9 digits, an allocated leading digit or pair, and the check digit. */
export function ptNifValid(digits: string): boolean {
  if (!isDigits(digits, 9)) return false;
  if (!PT_NIF_PREFIXES.some((p) => digits.startsWith(p))) return false;
  return ptNifCheckDigit(digits.slice(0, 8)) === digits.charCodeAt(8) - 48;
}

const AT_SVNR_WEIGHTS = [3, 7, 9, 0, 5, 8, 4, 2, 1, 6];

/**
 * Austrian social insurance number check digit (the 4th digit) for a 3-digit serial and
 * the 6-digit date DDMMYY; null when the remainder is 10 (such numbers are not issued).
 */
export function atSvnrCheckDigit(serial: string, date: string): number | null {
  if (!isDigits(serial, 3) || !isDigits(date, 6)) return null;
  const check = weightedSum(`${serial}0${date}`, AT_SVNR_WEIGHTS) % 11;
  return check === 10 ? null : check;
}

/** Austrian Sozialversicherungsnummer: 10 digits, serial not starting with 0, check digit in position 4. */
export function atSvnrValid(digits: string): boolean {
  if (!isDigits(digits, 10) || digits[0] === '0') return false;
  return atSvnrCheckDigit(digits.slice(0, 3), digits.slice(4)) === digits.charCodeAt(3) - 48;
}

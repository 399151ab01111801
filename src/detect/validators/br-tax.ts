/**
 * Brazilian taxpayer numbers, both with two mod-11 check digits:
 * - CPF (individuals): 11 digits, printed 000.000.000-00;
 * - CNPJ (companies): 14 characters, printed 00.000.000/0000-00. From July 2026 the first 12
 *   may be upper-case letters (Receita Federal IN 2.229/2024); every character then counts as
 *   its ASCII code minus 48, which leaves the value of digits unchanged.
 * Inputs are compact: separators are the caller's business.
 */

/** The two CPF check digits for a 9-digit base. */
export function cpfCheckDigits(base: string): string {
  if (!/^\d{9}$/.test(base)) throw new RangeError('CPF base must be nine ASCII digits');
  const first = mod11Digit(base, [10, 9, 8, 7, 6, 5, 4, 3, 2]);
  const second = mod11Digit(base + String(first), [11, 10, 9, 8, 7, 6, 5, 4, 3, 2]);
  return `${first}${second}`;
}

/** 11 digits, not all the same (those pass the arithmetic but are never issued), check digits right. */
export function cpfValid(digits: string): boolean {
  if (!/^\d{11}$/.test(digits) || /^(\d)\1*$/.test(digits)) return false;
  return cpfCheckDigits(digits.slice(0, 9)) === digits.slice(9);
}

const CNPJ_FIRST = [5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2];
const CNPJ_SECOND = [6, 5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2];

/** The two CNPJ check digits for a 12-character base (digits or, from 2026, upper-case letters). */
export function cnpjCheckDigits(base: string): string {
  if (!/^[0-9A-Z]{12}$/.test(base)) throw new RangeError('CNPJ base must be twelve digits or upper-case letters');
  const first = mod11Digit(base, CNPJ_FIRST);
  const second = mod11Digit(base + String(first), CNPJ_SECOND);
  return `${first}${second}`;
}

/** 12 alphanumerics plus two check digits, not all the same digit. */
export function cnpjValid(value: string): boolean {
  if (!/^[0-9A-Z]{12}\d{2}$/.test(value) || /^(\d)\1*$/.test(value)) return false;
  return cnpjCheckDigits(value.slice(0, 12)) === value.slice(12);
}

/** Weighted sum mod 11; remainders 0 and 1 give 0, others 11 − remainder. */
function mod11Digit(chars: string, weights: readonly number[]): number {
  let sum = 0;
  for (let i = 0; i < weights.length; i++) sum += (chars.charCodeAt(i) - 48) * (weights[i] as number);
  const r = sum % 11;
  return r < 2 ? 0 : 11 - r;
}

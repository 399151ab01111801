import { ibanToNumeric, mod97 } from './iban.js';
import { isDigits } from './mod11.js';

/**
 * ISO/IEC 7064 check character systems: the hybrid MOD 11,10 (German tax id and VAT
 * number, Croatian OIB) and the pure MOD 97-10 (IBAN, Dutch VAT since 2020), plus the
 * "97 − n mod 97" key that French and Belgian national numbers use.
 */

/** MOD 11,10 check digit for a payload of ASCII digits. */
export function mod1110CheckDigit(payload: string): number {
  if (!isDigits(payload)) throw new RangeError('MOD 11,10 payload must be ASCII digits');
  let product = 10;
  for (let i = 0; i < payload.length; i++) {
    let sum = (payload.charCodeAt(i) - 48 + product) % 10;
    if (sum === 0) sum = 10;
    product = (sum * 2) % 11;
  }
  return (11 - product) % 10;
}

/** True when the last digit is the MOD 11,10 check digit of the others. */
export function mod1110Valid(digits: string): boolean {
  if (digits.length < 2 || !isDigits(digits)) return false;
  return mod1110CheckDigit(digits.slice(0, -1)) === digits.charCodeAt(digits.length - 1) - 48;
}

/** True when an alphanumeric value (letters count as 10…35) satisfies MOD 97-10: value mod 97 = 1. */
export function mod9710Valid(alnum: string): boolean {
  const numeric = ibanToNumeric(alnum.toUpperCase());
  return numeric !== null && mod97(numeric) === 1;
}

/** The two MOD 97-10 check digits that, appended to `payload`, make it valid. */
export function mod9710CheckDigits(payload: string): string {
  const numeric = ibanToNumeric(`${payload.toUpperCase()}00`);
  if (numeric === null) throw new RangeError('MOD 97-10 payload must be alphanumeric');
  return String(98 - mod97(numeric)).padStart(2, '0');
}

/** 97 − (n mod 97), 1…97: the key of the French NIR and of the Belgian national and VAT numbers. */
export function mod97Complement(digits: string): number {
  const remainder = mod97(digits);
  return Number.isNaN(remainder) ? Number.NaN : 97 - remainder;
}

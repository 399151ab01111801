import { luhnCheckDigit } from './luhn.js';
import { isDigits, weightedSum } from './mod11.js';

/**
 * Check letters: Spanish DNI / NIE / CIF, Italian codice fiscale, Finnish henkilötunnus
 * and Irish PPS numbers. Inputs are compact and upper-case; separators are the caller's
 * business. Functions return false (or null) on malformed input rather than throwing.
 */

const ES_DNI_LETTERS = 'TRWAGMYFPDXBNJZSQVHLCKE';

/** The DNI letter of a number (also used by the NIE and the K/L/M NIFs). */
export function esDniLetter(number: string): string | null {
  if (!isDigits(number)) return null;
  let remainder = 0;
  for (let i = 0; i < number.length; i++) remainder = (remainder * 10 + number.charCodeAt(i) - 48) % 23;
  return ES_DNI_LETTERS[remainder] ?? null;
}

/** Spanish DNI: 8 digits and the check letter, e.g. `12345678Z`. */
export function esDniValid(value: string): boolean {
  return value.length === 9 && isDigits(value.slice(0, 8)) && esDniLetter(value.slice(0, 8)) === value[8];
}

const NIE_PREFIX: Readonly<Record<string, string>> = { X: '0', Y: '1', Z: '2' };

/** Spanish NIE: X, Y or Z (standing for 0, 1, 2), 7 digits and the DNI letter of the whole. */
export function esNieValid(value: string): boolean {
  const prefix = NIE_PREFIX[value[0] ?? ''];
  if (value.length !== 9 || prefix === undefined || !isDigits(value.slice(1, 8))) return false;
  return esDniLetter(prefix + value.slice(1, 8)) === value[8];
}

const CIF_LETTER_CONTROL = 'JABCDEFGHI';
/** Entity types whose CIF control is always a letter, and those whose control is always a digit. */
const CIF_LETTER_ONLY = 'NPQRSW';
const CIF_DIGIT_ONLY = 'ABEH';
const CIF_TYPES = 'ABCDEFGHJNPQRSUVW';

/** The CIF control of 7 digits, as a digit and as a letter: the Luhn check digit and its letter. */
export function esCifControls(digits7: string): { digit: string; letter: string } | null {
  if (!isDigits(digits7, 7)) return null;
  const check = luhnCheckDigit(digits7);
  return { digit: String(check), letter: CIF_LETTER_CONTROL[check] as string };
}

/** Spanish CIF: entity-type letter, 7 digits, control digit or letter (which one depends on the type). */
export function esCifValid(value: string): boolean {
  const type = value[0] ?? '';
  if (value.length !== 9 || !CIF_TYPES.includes(type)) return false;
  const controls = esCifControls(value.slice(1, 8));
  if (controls === null) return false;
  const control = value[8];
  if (CIF_LETTER_ONLY.includes(type)) return control === controls.letter;
  if (CIF_DIGIT_ONLY.includes(type)) return control === controls.digit;
  return control === controls.letter || control === controls.digit;
}

/** Spanish NIF in any of its forms: DNI, NIE, CIF, or K/L/M (letter, 7 digits, DNI letter of the digits). */
export function esNifValid(value: string): boolean {
  const first = value[0] ?? '';
  if ('KLM'.includes(first) && first !== '') {
    return value.length === 9 && isDigits(value.slice(1, 8)) && esDniLetter(value.slice(1, 8)) === value[8];
  }
  return esDniValid(value) || esNieValid(value) || esCifValid(value);
}

/** Values of characters in odd positions (1st, 3rd, …) of a codice fiscale, for 0-9 then A-Z. */
const IT_ODD_VALUES = [
  1, 0, 5, 7, 9, 13, 15, 17, 19, 21, 1, 0, 5, 7, 9, 13, 15, 17, 19, 21, 2, 4, 18, 20, 11, 3, 6, 8, 12, 14, 16, 10, 22, 25, 24, 23,
];

function itCharIndex(c: number): number {
  if (c >= 48 && c <= 57) return c - 48;
  if (c >= 65 && c <= 90) return c - 55;
  return -1;
}

/** Check character of the first 15 characters of a codice fiscale; null on other characters. */
export function itFiscalCodeCheckChar(first15: string): string | null {
  if (first15.length !== 15) return null;
  let sum = 0;
  for (let i = 0; i < 15; i++) {
    const index = itCharIndex(first15.charCodeAt(i));
    if (index < 0) return null;
    // Odd positions (1-based) use the table; even positions use the digit's value or A=0…Z=25.
    sum += i % 2 === 0 ? (IT_ODD_VALUES[index] as number) : index < 10 ? index : index - 10;
  }
  return String.fromCharCode(65 + (sum % 26));
}

/** Positions (0-based) that hold digits, which omocodia may replace by L M N P Q R S T U V. */
export const IT_OMOCODIA_POSITIONS = [6, 7, 9, 10, 12, 13, 14] as const;
export const IT_OMOCODIA_LETTERS = 'LMNPQRSTUV';

/** The codice fiscale with omocodia letters turned back into digits (check character kept). */
export function itFiscalCodeDecodeOmocodia(code: string): string {
  const chars = code.split('');
  for (const p of IT_OMOCODIA_POSITIONS) {
    const at = IT_OMOCODIA_LETTERS.indexOf(chars[p] ?? '');
    if (at >= 0) chars[p] = String(at);
  }
  return chars.join('');
}

/** Shape (letters and digits where they belong, omocodia allowed) and check character of a 16-character code. */
export function itFiscalCodeChecksumValid(code: string): boolean {
  if (!/^[A-Z]{6}[0-9LMNP-V]{2}[ABCDEHLMPRST][0-9LMNP-V]{2}[A-Z][0-9LMNP-V]{3}[A-Z]$/.test(code)) return false;
  return itFiscalCodeCheckChar(code.slice(0, 15)) === code[15];
}

const FI_HETU_CHECK_CHARS = '0123456789ABCDEFHJKLMNPRSTUVWXY';

/** Finnish henkilötunnus check character of DDMMYY followed by the 3-digit individual number. */
export function fiHetuCheckChar(nineDigits: string): string | null {
  if (!isDigits(nineDigits, 9)) return null;
  return FI_HETU_CHECK_CHARS[Number(nineDigits) % 31] ?? null;
}

const IE_CHECK_LETTERS = 'WABCDEFGHIJKLMNOPQRSTUV';

/**
 * Irish PPS / VAT check letter for 7 digits and an optional second letter, which counts
 * 9 × its value (A=1 … I=9, W=0) since the 2013 format.
 */
export function iePpsnCheckLetter(digits7: string, second = ''): string | null {
  if (!isDigits(digits7, 7)) return null;
  const secondValue = second === '' || second === 'W' ? 0 : IE_CHECK_LETTERS.indexOf(second);
  if (secondValue < 0) return null;
  return IE_CHECK_LETTERS[(weightedSum(digits7, [8, 7, 6, 5, 4, 3, 2]) + 9 * secondValue) % 23] ?? null;
}

/** Irish PPS number: 7 digits, check letter, optional second letter A, B, H or W. */
export function iePpsnValid(value: string): boolean {
  const m = /^(\d{7})([A-W])([ABHW]?)$/.exec(value);
  return m !== null && iePpsnCheckLetter(m[1] as string, m[3]) === m[2];
}

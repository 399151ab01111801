/**
 * Verhoeff check (dihedral group D5), used by India's Aadhaar. Unlike Luhn it catches every
 * single-digit error and every adjacent transposition. `digits` must hold ASCII digits only.
 */
const MULTIPLY: readonly (readonly number[])[] = [
  [0, 1, 2, 3, 4, 5, 6, 7, 8, 9],
  [1, 2, 3, 4, 0, 6, 7, 8, 9, 5],
  [2, 3, 4, 0, 1, 7, 8, 9, 5, 6],
  [3, 4, 0, 1, 2, 8, 9, 5, 6, 7],
  [4, 0, 1, 2, 3, 9, 5, 6, 7, 8],
  [5, 9, 8, 7, 6, 0, 4, 3, 2, 1],
  [6, 5, 9, 8, 7, 1, 0, 4, 3, 2],
  [7, 6, 5, 9, 8, 2, 1, 0, 4, 3],
  [8, 7, 6, 5, 9, 3, 2, 1, 0, 4],
  [9, 8, 7, 6, 5, 4, 3, 2, 1, 0],
];

const PERMUTE: readonly (readonly number[])[] = [
  [0, 1, 2, 3, 4, 5, 6, 7, 8, 9],
  [1, 5, 7, 6, 2, 8, 3, 0, 9, 4],
  [5, 8, 0, 3, 7, 9, 6, 1, 4, 2],
  [8, 9, 1, 6, 0, 4, 3, 5, 2, 7],
  [9, 4, 5, 3, 1, 2, 6, 8, 7, 0],
  [4, 2, 8, 6, 5, 7, 3, 9, 0, 1],
  [2, 7, 9, 3, 8, 0, 6, 4, 1, 5],
  [7, 0, 4, 6, 9, 1, 3, 2, 5, 8],
];

/** The inverse of each element of D5, for computing a check digit. */
const INVERSE = [0, 4, 3, 2, 1, 5, 6, 7, 8, 9];

export function verhoeffValid(digits: string): boolean {
  if (digits.length < 2 || !/^\d+$/.test(digits)) return false;
  return verhoeffState(digits, 0) === 0;
}

/** The digit that, appended to `payload`, makes it Verhoeff-valid. */
export function verhoeffCheckDigit(payload: string): number {
  if (payload.length === 0 || !/^\d+$/.test(payload)) throw new RangeError('Verhoeff payload must be ASCII digits');
  return INVERSE[verhoeffState(payload, 1)] as number;
}

/** Runs the check from the right; `offset` 1 leaves room for the check digit still to come. */
function verhoeffState(digits: string, offset: number): number {
  let c = 0;
  for (let i = 0; i < digits.length; i++) {
    const d = digits.charCodeAt(digits.length - 1 - i) - 48;
    const p = (PERMUTE[(i + offset) % 8] as readonly number[])[d] as number;
    c = (MULTIPLY[c] as readonly number[])[p] as number;
  }
  return c;
}

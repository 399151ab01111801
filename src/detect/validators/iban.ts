/**
 * IBAN (ISO 13616) validation: per-country length from the SWIFT IBAN registry and the
 * ISO 7064 MOD 97-10 check. Overseas territories that use their parent's IBAN (Åland → FI,
 * Guadeloupe → FR, Jersey → GB, …) need no entry of their own.
 */
export const IBAN_LENGTHS: Readonly<Record<string, number>> = {
  AD: 24, AE: 23, AL: 28, AT: 20, AZ: 28, BA: 20, BE: 16, BG: 22, BH: 22, BI: 27,
  BR: 29, BY: 28, CH: 21, CR: 22, CY: 28, CZ: 24, DE: 22, DJ: 27, DK: 18, DO: 28,
  EE: 20, EG: 29, ES: 24, FI: 18, FK: 18, FO: 18, FR: 27, GB: 22, GE: 22, GI: 23,
  GL: 18, GR: 27, GT: 28, HN: 28, HR: 21, HU: 28, IE: 22, IL: 23, IQ: 23, IS: 26,
  IT: 27, JO: 30, KW: 30, KZ: 20, LB: 28, LC: 32, LI: 21, LT: 20, LU: 20, LV: 21,
  LY: 25, MC: 27, MD: 24, ME: 22, MK: 19, MN: 20, MR: 27, MT: 31, MU: 30, NI: 28,
  NL: 18, NO: 15, OM: 23, PK: 24, PL: 28, PS: 29, PT: 25, QA: 29, RO: 24, RS: 22,
  RU: 33, SA: 24, SC: 31, SD: 18, SE: 24, SI: 19, SK: 24, SM: 27, SO: 23, ST: 25,
  SV: 28, TL: 23, TN: 24, TR: 26, UA: 29, VA: 22, VG: 24, XK: 20, YE: 30,
};

/**
 * Remainder of a long decimal string modulo 97, digit by digit so no number overflows.
 * Returns NaN when the input holds anything but ASCII digits.
 */
export function mod97(numeric: string): number {
  if (numeric.length === 0) return Number.NaN;
  let remainder = 0;
  for (let i = 0; i < numeric.length; i++) {
    const d = numeric.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return Number.NaN;
    remainder = (remainder * 10 + d) % 97;
  }
  return remainder;
}

/** Letters become 10..35 (A=10), as ISO 13616 prescribes; digits stay. Null on other characters. */
export function ibanToNumeric(alnum: string): string | null {
  let out = '';
  for (let i = 0; i < alnum.length; i++) {
    const c = alnum.charCodeAt(i);
    if (c >= 48 && c <= 57) out += alnum[i];
    else if (c >= 65 && c <= 90) out += String(c - 55);
    else return null;
  }
  return out;
}

/** The IBAN without spaces or dashes, upper-cased: the form checks and comparisons use. */
export function normalizeIban(value: string): string {
  return value.replace(/[ -]/g, '').toUpperCase();
}

/** True when `value` (compact or printed in groups of four, any case) is a well-formed IBAN with a valid check. */
export function ibanValid(value: string): boolean {
  const iban = normalizeIban(value);
  const length = IBAN_LENGTHS[iban.slice(0, 2)];
  if (length === undefined || iban.length !== length) return false;
  const check = iban.slice(2, 4);
  // 00, 01 and 99 are never produced by the algorithm (01 ≡ 98 would pass the check).
  if (!/^\d\d$/.test(check) || check === '00' || check === '01' || check === '99') return false;
  const numeric = ibanToNumeric(iban.slice(4) + iban.slice(0, 4));
  return numeric !== null && mod97(numeric) === 1;
}

/** Check digits for a country code and BBAN, e.g. to build synthetic test IBANs. */
export function ibanCheckDigits(country: string, bban: string): string {
  const numeric = ibanToNumeric(bban.toUpperCase() + country.toUpperCase() + '00');
  if (numeric === null) throw new RangeError('BBAN must be alphanumeric');
  return String(98 - mod97(numeric)).padStart(2, '0');
}

import { esNifValid, iePpsnCheckLetter } from './check-letter.js';
import { mod1110Valid, mod9710Valid } from './iso7064.js';
import { luhnValid } from './luhn.js';
import { isDigits, nlBsnValid, ptNifValid, weightedSum, weightedSumDivisible } from './mod11.js';

/**
 * VAT identification numbers of the 27 EU member states (Greece as EL, GR tolerated),
 * Northern Ireland (XI) and Great Britain (GB), after the national rules collected in
 * python-stdnum and the Commission's VIES documentation.
 *
 * `euVatValid` takes the compact form, prefix included (`DE136695976`): true when the check
 * passes, false when the value is malformed or the check fails, and undefined for countries
 * whose check this module does not implement (BG, CY, CZ, LT, LV): their shape is all the
 * caller can rely on.
 */

/** Upper-case, without spaces, dots, dashes, slashes or colons: `be 0123.456.749` → `BE0123456749`. */
export function compactVat(value: string): string {
  return value.replace(/[\s.\-/:]/g, '').toUpperCase();
}

type Check = (national: string) => boolean;

const FR_KEY_ALPHABET = '0123456789ABCDEFGHJKLMNPQRSTUVWXYZ';

function frValid(n: string): boolean {
  if (!/^[0-9A-HJ-NP-Z]{2}\d{9}$/.test(n)) return false;
  const siren = n.slice(2);
  // Monaco numbers (SIREN 000…) carry a TVA key but no SIREN check.
  if (!siren.startsWith('000') && !luhnValid(siren)) return false;
  if (isDigits(n.slice(0, 2))) return Number(n.slice(0, 2)) === Number((BigInt(siren) * 100n + 12n) % 97n);
  const a = FR_KEY_ALPHABET.indexOf(n[0] as string);
  const b = FR_KEY_ALPHABET.indexOf(n[1] as string);
  const check = a < 10 ? a * 24 + b - 10 : a * 34 + b - 100;
  return (Number(BigInt(siren) % 11n) + 1 + Math.floor(check / 11)) % 11 === check % 11;
}

function ieValid(n: string): boolean {
  const modern = /^(\d{7})([A-W])([A-IW]?)$/.exec(n);
  if (modern) return iePpsnCheckLetter(modern[1] as string, modern[3]) === modern[2];
  // Before 2013: digit, letter (or + *), five digits, check letter; the letter does not count.
  const old = /^(\d)[A-Z+*](\d{5})([A-W])$/.exec(n);
  return old !== null && iePpsnCheckLetter(`0${old[2] as string}${old[1] as string}`) === old[3];
}

function gbValid(n: string): boolean {
  if (!isDigits(n) || (n.length !== 9 && n.length !== 12)) return false;
  const sum = weightedSum(n.slice(0, 9), [8, 7, 6, 5, 4, 3, 2, 10, 1]) % 97;
  // Numbers issued since 2010 ("9755" scheme) pass with remainder 42 or 55 instead of 0.
  return Number(n.slice(0, 3)) >= 100 ? sum === 0 || sum === 42 || sum === 55 : sum === 0;
}

function roValid(n: string): boolean {
  if (!isDigits(n) || n.length < 2 || n.length > 10 || n[0] === '0') return false;
  const payload = n.slice(0, -1).padStart(9, '0');
  const check = ((10 * weightedSum(payload, [7, 5, 3, 2, 1, 7, 5, 3, 2])) % 11) % 10;
  return check === Number(n[n.length - 1]);
}

function elValid(n: string): boolean {
  const digits = n.length === 8 ? `0${n}` : n;
  if (!isDigits(digits, 9)) return false;
  const sum = weightedSum(digits.slice(0, 8), [256, 128, 64, 32, 16, 8, 4, 2]);
  return (sum % 11) % 10 === Number(digits[8]);
}

const CHECKS: Readonly<Record<string, Check>> = {
  AT: (n) => {
    if (!/^U\d{8}$/.test(n)) return false;
    // Weights 1,2,1,2,1,2,1 with digit sums of the products; check = (96 − S) mod 10.
    let sum = 0;
    for (let i = 1; i <= 7; i++) {
      const product = Number(n[i]) * (i % 2 === 0 ? 2 : 1);
      sum += product > 9 ? product - 9 : product;
    }
    return (96 - sum) % 10 === Number(n[8]);
  },
  BE: (n) => {
    const d = n.length === 9 ? `0${n}` : n;
    return isDigits(d, 10) && (d[0] === '0' || d[0] === '1') && (Number(d.slice(0, 8)) + Number(d.slice(8))) % 97 === 0;
  },
  DE: (n) => isDigits(n, 9) && n[0] !== '0' && mod1110Valid(n),
  DK: (n) => n[0] !== '0' && weightedSumDivisible(n, [2, 7, 6, 5, 4, 3, 2, 1]),
  EE: (n) => n.startsWith('10') && weightedSumDivisible(n, [3, 7, 1, 3, 7, 1, 3, 7, 1], 10),
  EL: elValid,
  GR: elValid,
  ES: (n) => /^[0-9A-Z]\d{7}[0-9A-Z]$/.test(n) && esNifValid(n),
  FI: (n) => weightedSumDivisible(n, [7, 9, 10, 5, 8, 4, 2, 1]),
  FR: frValid,
  HR: (n) => isDigits(n, 11) && mod1110Valid(n),
  HU: (n) => weightedSumDivisible(n, [9, 7, 3, 1, 9, 7, 3, 1], 10),
  IE: ieValid,
  IT: (n) => {
    if (!isDigits(n, 11) || n.startsWith('0000000') || !luhnValid(n)) return false;
    const office = Number(n.slice(7, 10));
    return (office >= 1 && office <= 100) || office === 120 || office === 121 || office === 888 || office === 999;
  },
  LU: (n) => isDigits(n, 8) && Number(n.slice(0, 6)) % 89 === Number(n.slice(6)),
  MT: (n) => n[0] !== '0' && weightedSumDivisible(n, [3, 4, 6, 7, 8, 9, 10, 1], 37),
  // Old numbers (the owner's BSN or an RSIN) pass the elfproef; sole traders since 2020 pass MOD 97-10.
  NL: (n) => /^\d{9}B\d{2}$/.test(n) && (nlBsnValid(n.slice(0, 9)) || mod9710Valid(`NL${n}`)),
  PL: (n) => weightedSumDivisible(n, [6, 5, 7, 2, 3, 4, 5, 6, 7, -1]),
  PT: ptNifValid,
  RO: roValid,
  SE: (n) => isDigits(n, 12) && n.endsWith('01') && luhnValid(n.slice(0, 10)),
  SI: (n) => {
    if (!isDigits(n, 8) || n[0] === '0') return false;
    const check = 11 - (weightedSum(n, [8, 7, 6, 5, 4, 3, 2]) % 11);
    // A remainder of 0 would need check digit 11: never issued.
    return check !== 11 && check % 10 === Number(n[7]);
  },
  SK: (n) => isDigits(n, 10) && n[0] !== '0' && '234789'.includes(n[2] as string) && BigInt(n) % 11n === 0n,
  GB: gbValid,
  XI: gbValid,
};

/** Shapes of the states whose check is not implemented here. */
const SHAPES: Readonly<Record<string, RegExp>> = {
  BG: /^\d{9,10}$/,
  CY: /^\d{8}[A-Z]$/,
  CZ: /^\d{8,10}$/,
  LT: /^(?:\d{9}|\d{12})$/,
  LV: /^\d{11}$/,
};

/** Prefixes this module knows: the EU states (EL and GR for Greece), XI and GB. */
export const VAT_PREFIXES: readonly string[] = [...Object.keys(CHECKS), ...Object.keys(SHAPES)].sort();

/**
 * Check a compact VAT number with its country prefix. True: valid. False: wrong shape,
 * unknown prefix or failed check. Undefined: right shape for a country without a check here.
 */
export function euVatValid(compact: string): boolean | undefined {
  const prefix = compact.slice(0, 2);
  const national = compact.slice(2);
  const check = CHECKS[prefix];
  if (check) return check(national);
  const shape = SHAPES[prefix];
  if (shape) return shape.test(national) ? undefined : false;
  return false;
}

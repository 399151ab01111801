import { cnpjCheckDigits, cpfCheckDigits } from '../../validators/br-tax.js';
import { medicareCheckDigit, tfnValid } from '../../validators/au-ids.js';
import { luhnCheckDigit } from '../../validators/luhn.js';
import { verhoeffCheckDigit } from '../../validators/verhoeff.js';

/**
 * Random valid values in their commonly printed form, one generator per entity, for the
 * labelled evaluation corpus. Values are synthetic; `rand` returns a float in [0, 1).
 */
type Rand = () => number;

const UPPER = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';

export function pick<T>(rand: Rand, items: readonly T[]): T {
  return items[Math.floor(rand() * items.length)] as T;
}

export function digits(rand: Rand, count: number, from = '0123456789'): string {
  let out = '';
  for (let i = 0; i < count; i++) out += pick(rand, [...from]);
  return out;
}

export function letters(rand: Rand, count: number, from = UPPER): string {
  return digits(rand, count, from);
}

function aadhaar(rand: Rand): string {
  for (;;) {
    const payload = digits(rand, 1, '23456789') + digits(rand, 10);
    const value = payload + String(verhoeffCheckDigit(payload));
    if (value !== [...value].reverse().join('')) return `${value.slice(0, 4)} ${value.slice(4, 8)} ${value.slice(8)}`;
  }
}

function pan(rand: Rand): string {
  const serial = String(1 + Math.floor(rand() * 9999)).padStart(4, '0');
  return letters(rand, 3) + pick(rand, [...'ABCFGHJLPT']) + letters(rand, 1) + serial + letters(rand, 1);
}

function sin(rand: Rand): string {
  const payload = digits(rand, 1, '1234567') + digits(rand, 7);
  const value = payload + String(luhnCheckDigit(payload));
  const sep = rand() < 0.7 ? ' ' : '-';
  return `${value.slice(0, 3)}${sep}${value.slice(3, 6)}${sep}${value.slice(6)}`;
}

function tfn(rand: Rand): string {
  for (;;) {
    const value = digits(rand, 9);
    if (tfnValid(value) && !/^(\d)\1*$/.test(value)) return `${value.slice(0, 3)} ${value.slice(3, 6)} ${value.slice(6)}`;
  }
}

function medicare(rand: Rand): string {
  const first8 = digits(rand, 1, '23456') + digits(rand, 7);
  const value = first8 + String(medicareCheckDigit(first8)) + digits(rand, 1, '123456789');
  return `${value.slice(0, 4)} ${value.slice(4, 9)} ${value.slice(9)}`;
}

function cpf(rand: Rand): string {
  for (;;) {
    const base = digits(rand, 9);
    if (/^(\d)\1*$/.test(base)) continue;
    const v = base + cpfCheckDigits(base);
    return `${v.slice(0, 3)}.${v.slice(3, 6)}.${v.slice(6, 9)}-${v.slice(9)}`;
  }
}

function cnpj(rand: Rand): string {
  // Head office 0001 mostly; one in five from the alphanumeric series issued from July 2026.
  const base = rand() < 0.2 ? letters(rand, 8, `${UPPER}0123456789`) + letters(rand, 4, `${UPPER}0123456789`) : digits(rand, 8) + pick(rand, ['0001', '0001', '0002', '0003']);
  const v = base + cnpjCheckDigits(base);
  return `${v.slice(0, 2)}.${v.slice(2, 5)}.${v.slice(5, 8)}/${v.slice(8, 12)}-${v.slice(12)}`;
}

/** National formats: German (C + 8), French (2 digits, 2 letters, 5 digits), Indian, Spanish, Italian. */
function passport(rand: Rand): string {
  for (;;) {
    const value = pick<(r: Rand) => string>(rand, [
      (r) => `C${letters(r, 8, 'CFGHJKLMNPRTVWXYZ0123456789')}`,
      (r) => `${digits(r, 2)}${letters(r, 2)}${digits(r, 5)}`,
      (r) => `${letters(r, 1, 'JKLMNPRSTUVWZ')}${digits(r, 7)}`,
      (r) => `${letters(r, 3)}${digits(r, 6)}`,
      (r) => `${letters(r, 2)}${digits(r, 7)}`,
    ])(rand);
    const digitCount = value.replace(/\D/g, '').length;
    // The us-passport shape (letter + 8 digits) belongs to US_PASSPORT.
    if (digitCount >= 3 && !/^[A-Z]\d{8}$/.test(value) && !/(.)\1{5,}|XXXX/.test(value)) return value;
  }
}

export const generators: Record<string, (rand: () => number) => string> = {
  IN_AADHAAR: aadhaar,
  IN_PAN: pan,
  CA_SIN: sin,
  AU_TFN: tfn,
  AU_MEDICARE: medicare,
  BR_CPF: cpf,
  BR_CNPJ: cnpj,
  PASSPORT: passport,
};

import {
  esCifControls,
  esDniLetter,
  fiHetuCheckChar,
  iePpsnCheckLetter,
  itFiscalCodeCheckChar,
  IT_OMOCODIA_LETTERS,
  IT_OMOCODIA_POSITIONS,
} from '../../validators/check-letter.js';
import { mod1110CheckDigit, mod97Complement } from '../../validators/iso7064.js';
import { luhnCheckDigit } from '../../validators/luhn.js';
import { atSvnrCheckDigit, ptNifCheckDigit, ukNhsCheckDigit, weightedSum } from '../../validators/mod11.js';
import { ean13CheckDigit } from './ch.js';
import { ID_CARD_LETTERS, mrzCheckDigit } from './de.js';
import { peselCheckDigit } from './eleven-digits.js';
import { IT_MONTH_LETTERS } from './it.js';
import { daysInMonth } from './shared.js';

/**
 * Random valid identifiers in their common printed forms, for the labelled evaluation
 * corpus. `rand` returns a float in [0, 1); every generator is deterministic given it.
 */
type Rand = () => number;

const int = (rand: Rand, max: number): number => Math.floor(rand() * max);
const between = (rand: Rand, min: number, max: number): number => min + int(rand, max - min + 1);
const pick = <T>(rand: Rand, items: readonly T[]): T => items[int(rand, items.length)] as T;
const digits = (rand: Rand, n: number): string => Array.from({ length: n }, () => String(int(rand, 10))).join('');
const pad = (n: number, width = 2): string => String(n).padStart(width, '0');
const chars = (rand: Rand, n: number, alphabet: string): string =>
  Array.from({ length: n }, () => alphabet[int(rand, alphabet.length)]).join('');

interface BirthDate {
  year: number;
  month: number;
  day: number;
}

function birthDate(rand: Rand, from = 1935, to = 2012): BirthDate {
  const year = between(rand, from, to);
  const month = between(rand, 1, 12);
  return { year, month, day: between(rand, 1, daysInMonth(year, month)) };
}

function shuffle<T>(rand: Rand, items: T[]): T[] {
  const out = items.slice();
  for (let i = out.length - 1; i > 0; i--) {
    const j = int(rand, i + 1);
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

/**
 * Retries `attempt` until it yields a value. Used only where an attempt fails rarely (one
 * in eleven or less): seeded generators can have short cycles, so rare successes are
 * built, not searched for.
 */
function retry(attempt: () => string | null): string {
  for (let i = 0; i < 10_000; i++) {
    const value = attempt();
    if (value !== null) return value;
  }
  throw new Error('generator did not converge');
}

const NINO_FIRST = 'ABCEGHJKLMNOPRSTWXYZ';
const NINO_SECOND = 'ABCEGHJKLMNPRSTWXYZ';
const NINO_BAD = new Set(['BG', 'GB', 'NK', 'KN', 'TN', 'NT', 'ZZ']);

function ukNino(rand: Rand): string {
  const prefix = retry(() => {
    const p = pick(rand, NINO_FIRST.split('')) + pick(rand, NINO_SECOND.split(''));
    return NINO_BAD.has(p) ? null : p;
  });
  const body = digits(rand, 6);
  const suffix = pick(rand, ['A', 'B', 'C', 'D']);
  return rand() < 0.5 ? `${prefix} ${body.slice(0, 2)} ${body.slice(2, 4)} ${body.slice(4)} ${suffix}` : `${prefix}${body}${suffix}`;
}

function ukNhs(rand: Rand): string {
  const value = retry(() => {
    const payload = pick(rand, ['4', '6', '7']) + digits(rand, 8);
    const check = ukNhsCheckDigit(payload);
    return check === null ? null : `${payload}${check}`;
  });
  const form = int(rand, 3);
  if (form === 2) return value;
  const sep = form === 0 ? ' ' : '-';
  return `${value.slice(0, 3)}${sep}${value.slice(3, 6)}${sep}${value.slice(6)}`;
}

function deTaxId(rand: Rand): string {
  // Nine distinct digits, one of them written twice, shuffled: the repetition rule by construction.
  const pool = shuffle(rand, '0123456789'.split('')).slice(0, 9);
  const body = shuffle(rand, [...pool, pick(rand, pool)]);
  if (body[0] === '0') {
    const swap = body.findIndex((d) => d !== '0');
    [body[0], body[swap]] = [body[swap] as string, '0'];
  }
  const first10 = body.join('');
  const value = `${first10}${mod1110CheckDigit(first10)}`;
  return rand() < 0.5 ? value : `${value.slice(0, 2)} ${value.slice(2, 5)} ${value.slice(5, 8)} ${value.slice(8)}`;
}

function deIdCard(rand: Rand): string {
  const serial = pick(rand, 'LMNPRTVWXY'.split('')) + chars(rand, 8, `${ID_CARD_LETTERS}0123456789`);
  return `${serial}${mrzCheckDigit(serial) ?? 0}`;
}

function frNir(rand: Rand): string {
  const sex = pick(rand, ['1', '2']);
  const { year, month } = birthDate(rand, 1940, 2012);
  const corsica = rand() < 0.1;
  const dept = corsica ? pick(rand, ['2A', '2B']) : pad(pick(rand, [between(rand, 1, 19), between(rand, 21, 95)]));
  const commune = pad(between(rand, 1, 899), 3);
  const order = pad(between(rand, 1, 999), 3);
  const numericDept = dept === '2A' ? '19' : dept === '2B' ? '18' : dept;
  const yy = pad(year % 100);
  const key = pad(mod97Complement(`${sex}${yy}${pad(month)}${numericDept}${commune}${order}`));
  return rand() < 0.6
    ? `${sex} ${yy} ${pad(month)} ${dept} ${commune} ${order} ${key}`
    : `${sex}${yy}${pad(month)}${dept}${commune}${order}${key}`;
}

function sirenDigits(rand: Rand): string {
  const payload = String(between(rand, 1, 9)) + digits(rand, 7);
  return `${payload}${luhnCheckDigit(payload)}`;
}

const groups = (value: string, sizes: readonly number[], sep = ' '): string => {
  const out: string[] = [];
  let at = 0;
  for (const size of sizes) {
    out.push(value.slice(at, at + size));
    at += size;
  }
  return out.join(sep);
};

function frSiren(rand: Rand): string {
  const siren = sirenDigits(rand);
  return rand() < 0.6 ? groups(siren, [3, 3, 3]) : siren;
}

function frSiret(rand: Rand): string {
  const siren = retry(() => {
    const s = sirenDigits(rand);
    return s === '356000000' ? null : s;
  });
  const payload = `${siren}${digits(rand, 4)}`;
  const siret = `${payload}${luhnCheckDigit(payload)}`;
  return rand() < 0.6 ? groups(siret, [3, 3, 3, 5]) : siret;
}

function esDni(rand: Rand): string {
  const number = pad(between(rand, 1_000_000, 99_999_999), 8);
  const letter = esDniLetter(number) ?? 'T';
  const dotted = `${number.slice(0, 2)}.${number.slice(2, 5)}.${number.slice(5)}-${letter}`;
  return pick(rand, [`${number}${letter}`, `${number}-${letter}`, dotted]);
}

function esNie(rand: Rand): string {
  const prefix = pick(rand, ['X', 'Y', 'Z']);
  const number = digits(rand, 7);
  const letter = esDniLetter(`${'XYZ'.indexOf(prefix)}${number}`) ?? 'T';
  return rand() < 0.7 ? `${prefix}${number}${letter}` : `${prefix}-${number}-${letter}`;
}

function esCif(rand: Rand): string {
  const type = pick(rand, ['A', 'B', 'B', 'B', 'G', 'J', 'N', 'P', 'Q', 'R', 'S', 'U', 'V', 'W']);
  const number = digits(rand, 7);
  const controls = esCifControls(number) ?? { digit: '0', letter: 'J' };
  const control = 'NPQRSW'.includes(type) ? controls.letter : controls.digit;
  return rand() < 0.7 ? `${type}${number}${control}` : `${type}-${number}${control}`;
}

function itFiscalCode(rand: Rand): string {
  const letters = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
  const { year, month, day } = birthDate(rand);
  const dayField = rand() < 0.5 ? day : day + 40;
  const names = `${chars(rand, 3, 'BCDFGLMNPRSTVZ')}${chars(rand, 3, letters)}`;
  const birth = `${pad(year % 100)}${IT_MONTH_LETTERS[month - 1]}${pad(dayField)}`;
  const place = `${pick(rand, ['A', 'F', 'H', 'L', 'Z'])}${digits(rand, 3)}`;
  const chars15 = `${names}${birth}${place}`.split('');
  // Omocodia: the Agenzia replaces digits from the right when two people share a code.
  if (rand() < 0.15) {
    const p = IT_OMOCODIA_POSITIONS[IT_OMOCODIA_POSITIONS.length - 1] as number;
    chars15[p] = IT_OMOCODIA_LETTERS[Number(chars15[p])] as string;
  }
  const first15 = chars15.join('');
  return `${first15}${itFiscalCodeCheckChar(first15) ?? 'A'}`;
}

function itVat(rand: Rand): string {
  // Company number (never all zeros) and a provincial office code 001-100.
  const company = `${digits(rand, 6)}${between(rand, 1, 9)}`;
  const payload = `${company}${pad(between(rand, 1, 100), 3)}`;
  return `${payload}${luhnCheckDigit(payload)}`;
}

function nlBsn(rand: Rand): string {
  const value = retry(() => {
    const payload = String(between(rand, 1, 9)) + digits(rand, 7);
    const check = weightedSum(payload, [9, 8, 7, 6, 5, 4, 3, 2]) % 11;
    return check === 10 ? null : `${payload}${check}`;
  });
  return pick(rand, [value, groups(value, [4, 2, 3], '.'), groups(value, [3, 3, 3])]);
}

function beNationalNumber(rand: Rand): string {
  const { year, month, day } = birthDate(rand, 1935, 2020);
  const base = `${pad(year % 100)}${pad(month)}${pad(day)}${pad(between(rand, 1, 998), 3)}`;
  const key = pad(mod97Complement(year >= 2000 ? `2${base}` : base));
  return rand() < 0.7 ? `${base.slice(0, 2)}.${base.slice(2, 4)}.${base.slice(4, 6)}-${base.slice(6)}.${key}` : `${base}${key}`;
}

function plPesel(rand: Rand): string {
  const { year, month, day } = birthDate(rand, 1935, 2020);
  const payload = `${pad(year % 100)}${pad(year >= 2000 ? month + 20 : month)}${pad(day)}${digits(rand, 4)}`;
  return `${payload}${peselCheckDigit(payload)}`;
}

function sePersonnummer(rand: Rand): string {
  const { year, month, day } = birthDate(rand, 1935, 2015);
  const short9 = `${pad(year % 100)}${pad(month)}${pad(day)}${digits(rand, 3)}`;
  const short10 = `${short9}${luhnCheckDigit(short9)}`;
  const form = int(rand, 3);
  if (form === 0) return `${short10.slice(0, 6)}-${short10.slice(6)}`;
  const long = `${Math.floor(year / 100)}${short10}`;
  return form === 1 ? long : `${long.slice(0, 8)}-${long.slice(8)}`;
}

function dkCpr(rand: Rand): string {
  const { year, month, day } = birthDate(rand, 1937, 2020);
  // The first serial digit tells the century: 0-3 for 1900-1999; 4 or 9 cover 2000-2036.
  const first = year < 2000 ? between(rand, 0, 3) : pick(rand, [4, 9]);
  const value = `${pad(day)}${pad(month)}${pad(year % 100)}${first}${digits(rand, 3)}`;
  return rand() < 0.7 ? `${value.slice(0, 6)}-${value.slice(6)}` : value;
}

function fiHetu(rand: Rand): string {
  const { year, month, day } = birthDate(rand, 1935, 2020);
  const sign = year >= 2000 ? pick(rand, ['A', 'A', 'B', 'C']) : pick(rand, ['-', '-', '-', 'Y', 'X']);
  const individual = pad(between(rand, 2, 899), 3);
  const date = `${pad(day)}${pad(month)}${pad(year % 100)}`;
  return `${date}${sign}${individual}${fiHetuCheckChar(`${date}${individual}`) ?? '0'}`;
}

function ptNif(rand: Rand): string {
  const payload = pick(rand, ['1', '2', '2', '3', '5', '5', '6', '8']) + digits(rand, 7);
  const value = `${payload}${ptNifCheckDigit(payload) ?? 0}`;
  return rand() < 0.5 ? value : groups(value, [3, 3, 3]);
}

function iePpsn(rand: Rand): string {
  const number = digits(rand, 7);
  const second = pick(rand, ['', '', 'A', 'A', 'H', 'W']);
  return `${number}${iePpsnCheckLetter(number, second) ?? 'W'}${second}`;
}

function atSvnr(rand: Rand): string {
  return retry(() => {
    const serial = String(between(rand, 1, 9)) + digits(rand, 2);
    const { year, month, day } = birthDate(rand, 1935, 2020);
    const date = `${pad(day)}${pad(month)}${pad(year % 100)}`;
    const check = atSvnrCheckDigit(serial, date);
    if (check === null) return null;
    return rand() < 0.6 ? `${serial}${check} ${date}` : `${serial}${check}${date}`;
  });
}

function chAhv(rand: Rand): string {
  const payload = `756${digits(rand, 9)}`;
  const value = `${payload}${ean13CheckDigit(payload)}`;
  return rand() < 0.7 ? `${value.slice(0, 3)}.${value.slice(3, 7)}.${value.slice(7, 11)}.${value.slice(11)}` : value;
}

/** `payload` followed by the digit that makes Σ weight × digit ≡ 0 (mod 11); null when that digit would be 10. */
function mod11Complete(payload: string, weights: readonly number[], lastWeight = 1): string | null {
  for (let d = 0; d <= 9; d++) {
    if ((weightedSum(payload, weights) + lastWeight * d) % 11 === 0) return `${payload}${d}`;
  }
  return null;
}

const mod10Complete = (payload: string, weights: readonly number[]): string =>
  `${payload}${(10 - (weightedSum(payload, weights) % 10)) % 10}`;

const lead = (rand: Rand, n: number): string => `${between(rand, 1, 9)}${digits(rand, n - 1)}`;

/** Valid national parts, built directly from each state's check (see validators/eu-vat.ts). */
const VAT_NATIONAL: ReadonlyArray<readonly [string, (rand: Rand) => string]> = [
  ['AT', (r) => {
    const body = digits(r, 7);
    let sum = 0;
    for (let i = 0; i < 7; i++) {
      const product = Number(body[i]) * (i % 2 === 1 ? 2 : 1);
      sum += product > 9 ? product - 9 : product;
    }
    return `U${body}${(96 - sum) % 10}`;
  }],
  ['BE', (r) => {
    const first8 = `0${between(r, 2, 9)}${digits(r, 6)}`;
    return `${first8}${pad(97 - (Number(first8) % 97))}`;
  }],
  ['DE', (r) => {
    const payload = lead(r, 8);
    return `${payload}${mod1110CheckDigit(payload)}`;
  }],
  ['DK', (r) => retry(() => mod11Complete(lead(r, 7), [2, 7, 6, 5, 4, 3, 2]))],
  ['EE', (r) => mod10Complete(`10${digits(r, 6)}`, [3, 7, 1, 3, 7, 1, 3, 7])],
  ['EL', (r) => {
    const payload = digits(r, 8);
    return `${payload}${(weightedSum(payload, [256, 128, 64, 32, 16, 8, 4, 2]) % 11) % 10}`;
  }],
  ['ES', (r) => (r() < 0.5 ? esCif(r).replace('-', '') : esDni(r).replace(/[.-]/g, ''))],
  ['FI', (r) => retry(() => mod11Complete(digits(r, 7), [7, 9, 10, 5, 8, 4, 2]))],
  ['FR', (r) => {
    const siren = sirenDigits(r);
    return `${pad(Number((BigInt(siren) * 100n + 12n) % 97n))}${siren}`;
  }],
  ['HR', (r) => {
    const payload = lead(r, 10);
    return `${payload}${mod1110CheckDigit(payload)}`;
  }],
  ['HU', (r) => mod10Complete(lead(r, 7), [9, 7, 3, 1, 9, 7, 3])],
  ['IE', (r) => {
    const number = digits(r, 7);
    const second = pick(r, ['', 'H']);
    return `${number}${iePpsnCheckLetter(number, second) ?? 'W'}${second}`;
  }],
  ['IT', itVat],
  ['LU', (r) => {
    const payload = lead(r, 6);
    return `${payload}${pad(Number(payload) % 89)}`;
  }],
  ['MT', (r) => {
    // Two free digits cover every residue mod 37, so a completion always exists.
    const payload = lead(r, 6);
    const need = (37 - (weightedSum(payload, [3, 4, 6, 7, 8, 9]) % 37)) % 37;
    const options: string[] = [];
    for (let d7 = 0; d7 <= 9; d7++) {
      for (let d8 = 0; d8 <= 9; d8++) if ((10 * d7 + d8) % 37 === need) options.push(`${d7}${d8}`);
    }
    return `${payload}${pick(r, options)}`;
  }],
  ['NL', (r) => `${retry(() => mod11Complete(lead(r, 8), [9, 8, 7, 6, 5, 4, 3, 2], -1))}B01`],
  ['PL', (r) => retry(() => mod11Complete(lead(r, 9), [6, 5, 7, 2, 3, 4, 5, 6, 7], -1))],
  ['PT', (r) => ptNif(r).replace(/ /g, '')],
  ['RO', (r) => {
    const payload = lead(r, between(r, 5, 8));
    return `${payload}${((10 * weightedSum(payload.padStart(9, '0'), [7, 5, 3, 2, 1, 7, 5, 3, 2])) % 11) % 10}`;
  }],
  ['SE', (r) => {
    const payload = lead(r, 9);
    return `${payload}${luhnCheckDigit(payload)}01`;
  }],
  ['SI', (r) => retry(() => {
    const payload = lead(r, 7);
    const check = 11 - (weightedSum(payload, [8, 7, 6, 5, 4, 3, 2]) % 11);
    return check === 11 ? null : `${payload}${check % 10}`;
  })],
  ['SK', (r) => retry(() => {
    const payload = `${lead(r, 2)}${pick(r, ['2', '3', '4', '7', '8', '9'])}${digits(r, 6)}`;
    const check = (11 - Number((BigInt(payload) * 10n) % 11n)) % 11;
    return check === 10 ? null : `${payload}${check}`;
  })],
  ['GB', (r) => {
    const payload = lead(r, 7);
    return `${payload}${pad((97 - (weightedSum(payload, [8, 7, 6, 5, 4, 3, 2]) % 97)) % 97)}`;
  }],
];

function euVat(rand: Rand): string {
  const [prefix, national] = pick(rand, VAT_NATIONAL);
  const value = `${prefix}${national(rand)}`;
  return rand() < 0.7 ? value : `${prefix} ${value.slice(2)}`;
}

export const generators: Record<string, (rand: () => number) => string> = {
  UK_NINO: ukNino,
  UK_NHS: ukNhs,
  DE_TAX_ID: deTaxId,
  DE_ID_CARD: deIdCard,
  FR_NIR: frNir,
  FR_SIREN: frSiren,
  FR_SIRET: frSiret,
  ES_DNI: esDni,
  ES_NIE: esNie,
  ES_CIF: esCif,
  IT_FISCAL_CODE: itFiscalCode,
  IT_VAT: itVat,
  NL_BSN: nlBsn,
  BE_NATIONAL_NUMBER: beNationalNumber,
  PL_PESEL: plPesel,
  SE_PERSONNUMMER: sePersonnummer,
  DK_CPR: dkCpr,
  FI_HETU: fiHetu,
  PT_NIF: ptNif,
  IE_PPSN: iePpsn,
  AT_SVNR: atSvnr,
  CH_AHV: chAhv,
  EU_VAT: euVat,
};

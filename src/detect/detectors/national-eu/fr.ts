import { digitGroups, digitRun } from '../../anchors.js';
import type { DetectorSpec } from '../../spec.js';
import { mod97Complement } from '../../validators/iso7064.js';
import { luhnValid } from '../../validators/luhn.js';
import { isDigits } from '../../validators/mod11.js';
import { checksum, digitsOf, isRepdigit, standalone } from './shared.js';

/**
 * French NIR (numéro de sécurité sociale): sex (1/2, 7/8 for provisional numbers), year,
 * month (01-12, or 20-42 / 50-99 when unknown), département (2A/2B for Corsica), commune,
 * order number and the key 97 − (first 13 digits mod 97), Corsica counted as 19 / 18.
 */
export function frNirValid(value: string): boolean {
  const m = /^([1278])(\d{2})(\d{2})(\d{2}|2A|2B)(\d{3})(\d{3})(\d{2})$/.exec(value.replace(/\s/g, '').toUpperCase());
  if (!m) return false;
  const [, sex = '', year = '', monthText = '', dept = '', commune = '', order = '', keyText = ''] = m;
  const month = Number(monthText);
  if (!((month >= 1 && month <= 12) || (month >= 20 && month <= 42) || month >= 50)) return false;
  if (dept === '00' || commune === '000' || order === '000') return false;
  const numericDept = dept === '2A' ? '19' : dept === '2B' ? '18' : dept;
  const key = Number(keyText);
  return key >= 1 && key <= 97 && mod97Complement(`${sex}${year}${monthText}${numericDept}${commune}${order}`) === key;
}

/** La Poste's SIREN, which does not pass Luhn, and its head office's SIRET, which does. */
const LA_POSTE_SIREN = '356000000';
const LA_POSTE_HEAD_OFFICE = '35600000000048';

export function frSirenValid(digits: string): boolean {
  return isDigits(digits, 9) && !isRepdigit(digits) && (digits === LA_POSTE_SIREN || luhnValid(digits));
}

export function frSiretValid(digits: string): boolean {
  if (!isDigits(digits, 14) || isRepdigit(digits)) return false;
  // La Poste's establishments (not its head office) use a digit-sum rule instead of Luhn.
  if (digits.startsWith(LA_POSTE_SIREN) && digits !== LA_POSTE_HEAD_OFFICE) {
    let sum = 0;
    for (let i = 0; i < 14; i++) sum += digits.charCodeAt(i) - 48;
    return sum % 5 === 0;
  }
  return luhnValid(digits.slice(0, 9)) && luhnValid(digits);
}

const NIR_CONTEXT = [
  'numéro de sécurité sociale', 'n° de sécurité sociale', 'sécurité sociale', 'securite sociale', 'nir', 'insee',
  'numéro insee', 'carte vitale', 'n° ss', 'social security number', 'french social security number',
  'Sozialversicherungsnummer', 'französische Sozialversicherungsnummer', 'número de seguridad social', 'seguridad social',
  'numero di previdenza sociale', 'previdenza sociale', 'sofinummer', 'sociaal zekerheidsnummer', 'número de segurança social',
  'segurança social',
];

const SIREN_CONTEXT = [
  'siren', 'n° siren', 'numéro siren', 'rcs', 'registre du commerce', 'immatriculation', "numéro d'entreprise",
  'company number', 'company registration number', 'business registration number', 'Firmennummer', 'Unternehmensnummer',
  'Handelsregisternummer', 'número de empresa', 'registro mercantil', "numero d'impresa", 'numero di registro imprese',
  'bedrijfsnummer', 'ondernemingsnummer', 'número de registo comercial', 'número de pessoa coletiva',
];

const SIRET_CONTEXT = [
  'siret', 'n° siret', 'numéro siret', 'établissement', 'etablissement', 'establishment number', 'business establishment',
  'Betriebsnummer', 'Betriebsstättennummer', 'número de establecimiento', 'numero di stabilimento', 'numero sede',
  'vestigingsnummer', 'número de estabelecimento', 'siren',
];

export const frDetectors: DetectorSpec[] = [
  {
    id: 'fr-nir',
    entity: 'FR_NIR',
    description:
      'French NIR (numéro de sécurité sociale / INSEE): 15 characters, compact or printed 1-2-2-2-3-3-2, Corsica 2A/2B, key = 97 − (n mod 97).',
    minDigits: 13,
    patterns: [
      {
        name: 'nir',
        ...standalone('[1278] ?\\d{2} ?\\d{2} ?(?:\\d{2}|2[ABab]) ?\\d{3} ?\\d{3} ?\\d{2}', digitRun(6)),
        score: 0.5,
      },
    ],
    context: NIR_CONTEXT,
    validate: (value) => checksum(frNirValid(value)),
    samples: {
      tp: [
        { text: 'Numéro de sécurité sociale : 2 55 08 14 168 025 38', value: '2 55 08 14 168 025 38' },
        '104060300751415',
        { text: 'NIR 1 78 11 2A 004 123 10 (né en Corse-du-Sud)', value: '1 78 11 2A 004 123 10' },
        { text: 'carte vitale n° 2 81 03 05 750 313 94, mutuelle à jour', value: '2 81 03 05 750 313 94' },
        { text: 'Sozialversicherungsnummer 250047748907986 liegt vor', value: '250047748907986' },
      ],
      fp: [
        'Numéro de sécurité sociale : 2 55 08 14 168 025 39',
        'NIR 2 55 13 14 168 025 38',
        'NIR 3 55 08 14 168 025 38',
        'NIR 2 55 08 14 168 025',
        'NIR 1 78 11 2A 004 123 11',
        'Tracking 2550814168025389 delivered',
        'NIR 1 00 00 00 000 000 00',
      ],
    },
  },
  {
    id: 'fr-siren',
    entity: 'FR_SIREN',
    description: 'French SIREN company number: 9 digits (printed 3-3-3), Luhn; context required since one random number in ten passes.',
    keywords: SIREN_CONTEXT,
    minDigits: 9,
    patterns: [{ name: 'siren', ...standalone('\\d{3} ?\\d{3} ?\\d{3}', digitGroups([[3, ' '], [6, ' '], [9, '']])), score: 0.4 }],
    context: SIREN_CONTEXT,
    contextRequired: true,
    validate: (value) => checksum(frSirenValid(digitsOf(value))),
    samples: {
      tp: [
        { text: 'SIREN 948 785 654', value: '948 785 654' },
        { text: 'Société immatriculée au RCS de Lyon sous le numéro 700738362.', value: '700738362' },
        { text: 'company number (SIREN): 618 144 596', value: '618 144 596' },
        { text: 'La Poste, SIREN 356000000', value: '356000000' },
      ],
      fp: [
        'SIREN 948 785 655',
        'SIREN 000 000 000',
        'SIREN 94878565',
        'Order 948785654 shipped to Lyon',
        'SIREN 9487856540',
      ],
    },
  },
  {
    id: 'fr-siret',
    entity: 'FR_SIRET',
    description:
      'French SIRET establishment number: SIREN and a 5-digit NIC (printed 3-3-3-5), Luhn over both the SIREN and the whole; La Poste uses a digit-sum rule.',
    minDigits: 14,
    patterns: [{ name: 'siret', ...standalone('\\d{3} ?\\d{3} ?\\d{3} ?\\d{5}', digitRun(14)), score: 0.45 }],
    context: SIRET_CONTEXT,
    validate: (value) => checksum(frSiretValid(digitsOf(value))),
    samples: {
      tp: [
        '87364175725296',
        { text: 'SIRET : 646 603 969 90065', value: '646 603 969 90065' },
        { text: 'Établissement secondaire, n° SIRET 61471033374520, Marseille', value: '61471033374520' },
        { text: 'La Poste SIRET 356 000 000 00123', value: '356 000 000 00123' },
      ],
      fp: [
        'SIRET : 646 603 969 90066',
        'SIRET 87364175725297',
        'SIRET 8736417572529',
        'Invoice 00000000000000',
        'La Poste SIRET 356 000 000 00124',
      ],
    },
  },
];

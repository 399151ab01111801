import type { DetectorSpec, Validation } from '../../spec.js';
import { medicareValid, tfnValid } from '../../validators/au-ids.js';
import { wholeNumber } from './pattern-parts.js';
import { digitGroups, firstGroup } from '../../anchors.js';

/** TFN: the mod-11 check passes one number in eleven and the shape is any 8–9 digits, so context is required. */
function validateTfn(value: string): Validation {
  const digits = value.replace(/[ -]/g, '');
  if (/^(\d)\1*$/.test(digits)) return 'reject';
  return tfnValid(digits) ? 'confirm' : 'reject';
}

/** Medicare: the printed 4-5-1 form stands on its own; bare 10–11 digits are a separate, context-only detector. */
function validateMedicare(value: string): Validation {
  return medicareValid(value.replace(/[ -]/g, '')) ? 'confirm' : 'reject';
}

const TFN_CONTEXT = [
  'tfn',
  'tax file number',
  'tax file no',
  'australian tax file number',
  'steuerdateinummer',
  'australische steuernummer',
  'numéro de dossier fiscal',
  'número de expediente fiscal',
  'número de archivo fiscal',
  'numero di file fiscale',
  'numero fiscale australiano',
  'fiscaal dossiernummer',
  'australisch fiscaal nummer',
  'número de arquivo fiscal',
  'número fiscal australiano',
];

const MEDICARE_CONTEXT = [
  'medicare',
  'medicare number',
  'medicare no',
  'medicare card',
  'irn',
  'medicare-nummer',
  'medicare-karte',
  'carte medicare',
  'numéro medicare',
  'tarjeta medicare',
  'número de medicare',
  'tessera medicare',
  'numero medicare',
  'medicarekaart',
  'medicarenummer',
  'cartão medicare',
  'número do medicare',
];

export const auTfn: DetectorSpec = {
  id: 'au-tfn',
  entity: 'AU_TFN',
  description: 'Australian Tax File Number (8–9 digits, weighted mod 11); context required',
  keywords: TFN_CONTEXT,
  minDigits: 8,
  patterns: [
    // Runs of groups, so the validator sees (and rejects) longer grouped numbers whole.
    { name: 'spaced', regex: '\\d{2,3}(?: \\d{3})+(?: \\d{2})?', score: 0.4, startsAt: firstGroup([2, 3], ' ') },
    { name: 'dashed', regex: '\\d{2,3}(?:-\\d{3})+(?:-\\d{2})?', score: 0.4, startsAt: firstGroup([2, 3], '-') },
    { name: 'bare', regex: '\\d{8,9}', score: 0.3, startsAt: firstGroup([8, 9]) },
  ],
  context: TFN_CONTEXT,
  contextRequired: true,
  validate: validateTfn,
  samples: {
    tp: [
      { text: 'TFN: 529 982 249', value: '529 982 249' },
      { text: 'Tax file number 382756104 supplied by the employee', value: '382756104' },
      { text: 'tax file no. 601-428-375', value: '601-428-375' },
      { text: 'Australische Steuernummer (TFN) 277 184 932', value: '277 184 932' },
      { text: 'TFN 37118632 (older eight-digit number)', value: '37118632' },
      { text: 'TFN 371 186 32 (older number)', value: '371 186 32' },
    ],
    fp: [
      'TFN: 529 982 248 (bad check digit)',
      'order 529982249 shipped',
      'TFN 000 000 000',
      'TFN 529 982 249 123 has an extra group',
      'tax file number pending',
    ],
  },
};

export const auMedicare: DetectorSpec = {
  id: 'au-medicare',
  entity: 'AU_MEDICARE',
  description: 'Australian Medicare card number printed 4-5-1 (+ optional IRN), weighted check digit',
  minDigits: 10,
  patterns: [
    { name: 'printed', regex: wholeNumber('[2-6]\\d{3} \\d{5} \\d(?:[ -]\\d)?', ' -'), group: 1, score: 0.5, startsAt: digitGroups([[4, ' ']]) },
  ],
  context: MEDICARE_CONTEXT,
  validate: validateMedicare,
  samples: {
    tp: [
      '2123 45670 1',
      { text: 'Medicare card 2953 70105 1, IRN 2', value: '2953 70105 1' },
      { text: 'Medicare 3345 67899 1-3 (reference number 3)', value: '3345 67899 1-3' },
    ],
    fp: ['Medicare card 2123 45671 1 (bad check digit)', 'Medicare 1123 45670 1 starts with 1', 'ticket 7123 45670 1'],
  },
};

export const auMedicareCompact: DetectorSpec = {
  id: 'au-medicare-compact',
  entity: 'AU_MEDICARE',
  description: 'Australian Medicare card number written as 10–11 digits; context required',
  keywords: MEDICARE_CONTEXT,
  minDigits: 10,
  patterns: [{ name: 'bare', regex: '[2-6]\\d{9,10}', score: 0.3, startsAt: firstGroup([10, 11]) }],
  context: MEDICARE_CONTEXT,
  contextRequired: true,
  validate: validateMedicare,
  samples: {
    tp: [
      { text: 'medicare number 4123456721', value: '4123456721' },
      { text: 'número de medicare 61357924911', value: '61357924911' },
    ],
    fp: ['phone 4123456721', 'medicare 4123456731 (bad check digit)', 'medicare 41234567211234 is too long'],
  },
};

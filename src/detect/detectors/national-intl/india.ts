import type { DetectorSpec, Validation } from '../../spec.js';
import { verhoeffValid } from '../../validators/verhoeff.js';
import { wholeNumber } from './pattern-parts.js';
import { firstGroup } from '../../anchors.js';

/**
 * Aadhaar: 12 digits, never starting with 0 or 1, Verhoeff check digit, printed 4-4-4. The
 * grouped patterns take every run of 4-digit groups, so a 16-digit card number cannot lend its
 * first twelve digits; the validator keeps only runs of exactly twelve. One 12-digit number in
 * ten passes Verhoeff, so the unseparated form is a separate detector that needs a context word.
 */
function validateAadhaar(value: string): Validation {
  const digits = value.replace(/[ -]/g, '');
  if (!/^[2-9]\d{11}$/.test(digits)) return 'reject';
  // UIDAI never issues palindromes; they also catch 2222… style fillers.
  if (digits === [...digits].reverse().join('')) return 'reject';
  return verhoeffValid(digits) ? 'confirm' : 'reject';
}

/** PAN: three letters, holder type, initial, a serial 0001–9999 and a letter (its checksum is unpublished). */
function validatePan(value: string): Validation {
  return value.slice(5, 9) === '0000' ? 'reject' : undefined;
}

const AADHAAR_CONTEXT = [
  'aadhaar',
  'aadhar',
  'aadhaar number',
  'aadhaar no',
  'uid',
  'uidai',
  'uid number',
  'unique identification number',
  'aadhaar-nummer',
  'aadhaarnummer',
  'indische identifikationsnummer',
  'numéro aadhaar',
  "numéro d'identification indien",
  'número aadhaar',
  'número de identificación indio',
  'numero aadhaar',
  'numero di identificazione indiano',
  'indiaas identificatienummer',
  'número de identificação indiano',
];

const PAN_CONTEXT = [
  'pan',
  'pan no',
  'pan number',
  'pan card',
  'permanent account number',
  'income tax',
  'income-tax',
  'tax id',
  'pan-nummer',
  'indische steuernummer',
  'steuernummer',
  'steuer-id',
  'numéro pan',
  'numéro fiscal',
  'identifiant fiscal',
  'número pan',
  'número fiscal',
  'identificación fiscal',
  'numero pan',
  'codice fiscale indiano',
  'identificativo fiscale',
  'fiscaal nummer',
  'número de contribuinte',
  'número de identificação fiscal',
];

export const inAadhaar: DetectorSpec = {
  id: 'in-aadhaar',
  entity: 'IN_AADHAAR',
  description: 'Indian Aadhaar number printed 4-4-4 (Verhoeff check digit)',
  minDigits: 12,
  patterns: [
    { name: 'spaced', regex: wholeNumber('\\d{4}(?: \\d{4}){2,}', ' '), group: 1, score: 0.5, startsAt: firstGroup([4], ' ') },
    { name: 'dashed', regex: wholeNumber('\\d{4}(?:-\\d{4}){2,}', '-'), group: 1, score: 0.5, startsAt: firstGroup([4], '-') },
  ],
  context: AADHAAR_CONTEXT,
  validate: validateAadhaar,
  samples: {
    tp: [
      '2341 2341 2346',
      { text: 'Aadhaar: 2341-2341-2346 verified by KYC', value: '2341-2341-2346' },
      { text: 'Kunde hat Aadhaar-Nummer 9876 5432 1012 vorgelegt', value: '9876 5432 1012' },
    ],
    fp: [
      'Aadhaar: 2341 2341 2347 (typo in last digit)',
      'IBAN BE68 2341 2341 2346 7 (a longer grouped number)',
      'aadhaar 1234 5678 9012 starts with 1',
      'card 4532 0151 1283 0366 charged',
      'Aadhaar 2222 2222 2222 placeholder',
      'aadhaar 2341 2341 2346 7777 has a fourth group',
    ],
  },
};

export const inAadhaarCompact: DetectorSpec = {
  id: 'in-aadhaar-compact',
  entity: 'IN_AADHAAR',
  description: 'Indian Aadhaar number written as 12 digits (Verhoeff check digit); context required',
  keywords: AADHAAR_CONTEXT,
  minDigits: 12,
  patterns: [{ name: 'bare', regex: '[2-9]\\d{11}', score: 0.3, startsAt: firstGroup([12]) }],
  context: AADHAAR_CONTEXT,
  contextRequired: true,
  validate: validateAadhaar,
  samples: {
    tp: [
      { text: 'aadhaar no 234123412346 (customer upload)', value: '234123412346' },
      { text: 'número aadhaar 498237516025 confirmado', value: '498237516025' },
    ],
    fp: ['order 234123412346 shipped', 'aadhaar 234123412347 (bad check digit)', 'UID 23412341234 (11 digits)', 'aadhaar 2341234123461 (13 digits)'],
  },
};

export const inPan: DetectorSpec = {
  id: 'in-pan',
  entity: 'IN_PAN',
  description: 'Indian Permanent Account Number (AAAPA1234A, 4th letter = holder type); context required',
  keywords: PAN_CONTEXT,
  patterns: [{ name: 'pan', regex: '[A-Z]{3}[ABCFGHJKLPT][A-Z]\\d{4}[A-Z]', score: 0.5 }],
  context: PAN_CONTEXT,
  contextRequired: true,
  validate: validatePan,
  samples: {
    tp: [
      { text: 'PAN: ACUPA7085R', value: 'ACUPA7085R' },
      { text: 'Customer PAN card AAPPV8261K attached for KYC', value: 'AAPPV8261K' },
      { text: 'Die indische Steuernummer (PAN) lautet BNZAA2318J.', value: 'BNZAA2318J' },
      { text: 'número PAN da empresa: AAACR5055K', value: 'AAACR5055K' },
    ],
    fp: [
      'Part number ACUPA7085R in stock',
      'PAN: ABMXA3211G (X is not a holder type)',
      'PAN: ACUPA0000R has serial 0000',
      'PAN: ACUPA7085 is missing its last letter',
      'pan acupa7085r lower case',
      'PAN card photo received',
    ],
  },
};

import type { DetectorSpec, Validation } from '../../spec.js';
import { alnumTokenWithDigit } from './pattern-parts.js';

/**
 * Passport numbers of any country: 6–9 upper-case letters and digits, at least three digits.
 * No checksum is visible outside the MRZ, so a passport word is required. The us-passport
 * detector owns 9 digits and letter + 8 digits; those shapes are left to it.
 */
function validatePassport(value: string): Validation {
  if (value.length < 6 || value.length > 9) return 'reject';
  if (/^\d{9}$/.test(value) || /^[A-Z]\d{8}$/.test(value)) return 'reject';
  const digits = value.replace(/\D/g, '').length;
  if (digits < 3) return 'reject';
  // All-digit runs near "passport" are usually dates (issue, expiry) or short counters.
  if (digits === value.length && (value.length < 7 || looksLikeDate(value))) return 'reject';
  return undefined;
}

/** YYYYMMDD or DDMMYYYY with a plausible month and day. */
function looksLikeDate(digits: string): boolean {
  if (digits.length !== 8) return false;
  const ymd = /^(19|20)\d\d(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])$/;
  const dmy = /^(0[1-9]|[12]\d|3[01])(0[1-9]|1[0-2])(19|20)\d\d$/;
  return ymd.test(digits) || dmy.test(digits);
}

const PASSPORT_CONTEXT = [
  'passport',
  'passport no',
  'passport number',
  'passport#',
  'travel document',
  'reisepass',
  'reisepassnummer',
  'passnummer',
  'pass-nr',
  'pass nr',
  'passeport',
  'numéro de passeport',
  'pasaporte',
  'número de pasaporte',
  'passaporto',
  'numero di passaporto',
  'paspoort',
  'paspoortnummer',
  'passaporte',
  'número do passaporte',
  'número de passaporte',
];

export const passportNumber: DetectorSpec = {
  id: 'passport-number',
  entity: 'PASSPORT',
  description: 'Passport number of any country (6–9 letters and digits); context required',
  keywords: PASSPORT_CONTEXT,
  minDigits: 3,
  patterns: [{ name: 'alphanumeric', regex: alnumTokenWithDigit(6), score: 0.45 }],
  context: PASSPORT_CONTEXT,
  contextRequired: true,
  rejectPlaceholders: true,
  validate: validatePassport,
  samples: {
    tp: [
      { text: 'Reisepassnummer: C01X00T47', value: 'C01X00T47' },
      { text: 'numéro de passeport 18AV12345, délivré à Lyon', value: '18AV12345' },
      { text: 'Passport no. K4827193 (India)', value: 'K4827193' },
      { text: 'número de pasaporte PAA123456', value: 'PAA123456' },
      { text: 'paspoort NW92HK3R1 verlopen', value: 'NW92HK3R1' },
      { text: 'passaporto YA7364921 rilasciato a Milano', value: 'YA7364921' },
    ],
    fp: [
      'Passport number: 505123456',
      'US passport A12345678, expires 2031',
      'passport expires 20310115',
      'passport photo taken, ticket 12345',
      'passport PASSPORT1 placeholder',
      'order C01X00T47 shipped',
      'passport XXXXXX999',
    ],
  },
};

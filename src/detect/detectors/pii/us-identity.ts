import { firstGroup } from '../../anchors.js';
import type { DetectorSpec, Validation } from '../../spec.js';

/** Numbers the SSA never issued or that were published as examples. */
const KNOWN_INVALID_SSN = new Set(['078051120', '219099999', '123456789', '111111111', '999999999']);

function validateSsn(value: string, facts: { nearContext: boolean }): Validation {
  const digits = value.replace(/\D/g, '');
  if (digits.length !== 9) return 'reject';
  // nine bare digits are order, account and ticket numbers far more often: only next to an SSN word
  if (digits === value && !facts.nearContext) return 'reject';
  const area = Number(digits.slice(0, 3));
  const group = Number(digits.slice(3, 5));
  const serial = Number(digits.slice(5));
  if (area === 0 || area === 666 || area >= 900 || group === 0 || serial === 0) return 'reject';
  if (KNOWN_INVALID_SSN.has(digits)) return 'reject';
  if (/^(\d)\1{8}$/.test(digits)) return 'reject';
  return undefined;
}

function validateItin(value: string): Validation {
  const digits = value.replace(/\D/g, '');
  if (digits.length !== 9 || digits[0] !== '9') return 'reject';
  const group = Number(digits.slice(3, 5));
  const valid = (group >= 50 && group <= 65) || (group >= 70 && group <= 88) || (group >= 90 && group <= 92) || (group >= 94 && group <= 99);
  return valid ? undefined : 'reject';
}

/** US numbers, named in the languages US staff of European companies write in too. */
const SSN_CONTEXT = [
  'ssn', 'social security', 'social security number', 'soc sec', 'ss#', 'ssn#', 'taxpayer',
  'us-sozialversicherungsnummer', 'numéro de sécurité sociale américain', 'número de seguro social', 'numero di previdenza sociale',
  'amerikaans burgerservicenummer', 'número de segurança social',
];

export const usIdentityDetectors: DetectorSpec[] = [
  {
    id: 'us-ssn',
    entity: 'US_SSN',
    description: 'US Social Security numbers; area, group and serial rules, known-invalid numbers rejected.',
    minDigits: 9,
    patterns: [
      { name: 'dashed', regex: '\\d{3}-\\d{2}-\\d{4}', score: 0.6, startsAt: firstGroup([3], '-') },
      { name: 'spaced', regex: '\\d{3} \\d{2} \\d{4}', score: 0.45, startsAt: firstGroup([3], ' ') },
      { name: 'bare', regex: '\\d{9}', score: 0.2, startsAt: firstGroup([9]) },
    ],
    context: SSN_CONTEXT,
    validate: validateSsn,
    boundary: 'alnum',
    samples: {
      tp: [
        '536-22-8146',
        { text: 'SSN: 536228146', value: '536228146' },
        { text: 'employee social security number 401 33 2087 on file', value: '401 33 2087' },
      ],
      fp: [
        '000-12-3456', '666-12-3456', '912-34-5678', '078-05-1120', '123-45-6789', '536-00-8146', 'call 555-12-0000',
        'Thanks for your order #210848366.', 'order PO-553790814 shipped',
      ],
    },
  },
  {
    id: 'us-itin',
    entity: 'US_ITIN',
    description: 'US Individual Taxpayer Identification Numbers (9XX-[50-65,70-88,90-92,94-99]-XXXX).',
    minDigits: 9,
    patterns: [
      { name: 'dashed', regex: '9\\d{2}-\\d{2}-\\d{4}', score: 0.65, startsAt: firstGroup([3], '-') },
      { name: 'bare', regex: '9\\d{8}', score: 0.2, startsAt: firstGroup([9]) },
    ],
    context: ['itin', 'taxpayer', 'tax id', 'individual taxpayer', 'steuernummer', 'numéro fiscal', 'número de identificación fiscal', 'codice fiscale usa', 'fiscaal nummer', 'número fiscal'],
    validate: validateItin,
    samples: {
      tp: ['912-70-1234', { text: 'ITIN 934901234 for the contractor', value: '934901234' }],
      fp: ['912-40-1234', '812-70-1234', '912-89-1234'],
    },
  },
  {
    id: 'us-passport',
    entity: 'US_PASSPORT',
    description: 'US passport numbers (9 digits, or a letter and 8 digits); context required.',
    keywords: ['passport', 'pass no', 'reisepass', 'passeport', 'pasaporte', 'passaporto', 'paspoort', 'passaporte'],
    minDigits: 8,
    patterns: [
      { name: 'digits', regex: '\\d{9}', score: 0.4, startsAt: firstGroup([9]) },
      { name: 'letter-digits', regex: '[A-Z]\\d{8}', score: 0.45 },
    ],
    context: ['passport', 'passport number', 'passport no', 'pass no', 'reisepass', 'passeport', 'pasaporte', 'passaporto', 'paspoort', 'passaporte'],
    contextRequired: true,
    samples: {
      tp: [{ text: 'Passport number: 505123456', value: '505123456' }, { text: 'US passport A12345678, expires 2031', value: 'A12345678' }],
      fp: ['order 505123456 shipped', 'passport photo taken', 'passport 12345'],
    },
  },
  {
    id: 'us-driver-license',
    entity: 'US_DRIVER_LICENSE',
    description: "US driver's licence numbers (state formats vary); context required.",
    keywords: ['driver', 'licen', 'dl', 'dln', 'führerschein', 'permis', 'conducir', 'patente', 'rijbewijs', 'condução', 'motorista'],
    minDigits: 4,
    patterns: [
      { name: 'letter-digits', regex: '[A-Z]{1,2}\\d{4,12}', score: 0.4 },
      { name: 'digits', regex: '\\d{7,12}', score: 0.3, startsAt: firstGroup([7, 8, 9, 10, 11, 12]) },
      { name: 'florida', regex: '[A-Z]\\d{3}-\\d{3}-\\d{2}-\\d{3}-\\d', score: 0.5 },
    ],
    context: [
      "driver's license", 'drivers license', 'driver license', "driver's licence", 'driving licence', 'dl', 'dl#', 'dln', 'license number', 'licence number',
      'führerschein', 'führerscheinnummer', 'permis de conduire', 'licencia de conducir', 'carnet de conducir', 'patente di guida', 'rijbewijs', 'carta de condução', 'carteira de motorista',
    ],
    contextRequired: true,
    samples: {
      tp: [
        { text: "Driver's license: D1234567", value: 'D1234567' },
        { text: 'DL# 123456789 (CA)', value: '123456789' },
        { text: 'driver license S530-460-56-789-0', value: 'S530-460-56-789-0' },
      ],
      fp: ['license plate ABC', 'driver took 1234 miles', 'software licence fee 99'],
    },
  },
];

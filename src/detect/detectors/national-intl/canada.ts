import type { DetectorSpec, Validation } from '../../spec.js';
import { luhnValid } from '../../validators/luhn.js';
import { wholeNumber } from './pattern-parts.js';
import { firstGroup } from '../../anchors.js';

/**
 * Canadian SIN: 9 digits, Luhn, first digit 1–7 or 9 (0 and 8 are not issued to people),
 * printed 3-3-3. Every form needs a context word: one 9-digit number in ten passes Luhn, and
 * French SIREN company numbers are Luhn-valid 9-digit numbers printed 3-3-3 as well.
 */
function validateSin(value: string): Validation {
  const digits = value.replace(/[ -]/g, '');
  return /^[1-79]\d{8}$/.test(digits) && luhnValid(digits) ? 'confirm' : 'reject';
}

/**
 * Canada-specific names only: "social security number" and "número de seguro social" name
 * the US SSN, "Sozialversicherungsnummer" the German and Austrian numbers.
 */
const SIN_CONTEXT = [
  'sin',
  'sin no',
  'sin number',
  'social insurance number',
  'social insurance',
  "numéro d'assurance sociale",
  'assurance sociale',
  'numéro nas',
  'kanadische sozialversicherungsnummer',
  'número de seguro social canadiense',
  'numero di assicurazione sociale',
  'sociaal verzekeringsnummer',
  'número de seguro social canadense',
];

/** "sin" is inside "single", "since", "business": as a keyword it needs a delimiter. */
const SIN_KEYWORDS = ['sin ', 'sin:', 'sin#', 'sin-', 'sin.', ...SIN_CONTEXT.filter((word) => word.length > 3)];

export const caSin: DetectorSpec = {
  id: 'ca-sin',
  entity: 'CA_SIN',
  description: 'Canadian Social Insurance Number (9 digits, Luhn, printed 3-3-3); context required',
  keywords: SIN_KEYWORDS,
  minDigits: 9,
  patterns: [
    // Runs of groups that end the number: phone numbers such as 416 555 0199 never match.
    { name: 'spaced', regex: wholeNumber('\\d{3}(?: \\d{3}){2,}', ' '), group: 1, score: 0.4, startsAt: firstGroup([3], ' ') },
    { name: 'dashed', regex: wholeNumber('\\d{3}(?:-\\d{3}){2,}', '-'), group: 1, score: 0.4, startsAt: firstGroup([3], '-') },
    { name: 'bare', regex: '[1-79]\\d{8}', score: 0.3, startsAt: firstGroup([9]) },
  ],
  context: SIN_CONTEXT,
  contextRequired: true,
  validate: validateSin,
  samples: {
    tp: [
      { text: 'SIN: 464 542 869', value: '464 542 869' },
      { text: 'Employee social insurance number 718-229-156 on file', value: '718-229-156' },
      { text: 'Kanadische Sozialversicherungsnummer: 910 238 476', value: '910 238 476' },
      { text: "numéro d'assurance sociale 530991876", value: '530991876' },
      { text: 'SIN 464542869 verified', value: '464542869' },
    ],
    fp: [
      'SIN: 464 542 868 (bad check digit)',
      'SIN 046 454 286 starts with 0',
      'SIN 846 454 284 starts with 8',
      'SIREN 732 829 320 (French company, Luhn-valid, no SIN context)',
      'SIN: call 464 542 8690 tomorrow',
      'SIN 464 542 869 123 is longer',
      'order 530991876 shipped',
      'SIN 4645428690 has ten digits',
      'número de seguro social 464542869 (the Spanish name of the US SSN)',
    ],
  },
};

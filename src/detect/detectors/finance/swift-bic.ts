import type { DetectorSpec, Validation } from '../../spec.js';
import { ISO_COUNTRY_CODES } from './iso-countries.js';

/**
 * Structure (ISO 9362): 4-letter bank code, ISO country, 2-character location (first not 0/1,
 * second not the letter O), optional 3-character branch (X only as `XXX`). Plenty of
 * capitalised words fit that shape (DEUTSCHLAND = DEUT·SC·HL·AND, BUSINESS = BUSI·NE·SS),
 * so a value must also look like a code: it contains a digit, or its branch is `XXX`, or its
 * location is a doubled letter (FF Frankfurt, PP Paris, MM Munich, HH Hong Kong) that does
 * not end a common English word (BUSI·NE·SS, FOOT·BA·LL).
 */
export function validateBic(value: string): Validation {
  if (!ISO_COUNTRY_CODES.has(value.slice(4, 6))) return 'reject';
  const location = value.slice(6, 8);
  const branch = value.slice(8);
  if (branch.startsWith('X') && branch !== 'XXX') return 'reject';
  if (/\d/.test(value) || branch === 'XXX') return undefined;
  const doubled = location[0] === location[1];
  return doubled && !WORD_ENDINGS.has(value.slice(4, 8)) ? undefined : 'reject';
}

/** Word endings of the form country + doubled letter, e.g. -NESS (Niger), -BALL (Bosnia). */
const WORD_ENDINGS: ReadonlySet<string> = new Set([
  'NESS', 'RESS', 'ROSS', 'BOSS', 'MOSS', 'PASS', 'LASS', 'MASS', 'BALL', 'CALL', 'MALL', 'GALL', 'SELL', 'DOLL',
]);

export const swiftBic: DetectorSpec = {
  id: 'swift-bic',
  entity: 'SWIFT_BIC',
  description: 'SWIFT/BIC bank identifier code (8 or 11 characters), only next to a SWIFT, BIC or IBAN mention',
  patterns: [{ name: 'bic', regex: '[A-Z]{6}[A-Z2-9][A-NP-Z0-9](?:[A-Z0-9]{3})?', score: 0.5 }],
  keywords: ['swift', 'bic', 'iban', 'bankleitzahl', 'blz'],
  // Even 11-character values need context: DEUTSCHLAND passes every structural rule. Plain
  // "bank" is left out on purpose: "DEUTSCHE BANK" and "BUSINESS BANK" sit right next to it.
  context: ['swift', 'bic', 'swiftbic', 'iban', 'bank identifier code', 'bankleitzahl', 'blz'],
  contextRequired: true,
  validate: validateBic,
  samples: {
    tp: [
      { text: 'BIC: COBADEFFXXX', value: 'COBADEFFXXX' },
      { text: 'SWIFT code BNPAFRPP for the Paris branch', value: 'BNPAFRPP' },
      { text: 'IBAN GB33 BUKB 2020 1555 5555 55, BIC BUKBGB22', value: 'BUKBGB22' },
      { text: 'Beneficiary bank (SWIFT/BIC): CHASUS33XXX', value: 'CHASUS33XXX' },
      { text: 'BIC-Code: INGBNL2A, Bankleitzahl folgt', value: 'INGBNL2A' },
      { text: 'code BIC / SWIFT : SOGEFRPPHCM', value: 'SOGEFRPPHCM' },
      { text: 'swift BYLADEMM1AB for the Munich office', value: 'BYLADEMM1AB' },
    ],
    fp: [
      'SWIFT: payments to DEUTSCHLAND are delayed',
      'BIC lookup returned INFORMATION only',
      'SWIFT transfer for the BUSINESS unit and DEUTSCHE BANK',
      'BIC holder: KINDNESS FOUNDATION, CONGRESS HALL',
      'BIC: COBAZZFFXXX has no such country',
      'BIC COBADEFO ends its location with the letter O',
      'BIC COBADE1F starts its location with 1',
      'SWIFT code COBADEFFX12 has a branch starting with X',
      'Our bank code COBADEFFXXX is listed on the invoice',
      'IBAN lookup: PAYMENTS HANDBOOK',
    ],
  },
};

import type { DetectorSpec } from '../../spec.js';
import { IBAN_LENGTHS, ibanValid } from '../../validators/iban.js';

/**
 * One alternative per IBAN length, listing the countries of that length, with the BBAN
 * in groups of four separated by an optional space or dash. Matching the exact length keeps a
 * printed IBAN from swallowing the word or number that follows it.
 */
function ibanRegex(): string {
  const byLength = new Map<number, string[]>();
  for (const [country, length] of Object.entries(IBAN_LENGTHS)) {
    byLength.set(length, [...(byLength.get(length) ?? []), country]);
  }
  const alternatives = [...byLength.entries()]
    .sort(([a], [b]) => a - b)
    .map(([length, countries]) => {
      const bban = length - 4;
      const rest = bban % 4;
      const groups = `(?:[ -]?[A-Z0-9]{4}){${Math.floor(bban / 4)}}${rest > 0 ? `[ -]?[A-Z0-9]{${rest}}` : ''}`;
      return `(?:${countries.sort().join('|')})\\d{2}${groups}`;
    });
  return `(?:${alternatives.join('|')})`;
}

export const ibanCode: DetectorSpec = {
  id: 'iban',
  entity: 'IBAN_CODE',
  description:
    'International Bank Account Number, compact or printed in groups of four (spaces or dashes), length- and MOD 97-checked',
  patterns: [{ name: 'iban', regex: ibanRegex(), score: 0.5, flags: 'i' }],
  minDigits: 8,
  context: ['iban', 'bank', 'account', 'bankverbindung', 'konto', 'compte', 'conto', 'cuenta', 'rekening'],
  validate: (value) => (ibanValid(value) ? 'confirm' : 'reject'),
  samples: {
    tp: [
      'DE44500105175407324931',
      'GB33BUKB20201555555555',
      'NO7112345678903',
      { text: 'Bitte überweisen Sie auf DE44 5001 0517 5407 3249 31 bis Freitag.', value: 'DE44 5001 0517 5407 3249 31' },
      { text: 'Notre IBAN : FR76 3000 6000 0112 3456 7890 189, merci.', value: 'FR76 3000 6000 0112 3456 7890 189' },
      { text: 'IBAN IT51X0300203280000400162854 (conto corrente)', value: 'IT51X0300203280000400162854' },
      { text: 'rekening NL20 INGB 0001 2345 67 on file', value: 'NL20 INGB 0001 2345 67' },
      { text: 'iban: es9121000418450200051332', value: 'es9121000418450200051332' },
      { text: 'BE35 3101 8071 2345 from the Brussels branch', value: 'BE35 3101 8071 2345' },
      { text: 'Wire to GB33-BUKB-2020-1555-5555-55 today', value: 'GB33-BUKB-2020-1555-5555-55' },
    ],
    fp: [
      'IBAN DE45500105175407324931 has a bad check digit',
      'IBAN DE44 5001 0517 5407 3249 32 (typo in the last digit)',
      'DE4450010517540732493 is one character short',
      'DE445001051754073249311 is one character too long',
      'ZZ44500105175407324931 is not a country',
      'Part number AB12 3456 7890 1234 in stock',
      'IBAN: DE00 0000 0000 0000 0000 00',
    ],
  },
};

import { digitGroups } from '../../anchors.js';
import type { DetectorSpec } from '../../spec.js';
import { atSvnrValid, ukNhsValid } from '../../validators/mod11.js';
import { digitsOf, isValidShortDate, standalone } from './shared.js';

/** Sozialversicherungsnummer: serial, check digit (weights 3-7-9-0-5-8-4-2-1-6 mod 11) and a real DDMMYY. */
export function atSocialSecurityValid(digits: string): boolean {
  if (!atSvnrValid(digits)) return false;
  return isValidShortDate(Number(digits.slice(8, 10)), Number(digits.slice(6, 8)), Number(digits.slice(4, 6)));
}

const SVNR_CONTEXT = [
  'sozialversicherungsnummer', 'sv-nummer', 'sv-nr', 'svnr', 'svnr.', 'versicherungsnummer', 'vsnr', 'e-card',
  'österreichische Sozialversicherungsnummer', 'social security number', 'austrian social security number',
  'numéro de sécurité sociale', 'numéro de sécurité sociale autrichien', 'número de seguridad social',
  'número de la seguridad social austriaca', 'numero di previdenza sociale', 'numero di sicurezza sociale austriaco',
  'sociaal-zekerheidsnummer', 'Oostenrijks sofinummer', 'número de segurança social',
];

export const atDetectors: DetectorSpec[] = [
  {
    id: 'at-svnr',
    entity: 'AT_SVNR',
    description:
      'Austrian Sozialversicherungsnummer: 4-digit serial with check digit, then the birth date DDMMYY (printed "1237 010180"); mod-11 check and a real date.',
    minDigits: 10,
    patterns: [{ name: 'svnr', ...standalone('[1-9]\\d{3} ?\\d{6}', digitGroups([[4, ' '], [10, '']])), score: 0.4 }],
    context: SVNR_CONTEXT,
    validate: (value, { nearContext }) => {
      const digits = digitsOf(value);
      if (!atSocialSecurityValid(digits)) return 'reject';
      // Ten bare digits that also pass the NHS check are confirmed only near an Austrian context word.
      return nearContext || /\D/.test(value) || !ukNhsValid(digits) ? 'confirm' : undefined;
    },
    samples: {
      tp: [
        '1237 010180',
        { text: 'Sozialversicherungsnummer: 9786 300611', value: '9786 300611' },
        { text: 'SV-Nr. 9814120272 (e-card)', value: '9814120272' },
        { text: 'austrian social security number 3394 070979', value: '3394 070979' },
      ],
      fp: [
        'Sozialversicherungsnummer: 1238 010180',
        'SVNR 1237 320180',
        'SVNR 0237 010180',
        'SVNR 1237 01018',
        'Call 4155550132 now',
      ],
    },
  },
];

import { firstGroup } from '../../anchors.js';
import type { DetectorSpec, Validation } from '../../spec.js';
import { deaValid } from '../../validators/dea.js';
import { luhnValid } from '../../validators/luhn.js';
import { wholeNumber } from '../national-intl/pattern-parts.js';

/**
 * NPI: 10 digits starting with 1 or 2, Luhn over the card-issuer prefix 80840 plus the number.
 * One 10-digit number in ten passes, so a provider word is required.
 */
function validateNpi(value: string): Validation {
  return luhnValid(`80840${value}`) ? 'confirm' : 'reject';
}

function validateDea(value: string): Validation {
  return deaValid(value) ? 'confirm' : 'reject';
}

const NPI_CONTEXT = [
  'npi',
  'npi number',
  'national provider identifier',
  'national provider id',
  'provider',
  'prescriber',
  'physician',
  'attending',
  'rendering provider',
  'billing provider',
  'arzt',
  'ärztin',
  'leistungserbringer',
  'verordnender arzt',
  'médecin',
  'prescripteur',
  'praticien',
  'médico',
  'prescriptor',
  'proveedor',
  'medico',
  'prescrittore',
  'huisarts',
  'zorgverlener',
  'voorschrijver',
  'prescritor',
  'prestador',
];

const DEA_CONTEXT = [
  'dea',
  'dea number',
  'dea no',
  'dea#',
  'dea registration',
  'controlled substance',
  'controlled substances',
  'prescriber',
  'betäubungsmittel',
  'verschreiber',
  'stupéfiants',
  'prescripteur',
  'estupefacientes',
  'prescriptor',
  'stupefacenti',
  'prescrittore',
  'opiumwet',
  'voorschrijver',
  'entorpecentes',
  'prescritor',
];

export const usNpi: DetectorSpec = {
  id: 'us-npi',
  entity: 'US_NPI',
  description: 'US National Provider Identifier (10 digits, Luhn with the 80840 prefix); provider context required',
  keywords: NPI_CONTEXT,
  minDigits: 10,
  patterns: [{ name: 'npi', regex: '[12]\\d{9}', score: 0.4, startsAt: firstGroup([10]) }],
  context: NPI_CONTEXT,
  contextRequired: true,
  validate: validateNpi,
  samples: {
    tp: [
      { text: 'NPI: 1234567893', value: '1234567893' },
      { text: 'Rendering provider Dr. Lee, NPI 1928374655, signed the claim', value: '1928374655' },
      { text: 'Verordnender Arzt 1502938479 (US-Klinik)', value: '1502938479' },
      { text: 'médecin prescripteur 1700000007', value: '1700000007' },
    ],
    fp: [
      'NPI: 1234567890 (bad check digit)',
      'order 1234567893 shipped',
      'provider phone 3125550143',
      'NPI 123456789 (nine digits)',
      'provider id 12345678931 is too long',
    ],
  },
};

/** Context words can be short ("dea" is in "deadline", "idea"), so keywords carry a delimiter. */
const DEA_KEYWORDS = [
  'dea ',
  'dea:',
  'dea#',
  'dea-',
  'dea.',
  'dea,',
  'dea)',
  ...DEA_CONTEXT.filter((word) => word.length > 3),
];

export const usDea: DetectorSpec = {
  id: 'us-dea',
  entity: 'US_DEA',
  description: 'US DEA registration number (2 letters + 7 digits with check digit); context required',
  keywords: DEA_KEYWORDS,
  minDigits: 7,
  // Ending the token: 'ES8898680' inside an IBAN never matches.
  patterns: [{ name: 'dea', regex: wholeNumber('[ABCDEFGHJKLMPRSTUX][A-Z9]\\d{7}'), group: 1, score: 0.5 }],
  context: DEA_CONTEXT,
  contextRequired: true,
  validate: validateDea,
  samples: {
    tp: [
      { text: 'DEA: AP5836727', value: 'AP5836727' },
      { text: 'Prescriber DEA number BJ9182736 verified for Schedule II', value: 'BJ9182736' },
      { text: 'DEA-Nummer FM2468014 des verschreibenden Arztes', value: 'FM2468014' },
      { text: 'número DEA del prescriptor M91305792', value: 'M91305792' },
    ],
    fp: [
      'DEA: AB4523763 (bad check digit)',
      'DEA: IP5836727 (I is no registrant type)',
      'SKU AP5836727 restocked',
      'DEA ap5836727 lower case',
      'DEA number pending',
      'DEA check on IBAN ES8898680049670',
    ],
  },
};

import { digitGroups } from '../../anchors.js';
import type { DetectorSpec } from '../../spec.js';
import { nlBsnValid } from '../../validators/mod11.js';
import { checksum, digitsOf, isRepdigit, standalone } from './shared.js';

const BSN_CONTEXT = [
  'bsn', 'burgerservicenummer', 'burger service nummer', 'burgerservicenr', 'sofinummer', 'sofi-nummer', 'sofi nummer',
  'citizen service number', 'dutch social security number', 'Bürgerservicenummer', 'niederländische Sozialversicherungsnummer',
  'numéro de service citoyen', 'numéro BSN', 'número de servicio al ciudadano', 'número BSN', 'numero di servizio al cittadino',
  'numero BSN', 'número de serviço ao cidadão', 'número de cidadão',
];

export const nlDetectors: DetectorSpec[] = [
  {
    id: 'nl-bsn',
    entity: 'NL_BSN',
    description:
      'Dutch burgerservicenummer: 9 digits (compact, 3-3-3 or 4.2.3), elfproef with weight −1 on the last digit; context required since one random number in eleven passes.',
    keywords: BSN_CONTEXT,
    minDigits: 9,
    patterns: [
      {
        name: 'bsn',
        ...standalone('\\d{4}\\.\\d{2}\\.\\d{3}|\\d{3} ?\\d{3} ?\\d{3}', digitGroups([[4, '.'], [3, ' '], [6, ' '], [9, '']])),
        score: 0.4,
      },
    ],
    context: BSN_CONTEXT,
    contextRequired: true,
    validate: (value) => {
      const digits = digitsOf(value);
      return isRepdigit(digits) ? 'reject' : checksum(nlBsnValid(digits));
    },
    samples: {
      tp: [
        { text: 'BSN: 111222333', value: '111222333' },
        { text: 'burgerservicenummer 1894.21.988 van de klant', value: '1894.21.988' },
        { text: 'Citizen service number 353 864 985 verified', value: '353 864 985' },
        { text: 'sofinummer: 751515826', value: '751515826' },
      ],
      fp: ['BSN: 111222334', 'BSN 000000000', 'BSN 12345678', 'Order 111222333 shipped', 'BSN: 353 864 986'],
    },
  },
];

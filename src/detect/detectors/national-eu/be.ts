import { digitGroups } from '../../anchors.js';
import type { DetectorSpec } from '../../spec.js';
import { beNationalNumberValid, elevenDigitVerdict } from './eleven-digits.js';
import { digitsOf, standalone } from './shared.js';

const NN_CONTEXT = [
  'rijksregisternummer', 'rijksregister', 'nationaal nummer', 'insz', 'insz-nummer', 'niss', 'bis-nummer', 'numéro bis',
  'numéro de registre national', 'registre national', 'numéro national', 'national number', 'national register number',
  'belgian national number', 'Nationalregisternummer', 'belgische Nationalnummer', 'número de registro nacional',
  'número nacional belga', 'numero di registro nazionale', 'numero nazionale belga', 'número de registo nacional',
];

export const beDetectors: DetectorSpec[] = [
  {
    id: 'be-national-number',
    entity: 'BE_NATIONAL_NUMBER',
    description:
      'Belgian national register (and BIS) number: YY.MM.DD-XXX.CC or 11 digits, mod 97 key including the post-2000 "2" prefix rule.',
    minDigits: 11,
    patterns: [
      {
        name: 'national-number',
        ...standalone('\\d{2}\\.?\\d{2}\\.?\\d{2}[-. ]?\\d{3}[-. ]?\\d{2}', digitGroups([[2, '.'], [4, '.'], [6, '-. '], [9, '-. '], [11, '']])),
        score: 0.45,
      },
    ],
    context: NN_CONTEXT,
    validate: (value, { nearContext }) => {
      const digits = digitsOf(value);
      // The printed form YY.MM.DD-XXX.CC is Belgian whatever else the digits pass.
      return elevenDigitVerdict(beNationalNumberValid(digits), digits, nearContext || /\D/.test(value));
    },
    samples: {
      tp: [
        '85.07.30-033.28',
        { text: 'Rijksregisternummer: 40.02.20-391.57', value: '40.02.20-391.57' },
        { text: 'numéro de registre national 02.04.25-752.52 (né en 2002)', value: '02.04.25-752.52' },
        { text: 'INSZ 47110874579 bevestigd', value: '47110874579' },
      ],
      fp: [
        'Rijksregisternummer: 40.02.20-391.58',
        'Rijksregisternummer: 40.13.20-391.57',
        'Rijksregisternummer: 40.02.20-391.5',
        'Order 85073003329 shipped',
        'Meeting 12.05.23 123.45 EUR',
      ],
    },
  },
];

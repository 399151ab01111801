import { firstGroup } from '../../anchors.js';
import type { DetectorSpec } from '../../spec.js';
import { elevenDigitVerdict, peselValid } from './eleven-digits.js';
import { digitsOf, standalone } from './shared.js';

const PESEL_CONTEXT = [
  'pesel', 'numer pesel', 'nr pesel', 'nr. pesel', 'numer ewidencyjny', 'polish national identification number',
  'polish id number', 'PESEL-Nummer', 'polnische Identifikationsnummer', 'numéro PESEL', "numéro d'identification polonais",
  'número PESEL', 'número de identificación polaco', 'numero PESEL', 'codice identificativo polacco', 'PESEL-nummer',
  'Pools identificatienummer', 'número de identificação polaco',
];

export const plDetectors: DetectorSpec[] = [
  {
    id: 'pl-pesel',
    entity: 'PL_PESEL',
    description: 'Polish PESEL: 11 digits, a real birth date (1900-2099 encodings) and the 1-3-7-9 weighted check digit.',
    minDigits: 11,
    patterns: [{ name: 'pesel', ...standalone('\\d{11}', firstGroup([11])), score: 0.4 }],
    context: PESEL_CONTEXT,
    validate: (value, { nearContext }) => {
      const digits = digitsOf(value);
      return elevenDigitVerdict(peselValid(digits), digits, nearContext);
    },
    samples: {
      tp: [
        '44051401359',
        { text: 'PESEL: 54090350541', value: '54090350541' },
        { text: 'Numer PESEL pacjenta 09292283991 (urodzony 2009)', value: '09292283991' },
        { text: 'polish id number 36041391773 verified', value: '36041391773' },
      ],
      fp: ['PESEL: 44051401358', 'PESEL 44053401359', 'PESEL 4405140135', 'PESEL 440514013590', 'Call 07700900123 now'],
    },
  },
];

import { digitGroups } from '../../anchors.js';
import type { DetectorSpec } from '../../spec.js';
import { deTaxIdValid, elevenDigitVerdict } from './eleven-digits.js';
import { checksum, digitsOf, letterLed, standalone } from './shared.js';

/** Letters of the Personalausweis serial alphabet (no vowels, no look-alikes). */
export const ID_CARD_LETTERS = 'CFGHJKLMNPRTVWXYZ';
const MRZ_WEIGHTS = [7, 3, 1];

/** ICAO 9303 check digit (weights 7-3-1, A=10 … Z=35) of a document number. */
export function mrzCheckDigit(value: string): number | null {
  let sum = 0;
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    const v = c >= 48 && c <= 57 ? c - 48 : c >= 65 && c <= 90 ? c - 55 : -1;
    if (v < 0) return null;
    sum += v * (MRZ_WEIGHTS[i % 3] as number);
  }
  return sum % 10;
}

/** Personalausweis serial (9 characters of the card alphabet) followed by its check digit. */
export function deIdCardValid(value: string): boolean {
  if (!/^[CFGHJKLMNPRTVWXYZ][CFGHJKLMNPRTVWXYZ0-9]{8}\d$/.test(value)) return false;
  return mrzCheckDigit(value.slice(0, 9)) === value.charCodeAt(9) - 48;
}

const TAX_ID_CONTEXT = [
  'steuer-id', 'steuerid', 'steuer-idnr', 'steuer-identifikationsnummer', 'steueridentifikationsnummer',
  'steuerliche identifikationsnummer', 'identifikationsnummer', 'idnr', 'id-nr', 'tin', 'tax id', 'tax identification number',
  'german tax id', "numéro d'identification fiscale", 'identifiant fiscal', 'número de identificación fiscal',
  'codice di identificazione fiscale', 'codice fiscale tedesco', 'fiscaal identificatienummer', 'número de identificação fiscal',
];

const ID_CARD_CONTEXT = [
  'personalausweis', 'personalausweisnummer', 'ausweisnummer', 'ausweis-nr', 'ausweisnr', 'ausweis', 'perso', 'id card',
  'identity card', 'id card number', 'german id', "carte d'identité", "numéro de carte d'identité", 'documento de identidad',
  'dni alemán', "carta d'identità", 'identiteitskaart', 'identiteitsbewijs', 'cartão de identidade', 'bilhete de identidade',
];

export const deDetectors: DetectorSpec[] = [
  {
    id: 'de-tax-id',
    entity: 'DE_TAX_ID',
    description:
      'German Steuer-Identifikationsnummer: 11 digits, compact or printed 2-3-3-3; digit-repetition rule and ISO 7064 MOD 11,10 check.',
    minDigits: 11,
    patterns: [{ name: 'tax-id', ...standalone('[1-9]\\d(?: ?\\d{3}){3}', digitGroups([[2, ' '], [5, ' '], [8, ' '], [11, '']])), score: 0.4 }],
    context: TAX_ID_CONTEXT,
    validate: (value, { nearContext }) => {
      const digits = digitsOf(value);
      // The printed form 12 345 678 901 is German whatever else the digits pass.
      return elevenDigitVerdict(deTaxIdValid(digits), digits, nearContext || /\D/.test(value));
    },
    samples: {
      tp: [
        '36574261809',
        { text: 'Steuer-ID: 36 574 261 809', value: '36 574 261 809' },
        { text: 'Ihre Steueridentifikationsnummer 86095742719 finden Sie auf dem Bescheid.', value: '86095742719' },
        { text: 'tax id 47 036 892 816 (employee)', value: '47 036 892 816' },
      ],
      fp: [
        'Steuer-ID: 36574261890',
        'Steuer-ID: 36554266806',
        'Steuer-ID 06574261809',
        'Steuer-ID 3657426180',
        'Steuer-ID 11111111116',
        'Order 12345678901 shipped',
      ],
    },
  },
  {
    id: 'de-id-card',
    entity: 'DE_ID_CARD',
    description:
      'German Personalausweis number since 2010: 9-character serial (letter first, alphabet CFGHJKLMNPRTVWXYZ0-9) and its 7-3-1 check digit; context required.',
    keywords: ID_CARD_CONTEXT,
    minDigits: 1,
    patterns: [
      {
        name: 'serial-check',
        ...standalone('[CFGHJKLMNPRTVWXYZ][CFGHJKLMNPRTVWXYZ0-9]{8}\\d', letterLed('CFGHJKLMNPRTVWXYZ', [10])),
        score: 0.5,
      },
    ],
    context: ID_CARD_CONTEXT,
    contextRequired: true,
    validate: (value) => checksum(deIdCardValid(value)),
    samples: {
      tp: [
        { text: 'Personalausweis T220001293 (Mustermann)', value: 'T220001293' },
        { text: 'Ausweisnummer: L01X00T471, gültig bis 2031', value: 'L01X00T471' },
        { text: 'identity card number LZ6311T475 checked at the desk', value: 'LZ6311T475' },
      ],
      fp: [
        'Personalausweis T220001294',
        'Personalausweis T22000129',
        'Personalausweis A220001293',
        'Ticket T220001293 closed',
        'Ausweis: TXXXXXXXX0',
      ],
    },
  },
];

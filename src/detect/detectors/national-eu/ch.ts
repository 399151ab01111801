import { digitRun } from '../../anchors.js';
import type { DetectorSpec } from '../../spec.js';
import { isDigits, weightedSum } from '../../validators/mod11.js';
import { checksum, digitsOf, standalone } from './shared.js';

const EAN13_WEIGHTS = [1, 3, 1, 3, 1, 3, 1, 3, 1, 3, 1, 3];

export function ean13CheckDigit(payload: string): number {
  return (10 - (weightedSum(payload, EAN13_WEIGHTS) % 10)) % 10;
}

/** AHV-Nummer (AHVN13): the Swiss country code 756, nine digits and an EAN-13 check digit. */
export function chAhvValid(digits: string): boolean {
  return isDigits(digits, 13) && digits.startsWith('756') && ean13CheckDigit(digits.slice(0, 12)) === digits.charCodeAt(12) - 48;
}

const AHV_CONTEXT = [
  'ahv', 'ahv-nummer', 'ahv-nr', 'ahvn13', 'ahv nr', 'avs', 'numéro avs', 'n° avs', 'no avs', 'avs-nummer', 'numero avs',
  'nr. avs', 'sozialversicherungsnummer', 'Versichertennummer', 'social security number', 'swiss social security number',
  'oasi number', 'número avs', 'número de seguridad social suizo', 'numero di assicurazione sociale', 'sofinummer',
  'Zwitsers sociaal verzekeringsnummer', 'número de segurança social',
];

export const chDetectors: DetectorSpec[] = [
  {
    id: 'ch-ahv',
    entity: 'CH_AHV',
    description: 'Swiss AHV / AVS number (AHVN13): 756.XXXX.XXXX.XX, compact or spaced, EAN-13 check digit.',
    minDigits: 13,
    patterns: [{ name: 'ahv', ...standalone('756[. ]?\\d{4}[. ]?\\d{4}[. ]?\\d{2}', digitRun(13)), score: 0.5 }],
    context: AHV_CONTEXT,
    validate: (value) => checksum(chAhvValid(digitsOf(value))),
    samples: {
      tp: [
        '756.9217.0769.85',
        { text: 'AHV-Nummer: 756.0448.5805.24', value: '756.0448.5805.24' },
        { text: 'numéro AVS 7561553282761 (assuré)', value: '7561553282761' },
        { text: 'social security number 756 4333 1247 87', value: '756 4333 1247 87' },
      ],
      fp: [
        'AHV-Nummer: 756.0448.5805.25',
        'AHV 757.0448.5805.24',
        'AHV 756.0448.5805.2',
        'EAN 7561553282762',
        'AHV 756.0000.0000.00 1',
      ],
    },
  },
];

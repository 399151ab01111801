import { digitGroups } from '../../anchors.js';
import type { DetectorSpec } from '../../spec.js';
import { ukNhsValid } from '../../validators/mod11.js';
import { checksum, compactOf, digitsOf, isRepdigit, letterLed, standalone } from './shared.js';

/** HMRC never allocates these prefixes (administrative, temporary or reserved). */
const NINO_INVALID_PREFIXES = new Set(['BG', 'GB', 'NK', 'KN', 'TN', 'NT', 'ZZ']);

const NINO_CONTEXT = [
  'national insurance', 'national insurance number', 'national insurance no', 'ni number', 'ni no', 'ni', 'nino', 'nin',
  'hmrc', 'britische Sozialversicherungsnummer', 'Versicherungsnummer', "numéro d'assurance nationale",
  'assurance nationale', 'número de seguro nacional', 'seguro nacional', 'numero di assicurazione nazionale',
  'assicurazione nazionale', 'nationaal verzekeringsnummer', 'número de segurança social', 'seguro social britânico',
];

const NHS_CONTEXT = [
  'nhs', 'nhs number', 'nhs no', 'national health service', 'chi number', 'health and care number', 'patient number',
  'NHS-Nummer', 'Patientennummer', 'numéro NHS', 'numéro de patient', 'número NHS', 'número de paciente',
  'numero NHS', 'numero del paziente', 'NHS-nummer', 'patiëntnummer', 'número de utente', 'número do paciente',
];

export const ukDetectors: DetectorSpec[] = [
  {
    id: 'uk-nino',
    entity: 'UK_NINO',
    description:
      'UK National Insurance number: two prefix letters (no D F I Q U V, second not O, not BG GB NK KN TN NT ZZ), six digits, suffix A–D, compact or spaced; no checksum, so context is required.',
    keywords: NINO_CONTEXT,
    minDigits: 6,
    patterns: [
      {
        name: 'nino',
        ...standalone('[A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z] ?\\d{2} ?\\d{2} ?\\d{2} ?[A-D]', letterLed('ABCEGHJKLMNOPRSTWXYZ', [2, 4, 6, 8, 9])),
        score: 0.6,
      },
    ],
    context: NINO_CONTEXT,
    contextRequired: true,
    validate: (value) => (NINO_INVALID_PREFIXES.has(compactOf(value).slice(0, 2)) ? 'reject' : undefined),
    samples: {
      tp: [
        { text: 'National Insurance number: AB 12 34 56 C', value: 'AB 12 34 56 C' },
        { text: 'NI number JM284615D on the P45', value: 'JM284615D' },
        { text: 'NINO: ZA 483920 B (employee moved from Leeds)', value: 'ZA 483920 B' },
        { text: 'britische Sozialversicherungsnummer: PE 71 90 33 A', value: 'PE 71 90 33 A' },
      ],
      fp: [
        'National Insurance number: QQ 12 34 56 C',
        'NI number GB123456A is not issued',
        'NINO: AO 12 34 56 C',
        'NI number AB 12 34 56 E',
        'NI number AB 12 34 5 C',
        'Order AB123456C shipped',
        'NI number DA 12 34 56 C',
      ],
    },
  },
  {
    id: 'uk-nhs',
    entity: 'UK_NHS',
    description:
      'UK NHS number (also Scottish CHI and Northern Irish H&C numbers): 10 digits, modulus 11 check, printed 3-3-4; context required since one random number in eleven passes.',
    keywords: NHS_CONTEXT,
    minDigits: 10,
    patterns: [{ name: 'nhs', ...standalone('\\d{3}[ -]?\\d{3}[ -]?\\d{4}', digitGroups([[3, ' -'], [6, ' -'], [10, '']])), score: 0.5 }],
    context: NHS_CONTEXT,
    contextRequired: true,
    validate: (value) => {
      const digits = digitsOf(value);
      return isRepdigit(digits) ? 'reject' : checksum(ukNhsValid(digits));
    },
    samples: {
      tp: [
        { text: 'NHS number: 943 476 5919', value: '943 476 5919' },
        { text: 'Patient NHS no 4010232137, GP surgery in Leeds', value: '4010232137' },
        { text: 'NHS-Nummer des Patienten: 788-992-1349', value: '788-992-1349' },
      ],
      fp: [
        'NHS number: 943 476 5918',
        'NHS number: 000 000 0000',
        'NHS number: 943 476 591',
        'Call the NHS helpline on 415 555 0132',
        'Invoice 9434765919 paid',
      ],
    },
  },
];

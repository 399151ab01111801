import { firstGroup } from '../../anchors.js';
import type { DetectorSpec } from '../../spec.js';
import { iePpsnValid } from '../../validators/check-letter.js';
import { checksum, compactOf, standalone } from './shared.js';

const PPSN_CONTEXT = [
  'pps', 'ppsn', 'pps number', 'pps no', 'ppsno', 'personal public service number', 'rsi number', 'rsi no',
  'revenue and social insurance number', 'irish social security number', 'irische Sozialversicherungsnummer', 'PPS-Nummer',
  'numéro PPS', 'numéro de service public personnel', 'número PPS', 'número de servicio público personal', 'numero PPS',
  'PPS-nummer', 'Iers sofinummer', 'número de serviço público pessoal',
];

export const ieDetectors: DetectorSpec[] = [
  {
    id: 'ie-ppsn',
    entity: 'IE_PPSN',
    description:
      'Irish PPS number: 7 digits, mod-23 check letter and an optional second letter (A, B, H; W on old numbers) that counts 9 × its value.',
    minDigits: 7,
    patterns: [{ name: 'ppsn', ...standalone('\\d{7}[A-W][ABHW]?', firstGroup([8, 9])), score: 0.5 }],
    context: PPSN_CONTEXT,
    validate: (value) => checksum(iePpsnValid(compactOf(value))),
    samples: {
      tp: [
        '1234567FA',
        { text: 'PPS number: 6240175F', value: '6240175F' },
        { text: 'PPSN 9677894HH on the form', value: '9677894HH' },
        { text: 'Personal Public Service Number 1234567TW (issued before 2013)', value: '1234567TW' },
      ],
      fp: ['PPS number: 6240175G', 'PPSN 1234567TA', 'PPSN 123456T', 'PPSN 1234567FZ', 'Ticket 12345678 open'],
    },
  },
];

import { digitGroups } from '../../anchors.js';
import type { DetectorSpec } from '../../spec.js';
import { ptNifValid } from '../../validators/mod11.js';
import { checksum, digitsOf, standalone } from './shared.js';

const NIF_CONTEXT = [
  'nif', 'nipc', 'número de contribuinte', 'nº de contribuinte', 'n.º contribuinte', 'contribuinte',
  'número de identificação fiscal', 'número fiscal', 'portuguese tax number', 'portuguese tax id', 'taxpayer number',
  'portugiesische Steuernummer', 'Steuernummer', 'numéro fiscal portugais', 'numéro de contribuable',
  'número de identificación fiscal portugués', 'codice fiscale portoghese', 'Portugees fiscaal nummer', 'fiscaal nummer',
];

export const ptDetectors: DetectorSpec[] = [
  {
    id: 'pt-nif',
    entity: 'PT_NIF',
    description:
      'Portuguese NIF / NIPC: 9 digits (compact or 3-3-3) with an allocated leading digit and the mod-11 check digit; context required since one random number in eleven passes.',
    keywords: NIF_CONTEXT,
    minDigits: 9,
    patterns: [{ name: 'nif', ...standalone('\\d{3} ?\\d{3} ?\\d{3}', digitGroups([[3, ' '], [6, ' '], [9, '']])), score: 0.4 }],
    context: NIF_CONTEXT,
    contextRequired: true,
    validate: (value) => checksum(ptNifValid(digitsOf(value))),
    samples: {
      tp: [
        { text: 'NIF: 358 615 690', value: '358 615 690' },
        { text: 'Número de contribuinte 539126870 da empresa', value: '539126870' },
        { text: 'NIPC 675 200 504', value: '675 200 504' },
      ],
      fp: ['NIF: 358 615 691', 'NIF 039126870', 'NIF 412345670', 'Order 539126870 shipped', 'NIF 35861569'],
    },
  },
];

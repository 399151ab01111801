import { firstGroup, wordOfLength } from '../../anchors.js';
import type { DetectorSpec } from '../../spec.js';
import { itFiscalCodeChecksumValid, itFiscalCodeDecodeOmocodia } from '../../validators/check-letter.js';
import { itVatValid } from './eleven-digits.js';
import { checksum, digitsOf, isValidShortDate, standalone } from './shared.js';

export const IT_MONTH_LETTERS = 'ABCDEHLMPRST';

/** Codice fiscale: shape, check character, and a real birth date (day + 40 for women) once omocodia is undone. */
export function itFiscalCodeValid(value: string): boolean {
  const code = value.toUpperCase();
  if (!itFiscalCodeChecksumValid(code)) return false;
  const decoded = itFiscalCodeDecodeOmocodia(code);
  const month = IT_MONTH_LETTERS.indexOf(decoded[8] as string) + 1;
  const dayField = Number(decoded.slice(9, 11));
  const day = dayField > 40 ? dayField - 40 : dayField;
  return isValidShortDate(Number(decoded.slice(6, 8)), month, day);
}

const FISCAL_CODE_CONTEXT = [
  'codice fiscale', 'cod. fisc.', 'cod fisc', 'c.f.', 'cf', 'tessera sanitaria', 'italian tax code', 'tax code',
  'fiscal code', 'italienische Steuernummer', 'Steuernummer', 'code fiscal', 'code fiscal italien', 'código fiscal',
  'código fiscal italiano', 'fiscale code', 'Italiaans fiscaal nummer', 'número fiscal', 'número de contribuinte italiano',
];

const VAT_CONTEXT = [
  'partita iva', 'p.iva', 'p. iva', 'p.i.', 'piva', 'iva', 'vat', 'vat number', 'vat no', 'vat id', 'italian vat',
  'ust-idnr', 'umsatzsteuer-id', 'Umsatzsteuer-Identifikationsnummer', 'tva', 'numéro de tva', 'número de iva', 'nif-iva',
  'btw', 'btw-nummer', 'número de iva italiano', 'número de contribuinte',
];

export const itDetectors: DetectorSpec[] = [
  {
    id: 'it-fiscal-code',
    entity: 'IT_FISCAL_CODE',
    description:
      'Italian codice fiscale: 16 characters (surname, name, birth date and place, check character), omocodia substitutions allowed, any case.',
    patterns: [
      {
        name: 'codice-fiscale',
        regex: '[A-Z]{6}[0-9LMNP-V]{2}[ABCDEHLMPRST][0-9LMNP-V]{2}[A-Z][0-9LMNP-V]{3}[A-Z]',
        score: 0.5,
        flags: 'i',
        // a whole word of 16 characters
        startsAt: wordOfLength([16]),
      },
    ],
    context: FISCAL_CODE_CONTEXT,
    validate: (value) => checksum(itFiscalCodeValid(value)),
    samples: {
      tp: [
        'RSSMRA85T10A562S',
        { text: 'Codice fiscale: VNCZCO58R08L991F', value: 'VNCZCO58R08L991F' },
        { text: 'CF gcpmla51r69a480z (cliente)', value: 'gcpmla51r69a480z' },
        { text: 'omocodia: RSSMRA85T10A56NH registrato', value: 'RSSMRA85T10A56NH' },
        { text: 'italian tax code ZNVGGL87C10A047D on file', value: 'ZNVGGL87C10A047D' },
      ],
      fp: [
        'Codice fiscale: RSSMRA85T10A562T',
        'Codice fiscale: RSSMRA85T50A562S',
        'Codice fiscale: RSSMRA85T10A562',
        'Codice fiscale: RSSMRA85Z10A562S',
        'ABCDEFGHIJKLMNOP',
      ],
    },
  },
  {
    id: 'it-vat',
    entity: 'IT_VAT',
    description:
      'Italian partita IVA without the IT prefix: 11 digits, Luhn and provincial office code; context required since one random number in ten passes.',
    keywords: VAT_CONTEXT,
    minDigits: 11,
    patterns: [{ name: 'partita-iva', ...standalone('\\d{11}', firstGroup([11])), score: 0.4 }],
    context: VAT_CONTEXT,
    contextRequired: true,
    validate: (value) => checksum(itVatValid(digitsOf(value))),
    samples: {
      tp: [
        { text: 'Partita IVA 34460860090', value: '34460860090' },
        { text: 'P.IVA: 33779990671 - sede di Milano', value: '33779990671' },
        { text: 'VAT number 55517630285 (Italian branch)', value: '55517630285' },
      ],
      fp: [
        'Partita IVA 34460860091',
        'Partita IVA 3446086009',
        'Partita IVA 34460861290',
        'Order 34460860090 shipped',
        'P.IVA 00000000000',
      ],
    },
  },
];

import type { DetectorSpec } from '../../spec.js';
import { compactVat, euVatValid } from '../../validators/eu-vat.js';
import type { StartsAt } from '../../anchors.js';
import { standalone } from './shared.js';

/**
 * National part of each VAT number after its prefix, with the separators printed forms
 * use. Longer alternatives come first: RE2 picks the first alternative that matches, and a
 * shorter one would leave digits glued to the match, which the boundary check rejects.
 */
const NATIONAL_PARTS: ReadonlyArray<readonly [string[], string]> = [
  [['AT'], 'U ?\\d{8}'],
  [['BE'], '[01]\\d{3}[. ]?\\d{3}[. ]?\\d{3}'],
  [['BG'], '\\d{9,10}'],
  [['CY'], '\\d{8}[A-Z]'],
  [['CZ'], '\\d{8,10}'],
  [['DE', 'PT'], '\\d{3} ?\\d{3} ?\\d{3}'],
  [['DK'], '\\d{2} ?\\d{2} ?\\d{2} ?\\d{2}'],
  [['EE'], '10\\d{7}'],
  [['EL', 'GR'], '\\d{9}'],
  [['ES'], '[0-9A-Z]-?\\d{7}-?[0-9A-Z]'],
  [['FI', 'HU', 'LU', 'MT', 'SI'], '\\d{8}'],
  [['FR'], '[0-9A-HJ-NP-Z]{2} ?\\d{3} ?\\d{3} ?\\d{3}'],
  [['HR', 'IT', 'LV'], '\\d{11}'],
  [['IE'], '\\d[0-9A-Z+*]\\d{5}[A-W][A-IW]?'],
  [['LT'], '\\d{12}|\\d{9}'],
  [['NL'], '\\d{4}\\.?\\d{2}\\.?\\d{3}\\.?B\\.?\\d{2}'],
  [['PL'], '\\d{3}[- ]?(?:\\d{3}[- ]?\\d{2}[- ]?\\d{2}|\\d{2}[- ]?\\d{2}[- ]?\\d{3})'],
  [['RO'], '[1-9]\\d{5,9}'],
  [['SE'], '\\d{10} ?01'],
  [['SK'], '\\d{10}'],
  [['GB', 'XI'], '\\d{3} ?\\d{4} ?\\d{2}(?: ?\\d{3})?'],
];

const VAT_PREFIXES = new Set(NATIONAL_PARTS.flatMap(([prefixes]) => prefixes));
/** The word opens with a country prefix: "DE" before a space or dash, or "DE123456789" whole. */
/** 1 at [first letter - 65][second letter - 65] for every two-letter country prefix. */
const PREFIX_TABLE = new Uint8Array(26 * 26);
for (const p of VAT_PREFIXES) PREFIX_TABLE[(p.charCodeAt(0) - 65) * 26 + (p.charCodeAt(1) - 65)] = 1;
const opensWithVatPrefix = (text: string, start: number, end: number): boolean => {
  if (end - start < 2) return false;
  const a = text.charCodeAt(start) - 65;
  const b = text.charCodeAt(start + 1) - 65;
  return a >= 0 && a < 26 && b >= 0 && b < 26 && PREFIX_TABLE[a * 26 + b] === 1;
};
const startsWithVatPrefix: StartsAt = Object.assign(opensWithVatPrefix, {
  index: { firstChars: [...new Set([...VAT_PREFIXES].map((p) => p[0]))].join(''), filter: opensWithVatPrefix },
});
const VAT_REGEX = NATIONAL_PARTS.map(([prefixes, national]) => `(?:${prefixes.join('|')})[ -]?(?:${national})`).join('|');

const VAT_CONTEXT = [
  'vat', 'vat number', 'vat no', 'vat id', 'vat reg', 'vat registration number', 'tax id', 'ust-idnr', 'ust-id', 'ust.-idnr',
  'ustidnr', 'umsatzsteuer-identifikationsnummer', 'umsatzsteuer-id', 'uid', 'uid-nummer', 'mwst', 'tva', 'n° tva',
  'numéro de tva', 'tva intracommunautaire', 'iva', 'partita iva', 'p.iva', 'nif-iva', 'número de iva', 'cif', 'nif',
  'btw', 'btw-nummer', 'btw-id', 'nipc', 'número de contribuinte', 'moms', 'momsnummer', 'momsregistreringsnummer', 'cvr',
  'alv', 'alv-numero', 'nip', 'dič', 'dph', 'ddv', 'pvm', 'pvn', 'áfa', 'afm', 'kmkr', 'oib', 'cui', 'eik',
];

export const vatDetectors: DetectorSpec[] = [
  {
    id: 'eu-vat',
    entity: 'EU_VAT',
    description:
      'VAT identification numbers with their country prefix: the 27 EU states (EL/GR), XI and GB. Checksums for all but BG, CY, CZ, LT and LV, whose numbers are kept only near a VAT context word.',
    minDigits: 6,
    patterns: [{ name: 'prefixed', ...standalone(VAT_REGEX, startsWithVatPrefix), score: 0.5 }],
    context: VAT_CONTEXT,
    validate: (value, { nearContext }) => {
      const valid = euVatValid(compactVat(value));
      if (valid === true) return 'confirm';
      if (valid === false) return 'reject';
      return nearContext ? undefined : 'reject';
    },
    samples: {
      tp: [
        'DE984807634',
        { text: 'USt-IdNr.: DE 136695976', value: 'DE 136695976' },
        { text: 'TVA intracommunautaire FR 40 303 265 045', value: 'FR 40 303 265 045' },
        { text: 'Partita IVA IT00743110157 - Milano', value: 'IT00743110157' },
        { text: 'BTW-nummer NL806753742B01', value: 'NL806753742B01' },
        { text: 'VAT: BE 0631588873', value: 'BE 0631588873' },
        { text: 'UID ATU13585627', value: 'ATU13585627' },
        { text: 'NIF-IVA ESB15770795', value: 'ESB15770795' },
        { text: 'VAT IE 0904525GH', value: 'IE 0904525GH' },
        { text: 'VAT reg GB457929648', value: 'GB457929648' },
        { text: 'momsregistreringsnummer SE377252442101', value: 'SE377252442101' },
        { text: 'NIP PL 584-030-44-72', value: 'PL 584-030-44-72' },
        { text: 'VAT number CZ 25123891 (Czech supplier)', value: 'CZ 25123891' },
      ],
      fp: [
        'USt-IdNr.: DE 136695977',
        'VAT FR 41 303 265 045',
        'IT00743110158',
        'NL806753743B01',
        'CZ 25123891 is a part number',
        'VAT: DE 13669597',
        'ZZ123456789',
        'Ticket DE-4521 opened',
      ],
    },
  },
];

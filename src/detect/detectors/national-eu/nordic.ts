import { digitGroups } from '../../anchors.js';
import type { DetectorSpec } from '../../spec.js';
import { fiHetuCheckChar } from '../../validators/check-letter.js';
import { luhnValid } from '../../validators/luhn.js';
import { isDigits } from '../../validators/mod11.js';
import { digitsOf, isValidDate, isValidShortDate, standalone } from './shared.js';

/**
 * Swedish personnummer / samordningsnummer (day + 60): YYMMDD or YYYYMMDD, a 3-digit
 * serial and a Luhn check digit computed over the 10-digit form. `long` tells whether the
 * century was written out, which rules out the Danish CPR (DDMMYY) reading.
 */
export function sePersonnummerCheck(value: string): { valid: boolean; long: boolean } {
  const digits = digitsOf(value);
  const long = digits.length === 12;
  if (!long && digits.length !== 10) return { valid: false, long };
  const short = long ? digits.slice(2) : digits;
  const month = Number(short.slice(2, 4));
  const dayField = Number(short.slice(4, 6));
  const day = dayField > 60 ? dayField - 60 : dayField;
  const century = Number(digits.slice(0, 2));
  const dateOk = long
    ? century >= 18 && century <= 20 && isValidDate(Number(digits.slice(0, 4)), month, day)
    : isValidShortDate(Number(short.slice(0, 2)), month, day);
  return { valid: dateOk && luhnValid(short), long };
}

/** Year of birth of a CPR number: the first serial digit and YY select the century. Null for the 1800s. */
export function dkCprBirthYear(digits: string): number | null {
  const yy = Number(digits.slice(4, 6));
  const d7 = digits.charCodeAt(6) - 48;
  if (d7 <= 3) return 1900 + yy;
  if (d7 === 4 || d7 === 9) return (yy <= 36 ? 2000 : 1900) + yy;
  return yy <= 57 ? 2000 + yy : null;
}

/** A CPR number whose DDMMYY is a real date in the century its serial implies. */
export function dkCprDateValid(digits: string): boolean {
  if (!isDigits(digits, 10)) return false;
  const year = dkCprBirthYear(digits);
  return year !== null && isValidDate(year, Number(digits.slice(2, 4)), Number(digits.slice(0, 2)));
}

const HETU_CENTURY: Readonly<Record<string, number>> = { '+': 1800, '-': 1900, A: 2000 };

/** Finnish henkilötunnus: DDMMYY, century sign (+, - or U-Y, A-F), individual number 002-999, mod-31 check character. */
export function fiHetuValid(value: string): boolean {
  const m = /^(\d{2})(\d{2})(\d{2})([-+A-FU-Y])(\d{3})([0-9A-Y])$/.exec(value.toUpperCase());
  if (!m) return false;
  const [, dd = '', mm = '', yy = '', sign = '', individual = '', check = ''] = m;
  const century = HETU_CENTURY[sign] ?? ('BCDEF'.includes(sign) ? 2000 : 1900);
  if (!isValidDate(century + Number(yy), Number(mm), Number(dd)) || Number(individual) < 2) return false;
  return fiHetuCheckChar(`${dd}${mm}${yy}${individual}`) === check;
}

const SE_CONTEXT = [
  'personnummer', 'personnr', 'person-nr', 'pnr', 'samordningsnummer', 'swedish personal identity number',
  'personal identity number', 'schwedische Personennummer', 'Personennummer', "numéro d'identité personnel suédois",
  'numéro personnel', 'número de identidad personal', 'número personal sueco', "numero di identità personale",
  'codice personale svedese', 'persoonsnummer', 'Zweeds persoonsnummer', 'número de identificação pessoal',
];

const CPR_CONTEXT = [
  'cpr', 'cpr-nummer', 'cpr-nr', 'cpr nr', 'cpr number', 'cpr-no', 'personnummer', 'det centrale personregister',
  'danish civil registration number', 'civil registration number', 'dänische Personennummer', 'CPR-Nummer',
  "numéro d'enregistrement civil", 'numéro CPR', 'número de registro civil', 'número CPR', 'numero di registrazione civile',
  'numero CPR', 'burgerregistratienummer', 'número de registo civil',
];

const HETU_CONTEXT = [
  'henkilötunnus', 'hetu', 'henkilotunnus', 'sosiaaliturvatunnus', 'personbeteckning', 'personal identity code',
  'finnish personal identity code', 'finnische Personenkennziffer', 'Personenkennziffer', "code d'identité personnel",
  "numéro d'identité finlandais", 'código de identidad personal', 'número de identidad finlandés',
  'codice identificativo personale', 'persoonlijke identiteitscode', 'Fins identiteitsnummer', 'código de identificação pessoal',
];

export const nordicDetectors: DetectorSpec[] = [
  {
    id: 'se-personnummer',
    entity: 'SE_PERSONNUMMER',
    description:
      "Swedish personnummer and samordningsnummer: YYMMDD-XXXX ('+' from age 100), YYYYMMDD[-]XXXX or 10 digits; real date, Luhn over the 10-digit form. Short forms are confirmed only near context (a Danish CPR can read as one); bare 10 digits need context.",
    minDigits: 10,
    // One scan for the three forms; the validator tells them apart.
    patterns: [
      {
        name: 'personnummer',
        ...standalone('(?:18|19|20)\\d{6}[-+]?\\d{4}|\\d{6}[-+]\\d{4}|\\d{10}', digitGroups([[6, '-+'], [8, '-+'], [10, ''], [12, '']])),
        score: 0.5,
      },
    ],
    context: SE_CONTEXT,
    validate: (value, { nearContext }) => {
      const { valid, long } = sePersonnummerCheck(value);
      if (!valid) return 'reject';
      if (long || nearContext) return 'confirm';
      // Without context a bare 10-digit run is more likely a phone or account number.
      return /[-+]/.test(value) ? undefined : 'reject';
    },
    samples: {
      tp: [
        '811218-9876',
        { text: 'Personnummer: 19600825-1479', value: '19600825-1479' },
        { text: 'personnummer 196310214041 (kund)', value: '196310214041' },
        { text: 'samordningsnummer 701063-2391', value: '701063-2391' },
        { text: 'Personnr 8112189876', value: '8112189876' },
        { text: 'kunden är 100 år: 121212+1212', value: '121212+1212' },
      ],
      fp: [
        'Personnummer: 811218-9875',
        'Personnummer 811318-9876',
        'Personnummer 19811218-987',
        'Call 0701234567 now',
        'Order 8112189876 shipped',
      ],
    },
  },
  {
    id: 'dk-cpr',
    entity: 'DK_CPR',
    description:
      'Danish CPR number: DDMMYY-XXXX or 10 digits with a real birth date (century from the serial); modulus 11 is no longer guaranteed since 2007, so context is required.',
    keywords: CPR_CONTEXT,
    minDigits: 10,
    patterns: [
      {
        name: 'cpr',
        ...standalone('(?:0[1-9]|[12]\\d|3[01])(?:0[1-9]|1[0-2])\\d{2}[- ]?\\d{4}', digitGroups([[6, '- '], [10, '']])),
        score: 0.5,
      },
    ],
    context: CPR_CONTEXT,
    contextRequired: true,
    validate: (value) => (dkCprDateValid(digitsOf(value)) ? undefined : 'reject'),
    samples: {
      tp: [
        { text: 'CPR-nummer: 210188-0028', value: '210188-0028' },
        { text: 'cpr nr 1110871917 (patient)', value: '1110871917' },
        { text: 'Danish civil registration number 130186-3432 on file', value: '130186-3432' },
      ],
      fp: [
        'CPR-nummer: 310288-0028',
        'CPR-nummer: 211388-0028',
        'CPR 21018-0028',
        'Order 210188-0028 shipped',
        'CPR 290201-4321',
      ],
    },
  },
  {
    id: 'fi-hetu',
    entity: 'FI_HETU',
    description:
      'Finnish henkilötunnus: DDMMYY, century sign (+ - A, and B-F / U-Y since 2023), individual number and the mod-31 check character. DDMMYY-NNNN forms, which a Danish CPR shares, are confirmed only near context.',
    minDigits: 9,
    patterns: [{ name: 'hetu', ...standalone('\\d{6}[-+A-FU-Y]\\d{3}[0-9A-FHJ-NPR-Y]', digitGroups([[6, '-+'], [11, '']])), score: 0.5 }],
    context: HETU_CONTEXT,
    validate: (value, { nearContext }) => {
      if (!fiHetuValid(value)) return 'reject';
      // DDMMYY-NNNN with a digit check character is also a Danish CPR: confirm only near context.
      return nearContext || !/-\d{4}$/.test(value) ? 'confirm' : undefined;
    },
    samples: {
      tp: [
        '131052-308T',
        { text: 'Henkilötunnus: 300888Y748M', value: '300888Y748M' },
        { text: 'hetu 190604C295M (asiakas)', value: '190604C295M' },
        { text: 'personal identity code 181256-302F verified', value: '181256-302F' },
      ],
      fp: ['Henkilötunnus: 131052-308U', 'hetu 311352-308T', 'hetu 131052-001T', 'hetu 131052-308', 'Part 131052Q308T'],
    },
  },
];

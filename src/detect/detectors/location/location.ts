import { SafeRegex } from '../../../core/regex.js';
import { isWordCode, wordAsWritten, wordsOf, type StartsAt, type WordIndex } from '../../anchors.js';
import type { DetectorSpec, Validation } from '../../spec.js';
import { CITIES } from './cities.js';
import { RESIDENCE_CONTEXT } from './context.js';
import { alternation, CITY_THEN_CODE, CITY_THEN_CODE_HINT, CITY_THEN_DIGITS, CITY_THEN_DIGITS_NAMES, GAZETTEER_OTHERS, GAZETTEER_WORD_LED, PC_CITY, POSTCODE_COUNTRY_PREFIXES, UK_PC_CITY } from './patterns.js';
import { CA_POSTCODE, EIRCODE, POSTCODE_FORMATS, UK_POSTCODE } from './postcodes.js';

/**
 * Locations: a postcode with its city ("75008 Paris", "SW1A 1AA London", "Springfield, IL
 * 62704"), and gazetteer city / country names where the text says someone lives, was born
 * or gets post there. A plain mention of a city ("our Paris office") is not personal data.
 */

/** "from" is too weak to vouch for an unknown place after a number. */
const POSTAL_CONTEXT = RESIDENCE_CONTEXT.filter((w) => w !== 'from');

/** UK, Canadian and Irish postcodes and US/Australian state + code do not occur by chance. */
const DISTINCTIVE = new SafeRegex(
  `(?:^${UK_POSTCODE}[ \\t]|[ \\t]${UK_POSTCODE}$|[ \\t]${CA_POSTCODE}$|[ \\t]${EIRCODE}$|[ \\t][A-Z]{2,3}[ \\t]+\\d{4,5}(?:-\\d{4})?$)`,
);
/** A four-digit "postcode" between 1900 and 2099 is more often a year ("2024 Berlin hosted…"). */
const YEAR_CODE = /^(?:[A-Z]{1,3}-)?(?:19|20)\d\d[ \t]|[ \t](?:19|20)\d\d$/;

/** Every country a city spelling belongs to (Córdoba, San José and Valencia have several). */
const COUNTRIES_OF_CITY = new Map<string, string[]>();
for (const city of CITIES) {
  for (const name of city.names) COUNTRIES_OF_CITY.set(name, [...(COUNTRIES_OF_CITY.get(name) ?? []), city.cc]);
}
const POSTCODE_OF_COUNTRY = new Map(
  Object.entries(POSTCODE_FORMATS).map(([cc, f]) => [cc, new RegExp(`^(?:[A-Z]{1,3}-)?(?:${f.regex})$`)]),
);
const POSTCODE_TOKEN = /^(?:[A-Z]{1,3}-)?\d[\d \t-]*(?:[A-Z]{2}(?=[ \t]))?|(?:\d{3}-\d{4}|\d{4,6})$/;

/**
 * True when some run of words in the value is a gazetteer city whose country writes its
 * postcodes the way this one is written: "10115 Berlin" yes, "Ticket 4521 Berlin" no.
 * Without a postcode (UK, US… forms are checked by their own shape) any gazetteer city counts.
 */
function namesKnownCity(value: string, postcode: string | undefined): boolean {
  const words = value.split(/[ \t\r\n,]+/).filter((w) => w.length > 0);
  for (let i = 0; i < words.length; i++) {
    let name = '';
    for (let j = i; j < Math.min(words.length, i + 5); j++) {
      name = name ? `${name} ${words[j] as string}` : (words[j] as string);
      const countries = COUNTRIES_OF_CITY.get(name);
      if (!countries) continue;
      if (postcode === undefined) return true;
      if (countries.some((cc) => POSTCODE_OF_COUNTRY.get(cc)?.test(postcode))) return true;
    }
  }
  return false;
}

/** Capitalised words that follow numbers in prose and lists, never cities. */
const NOT_CITIES = new Set([
  'No', 'Nr', 'The', 'Total', 'Units', 'Items', 'Pieces', 'Please', 'Thanks', 'Best', 'Regards', 'Euro', 'Euros', 'Dollars',
  'EUR', 'USD', 'GBP', 'CHF', 'Stück', 'Stk', 'Pcs', 'Users', 'Seats', 'Licenses', 'Licences', 'Lizenzen', 'Tickets', 'Orders',
]);

/** The first word after a leading postcode (10115, 1015 CJ, 111 51, D-60311). */
const CITY_AFTER_POSTCODE = /^(?:[A-Z]{1,3}-)?\d[\d \t-]*(?:[A-Z]{2}[ \t]+)?([^\s,]+)/u;

function validatePostcodeCity(value: string, facts: { nearContext: boolean }): Validation {
  if (DISTINCTIVE.occursIn(value)) return namesKnownCity(value, undefined) ? 'confirm' : undefined;
  if (YEAR_CODE.test(value) && !facts.nearContext) return 'reject';
  if (namesKnownCity(value, POSTCODE_TOKEN.exec(value)?.[0].trim())) return 'confirm';
  const cityAfterCode = CITY_AFTER_POSTCODE.exec(value)?.[1];
  if (cityAfterCode !== undefined && NOT_CITIES.has(cityAfterCode)) return 'reject';
  // a bare number before an unknown capitalised word needs an address word nearby
  return facts.nearContext ? undefined : 'reject';
}

/**
 * Where a postcode line starts: a digit group shaped like the start of a postcode (2–5 digits
 * before a blank or hyphen, or "1015CJ"), a UK outward code ("SW1A", "M1"), or a country
 * prefix before a hyphen ("D-", "CH-") — and never right after another digit group and
 * blanks, where it is the tail of a phone or account number.
 */
const isDigitCode = (c: number): boolean => c >= 48 && c <= 57;
const COUNTRY_PREFIXES = new Set(POSTCODE_COUNTRY_PREFIXES);
const isUpperAscii = (c: number): boolean => c >= 65 && c <= 90;
function postcodeStart(text: string, start: number, end: number): boolean {
  const length = end - start;
  // no shape below is longer than six characters ("1015CJ")
  if (length > 6) return false;
  const next = text.charCodeAt(end);
  const c0 = text.charCodeAt(start);
  let shaped: boolean;
  if (isDigitCode(c0)) {
    let digits = 1;
    while (digits < length && isDigitCode(text.charCodeAt(start + digits))) digits++;
    shaped =
      digits === length
        ? length >= 2 && length <= 5 && (next === 32 || next === 9 || next === 45) && digitGroupCanOpen(text, end, length)
        : // "1015CJ": four digits, the first not 0, and two capitals
          digits === 4 && length === 6 && c0 !== 48 && isUpperAscii(text.charCodeAt(start + 4)) && isUpperAscii(text.charCodeAt(start + 5));
  } else {
    let letters = 0;
    while (letters < length && isUpperAscii(text.charCodeAt(start + letters))) letters++;
    // a country prefix before a hyphen and a digit ("D-60311", "CH-8001")
    if (letters === length && length <= 3 && next === 45) {
      return COUNTRY_PREFIXES.has(text.slice(start, end)) && isDigitCode(text.charCodeAt(end + 1)) && !afterDigitGroup(text, start);
    }
    // a UK outward code: one or two capitals, a digit, then a capital or digit ("M1", "SW1A")
    if (letters < 1 || letters > 2 || letters >= length || !isDigitCode(text.charCodeAt(start + letters))) return false;
    const rest = length - letters - 1;
    if (rest === 0) return true;
    const last = text.charCodeAt(end - 1);
    return rest === 1 && (isUpperAscii(last) || isDigitCode(last));
  }
  return shaped && !afterDigitGroup(text, start);
}
/**
 * Whether a postcode format can go on after a group of `length` digits that ends at `end`
 * (before a blank or hyphen): two digits only as "00-590"; three only as "111 51"; four or
 * five before a hyphen, or before blanks and then the city (or the letters of "1015 CJ") —
 * never a lower-case word or another number ("2024 was", "15 minutes", "100 200").
 */
function digitGroupCanOpen(text: string, end: number, length: number): boolean {
  const next = text.charCodeAt(end);
  // "00-590", "1100-053", "01310-100": exactly three digits after the hyphen (a date's
  // "2024-05-12" is no postcode); "111 51": exactly two after one blank
  if (length === 2) return next === 45 && digitsThenEnd(text, end + 1, 3);
  if (length === 3) return (next === 32 || next === 9) && digitsThenEnd(text, end + 1, 2);
  if (next === 45) return digitsThenEnd(text, end + 1, 3);
  let i = end;
  while (text.charCodeAt(i) === 32 || text.charCodeAt(i) === 9) i++;
  const c = text.charCodeAt(i);
  return !(c >= 97 && c <= 122) && !isDigitCode(c);
}

/** Exactly `count` digits at `at`, and no digit after them. */
function digitsThenEnd(text: string, at: number, count: number): boolean {
  for (let i = at; i < at + count; i++) if (!isDigitCode(text.charCodeAt(i))) return false;
  return !isDigitCode(text.charCodeAt(at + count));
}

/** A digit, then blanks, right before `start`. */
function afterDigitGroup(text: string, start: number): boolean {
  let i = start - 1;
  if (i < 0 || (text[i] !== ' ' && text[i] !== '\t')) return false;
  while (i >= 0 && (text[i] === ' ' || text[i] === '\t')) i--;
  const c = text.charCodeAt(i);
  return c >= 48 && c <= 57;
}
// every shape stands before a blank (or a hyphen: "1100-053", "D-60311"): digit groups of
// 2–6, capitalised words of 1–4 ("SW1A", "CH")
const startsPostcode: StartsAt = Object.assign(postcodeStart, {
  index: { digitLengths: [2, 3, 4, 5, 6], lengths: [1, 2, 3, 4], capitalised: true, followedBy: ' \t-', filter: postcodeStart },
});

const NO_SPANS: number[] = [];
/**
 * Whether a code can open at this word (a cheap look before the code pattern is tried): a
 * capital, then a digit within the first three characters ("SW1A", "M5V", "D02", "D6W"), or
 * two or three capitals before a blank and a digit (a US or Australian state before its code).
 */
function mayOpenCode(text: string, start: number, end: number): boolean {
  if (!isUpperAscii(text.charCodeAt(start))) return false;
  if (isDigitCode(text.charCodeAt(start + 1)) || isDigitCode(text.charCodeAt(start + 2))) return true;
  const length = end - start;
  if (length < 2 || length > 3 || !isUpperAscii(text.charCodeAt(start + 1)) || !isUpperAscii(text.charCodeAt(end - 1))) return false;
  let i = end;
  while (text.charCodeAt(i) === 32 || text.charCodeAt(i) === 9) i++;
  return i > end && isDigitCode(text.charCodeAt(i));
}

/** What may stand between a city's first word and its code: city words and separators. */
const isCityOrSeparator = (code: number): boolean => isWordCode(code) || CITY_PUNCTUATION.has(code);
const CITY_PUNCTUATION = new Set([...' \t\r\n,.\'’-()'].map((c) => c.charCodeAt(0)));
const CODE_HINT = new SafeRegex(CITY_THEN_CODE_HINT);
/**
 * Where a "city, then code" line can start (London SW1A 1AA, Springfield, IL 62704): every
 * code in the text (tried at the words that can open one), and before each, back to the
 * previous code or to a character no city or separator holds, the words that could open the
 * city.
 */
function cityBeforeCodeStarts(text: string, words: WordIndex): number[] {
  const starts: number[] = [];
  let floor = 0;
  for (let w = 0; w < words.count; w++) {
    const code = words.starts[w] as number;
    if (!mayOpenCode(text, code, words.ends[w] as number) || CODE_HINT.spanAt(text, code, 0, NO_SPANS) < 0) continue;
    NO_SPANS.length = 0;
    let from = code;
    while (from > floor && isCityOrSeparator(text.charCodeAt(from - 1))) from--;
    for (let i = from; i < code; i++) {
      if (isWordCode(text.charCodeAt(i)) && (i === 0 || !isWordCode(text.charCodeAt(i - 1)))) starts.push(i);
    }
    floor = code;
  }
  return starts;
}
const startsCityBeforeCode: StartsAt = Object.assign(
  (text: string, start: number) => cityBeforeCodeStarts(text, wordsOf(text)).includes(start),
  { index: { locate: cityBeforeCodeStarts } },
);

export const locationDetectors: DetectorSpec[] = [
  {
    id: 'postcode-city',
    entity: 'LOCATION',
    description:
      'A postcode with its city, in the order each country writes them (10115 Berlin, 1015 CJ Amsterdam, 1100-053 Lisboa, London SW1A 1AA, Springfield, IL 62704, Toronto, ON M5V 2T6, Mumbai 400001); gazetteer cities are confirmed',
    patterns: [
      // anchored at the postcode (or its country prefix, or a UK outward code); a postcode right
      // after another digit group is the end of a phone or account number, never a postcode
      { name: 'postcode-first', regex: `(${PC_CITY}|${UK_PC_CITY})`, score: 0.6, group: 1, startsAt: startsPostcode },
      // UK, US, Canadian, Australian and Irish: the city, then the code (with state or province)
      { name: 'city-then-code', regex: CITY_THEN_CODE, score: 0.75, startsAt: startsCityBeforeCode },
      {
        name: 'city-first',
        regex: CITY_THEN_DIGITS,
        score: 0.6,
        startsAt: wordAsWritten(new Set(CITY_THEN_DIGITS_NAMES.map((n) => /^[\p{L}\p{N}\p{M}]+/u.exec(n)?.[0] ?? n))),
      },
    ],
    minDigits: 2,
    context: POSTAL_CONTEXT,
    validate: validatePostcodeCity,
    samples: {
      tp: [
        '75008 Paris',
        '10115 Berlin',
        { text: 'Le client habite 69003 Lyon depuis 2019.', value: '69003 Lyon' },
        { text: 'Ship it to SW1A 1AA London please', value: 'SW1A 1AA London' },
        { text: 'Lives in London NW1 6XE, near the park.', value: 'London NW1 6XE' },
        { text: 'Mailing: Springfield, IL 62704', value: 'Springfield, IL 62704' },
        { text: 'Postadres 1015 CJ Amsterdam', value: '1015 CJ Amsterdam' },
        { text: 'Morada: 1100-053 Lisboa', value: '1100-053 Lisboa' },
        { text: 'Adres: 00-590 Warszawa', value: '00-590 Warszawa' },
        { text: 'Wohnort: 8001 Zürich', value: '8001 Zürich' },
        { text: 'Adresse: D-60311 Frankfurt am Main', value: 'D-60311 Frankfurt am Main' },
        { text: 'moved to Toronto, ON M5V 2T6 in June', value: 'Toronto, ON M5V 2T6' },
        { text: 'Home: Mumbai 400001', value: 'Mumbai 400001' },
        { text: 'Wohnhaft in 37073 Göttingen seit 2010', value: '37073 Göttingen' },
      ],
      fp: [
        'We sold 12000 Units last quarter',
        'In 2024 Berlin hosted the fair',
        'Tokyo 2020 was postponed',
        'Invoice 40213 Total due',
        'Order 55123 Shipped yesterday',
        'Windows 2000 Server',
        'Call +1 415 555 8260 No further action is required from the account team.',
        'Address list: 12000 Units shipped',
        'Ticket 4521 Berlin Team escalated',
      ],
    },
  },
  {
    id: 'location-gazetteer',
    entity: 'LOCATION',
    description:
      'City and country names from a gazetteer (native spellings and EN/DE/FR/ES/IT/NL/PT exonyms) where someone lives, was born, or has an address',
    patterns: [
      // anchored at the name's first word, exactly as the gazetteer spells it
      {
        name: 'gazetteer',
        regex: alternation(GAZETTEER_WORD_LED),
        score: 0.5,
        startsAt: wordAsWritten(new Set(GAZETTEER_WORD_LED.map((n) => /^[\p{L}\p{N}\p{M}]+/u.exec(n)?.[0] ?? n))),
      },
      { name: 'gazetteer-apostrophe', regex: alternation(GAZETTEER_OTHERS), score: 0.5 },
    ],
    keywords: RESIDENCE_CONTEXT,
    context: RESIDENCE_CONTEXT,
    contextRequired: true,
    samples: {
      tp: [
        { text: 'The customer lives in München with her family.', value: 'München' },
        { text: 'Er wohnt in Köln.', value: 'Köln' },
        { text: 'Elle habite à Genève depuis 2015.', value: 'Genève' },
        { text: 'La paciente vive en Bogotá.', value: 'Bogotá' },
        { text: 'Il cliente vive a Milano.', value: 'Milano' },
        { text: 'Hij woont in Den Haag.', value: 'Den Haag' },
        { text: 'Ela mora em São Paulo.', value: 'São Paulo' },
        { text: 'Born in Kraków, Poland in 1980.', value: 'Kraków' },
        { text: 'Born in Kraków, Poland in 1980.', value: 'Poland' },
        { text: 'Tom is from New York City originally.', value: 'New York City' },
        { text: 'Indirizzo di residenza: Firenze', value: 'Firenze' },
        { text: 'Dirección: Ciudad de México', value: 'Ciudad de México' },
        { text: 'Wohnsitz: Österreich', value: 'Österreich' },
      ],
      fp: [
        'Our Paris office opens at nine.',
        'The Berlin team shipped the release.',
        'Quarterly numbers for Germany look good.',
        'She lives in the suburbs.',
        'Meeting in Tokyo next week.',
        'Parisian bakeries are great; I was from here.',
      ],
    },
  },
];

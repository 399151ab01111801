import { CITIES } from './cities.js';
import { COUNTRIES } from './countries.js';
import {
  AU_STATES, BR_STATES, CA_POSTCODE, CA_PROVINCES, EIRCODE, POSTCODE_FORMATS, UK_POSTCODE, US_STATES, US_ZIP,
} from './postcodes.js';

/**
 * RE2 building blocks shared by the street-address and location detectors. Everything is
 * case-sensitive on purpose: capitalisation is most of what tells a place name from prose.
 * Blanks are `[ \t]` so a span never runs over a line break except where a separator allows.
 */

const escapeRegex = (s: string): string => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

/** Longest first, so a name is never cut short by a shorter one it starts with. */
export function alternation(words: Iterable<string>): string {
  return `(?:${[...new Set(words)].sort((a, b) => b.length - a.length || (a < b ? -1 : 1)).map(escapeRegex).join('|')})`;
}

const SP = '[ \\t]';
const NL = `${SP}*\\r?\\n${SP}*`;

/**
 * Letters of the Latin script (ASCII, Latin-1, Extended-A/B, Extended Additional) and
 * combining accents: every spelling in the gazetteer. A few byte ranges instead of all of
 * \p{L}, which compiles to hundreds of instructions per copy; large address patterns then
 * make RE2's pattern set report matches that are not there (see location.test.ts).
 * The upper-case range also admits some lower-case letters of the extended blocks.
 */
export const UPPER = 'A-Z\u00c0-\u00d6\u00d8-\u00de\u0100-\u024f\u1e00-\u1eff';
export const LETTER = 'A-Za-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f\u1e00-\u1eff\u0300-\u036f';

/** A capitalised word: Saint-Denis, L'Aquila, Aix-en-Provence, Łódź. */
export const CAP_WORD = `[${UPPER}][${LETTER}'’]*(?:-[${LETTER}][${LETTER}'’]*)*`;
const CITY_ABBR = `(?:(?:St|Ste|Sta|Sto|S|Mt)\\.${SP}?)?`;
/** Small words inside city names: Frankfurt am Main, Rio de Janeiro, Newcastle upon Tyne. */
const CITY_PARTICLE = '(?:am|an|im|ob|upon|sur|sous|en|le|la|les|de|del|della|di|do|da|dos|das|du|des|der|den|dem)';
/**
 * A city as written on an address line: capitalised words, optional "(Saale)". Loops are
 * unbounded on purpose: counted repeats copy the automaton, and with every detector in one
 * RE2 set the copies multiply the DFA states until its cache thrashes.
 */
export const CITY = `${CITY_ABBR}${CAP_WORD}(?:(?:${SP}${CITY_PARTICLE})*${SP}${CITY_ABBR}${CAP_WORD})*(?:${SP}\\([${UPPER}][${LETTER}.]*\\))?`;

/** Country prefixes a postcode may carry before a hyphen ("D-60311", "CH-8001"). */
export const POSTCODE_COUNTRY_PREFIXES = ['D', 'F', 'A', 'B', 'I', 'E', 'P', 'L', 'S', 'N', 'CH', 'NL', 'DK', 'PL', 'FI', 'FIN', 'CZ', 'SK', 'HU', 'LT', 'LV', 'EE', 'SI', 'HR', 'GR'];
/** European-style postcode before the city, with an optional country prefix (D-, CH-, NL-). */
export const POSTCODE_BEFORE = `(?:(?:${POSTCODE_COUNTRY_PREFIXES.join('|')})-)?(?:\\d{5}-\\d{3}|\\d{4}-\\d{3}|[1-9]\\d{3}${SP}?[A-Z]{2}|\\d{2}-\\d{3}|\\d{3}${SP}\\d{2}|\\d{4,5})`;

export const PC_CITY = `${POSTCODE_BEFORE}${SP}+${CITY}`;
export const UK_PC_CITY = `${UK_POSTCODE}${SP}+${CITY}`;
/** "…, São Paulo - SP, 01310-200" with an optional neighbourhood before the city. */
const BR_TAIL = `(?:${SP}*[-–]${SP}*${CITY})?,${SP}*${CITY}${SP}*[-–/]${SP}*${alternation(BR_STATES)}(?:,${SP}*|${SP}+)(?:CEP:?${SP}*)?\\d{5}-?\\d{3}`;

/** Gazetteer cities of countries that write the postcode after the city: "Mumbai 400001". */
export const CITY_THEN_DIGITS_NAMES: readonly string[] = CITIES.filter(
  (c) => POSTCODE_FORMATS[c.cc]?.placement === 'after-city' && !['US', 'GB', 'CA', 'IE', 'AU'].includes(c.cc),
).flatMap((c) => c.names);
export const CITY_THEN_DIGITS = `${alternation(CITY_THEN_DIGITS_NAMES)}${SP}+(?:\\d{3}-\\d{4}|\\d{4,6})`;

export const GAZETTEER_NAMES: readonly string[] = [...CITIES.flatMap((c) => c.names), ...COUNTRIES.flatMap((c) => c.names)];
/** Names that start with a letter or digit: anchored at their first word. */
export const GAZETTEER_WORD_LED = GAZETTEER_NAMES.filter((n) => /^[\p{L}\p{N}]/u.test(n));
/** The few that do not ("'s-Gravenhage"): scanned. */
export const GAZETTEER_OTHERS = GAZETTEER_NAMES.filter((n) => !/^[\p{L}\p{N}]/u.test(n));
/** The country line that may close an address block, in any of the gazetteer's languages. */
const COUNTRY_LINE = alternation(COUNTRIES.flatMap((c) => c.names));

/** Between the lines of one address: a comma, a line break, or a dash / bar on one line. */
const SEP = `(?:${SP}*,${SP}*(?:\\r?\\n${SP}*)?|${NL}|${SP}+[-–]${SP}+|${SP}*[|·•]${SP}*)`;

/**
 * The postcode-and-city line(s) that may follow a street line, with an optional country line.
 * The city is written once for all the postcode-after forms (UK, US, CA, AU, IE).
 */
export const CITY_THEN_CODE =
  `${CITY}(?:(?:,${SP}*|${NL}|${SP}+)${UK_POSTCODE}` +
  `|,?${SP}+(?:${alternation(US_STATES)}${SP}+${US_ZIP}|${alternation(CA_PROVINCES)}(?:,?${SP}+|${NL})${CA_POSTCODE}|${alternation(AU_STATES)}${SP}+\\d{4})` +
  `|(?:${SP}\\d{1,2})?(?:,${SP}*|${NL}|${SP}+)${EIRCODE})`;
/** What every city-then-code line contains: one of the codes (a cheap pre-check for that pattern). */
export const CITY_THEN_CODE_HINT =
  `(?:${UK_POSTCODE}|${alternation(US_STATES)}${SP}+${US_ZIP}|${CA_POSTCODE}|${alternation(AU_STATES)}${SP}+\\d{4}|${EIRCODE})`;
export const ADDRESS_TAIL = `(?:${SEP}(?:${PC_CITY}|${CITY_THEN_CODE})(?:${SEP}${COUNTRY_LINE})?|${BR_TAIL})`;

/**
 * Flat, floor and door after the house number: Apt 4B, Suite 200, #5, 2. OG, Whg. 3, bte 3,
 * piso 2, 3º B, 2º Esq., int. 4, 4th Floor. Every piece ends on a word boundary so the
 * optional part never stops inside a word (the engine would then drop the whole address).
 */
const UNIT_LABEL =
  '(?i:apartment|apt|suite|ste|unit|flat|floor|fl|room|rm|building|bldg|wohnung|whg|appartement|appt|app|top|stiege|stg|boîte|bte|bus|étage|bâtiment|bât|piso|planta|puerta|pta|escalera|esc|interno|int|scala|piano|apartamento|apto|andar|sala|bloco|lokal|lok)';
const UNIT_ONE =
  `(?:${UNIT_LABEL}\\.?${SP}*#?${SP}*\\d{1,4}[A-Za-z]?\\b` +
  `|#${SP}?\\d{1,5}[A-Za-z]?\\b` +
  `|\\d{1,2}\\.${SP}?(?i:og|obergeschoss|stock|etage|ug|dg)\\b` +
  `|\\d{1,2}[ºª°](?:${SP}?(?:(?i:esq|dto|dta|dt|izq|izda|dcha|dr|fte|frente)\\b\\.?|[A-Z]\\b|\\d{1,2}[ºª]))?` +
  `|\\d{1,2}(?:st|nd|rd|th)${SP}(?i:floor)\\b` +
  `|\\d{1,2}(?:er|e|ème|è)${SP}(?i:étage)` +
  `|(?i:r/c|eg|dg)\\b)`;
export const UNIT = `(?:(?:${SP}*,${SP}*|${SP}+)${UNIT_ONE})*`;

/** House number before the street (EN, FR): 221B, 12-14. */
export const HOUSE_NUMBER_FIRST = `\\d{1,5}[A-Za-z]?(?:${SP}?[-–]${SP}?\\d{1,5}[A-Za-z]?)?`;
/** House number after the street (most of Europe): 12, 12a, 12-14, 1/2/3, 123-A, 45 bis. */
export const HOUSE_NUMBER_AFTER = `\\d{1,4}[a-zA-Z]?\\b(?:${SP}?[-/]${SP}?(?:\\d{1,4}[a-zA-Z]?|[A-Za-z])\\b){0,2}(?:${SP}(?:bis|ter|hs|HS)\\b)?`;

/** Small words inside street names: rue de la Paix, Via dei Mille, Rua das Flores, Van Baerlestraat. */
const NAME_PARTICLE =
  '(?:de|del|della|delle|dei|degli|dello|di|da|do|dos|das|du|des|la|le|les|el|los|las|lo|y|e|et|i|van|von|der|den|dem|am|an|im|auf|zum|zur|sur|sous|en|al|alla|alle|au|aux|of|the)';
const NAME_LINK = `(?:${NAME_PARTICLE}${SP}+|[dlDL]['’])`;
const NAME_WORD = `[${UPPER}][${LETTER}'’-]*`;
/** A short abbreviation with a dot (Dr., S., Gral.): only before another word, never last, so a full stop stays out. */
const NAME_ABBR = `[${UPPER}][${LETTER}]{0,3}\\.${SP}*`;
const NAME_PREFIX = `(?:${NAME_LINK}|${NAME_ABBR})`;
/** A street name after its type word: "de la Paix", "Roma", "Augusta", "dei Mille", "Insurgentes Sur". */
export const STREET_NAME = `${NAME_PREFIX}*${NAME_WORD}(?:${SP}+${NAME_PREFIX}*${NAME_WORD})*`;

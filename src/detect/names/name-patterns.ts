import { particleAlternation } from './gazetteer.js';

/**
 * Building blocks for person names (RE2 syntax, which also runs on V8). `\b` is ASCII-only,
 * so names are matched as runs of capitalised tokens, and the name patterns are anchored
 * (see `anchors.ts`): each starts only at a word the gazetteer or a cue list knows, so a
 * capitalised word in front ("Yesterday John Smith") cannot swallow the name.
 *
 * Letter classes are spelled out for the Latin, Greek and Cyrillic scripts instead of
 * `\p{L}` / `\p{Lu}`, so the patterns stay small.
 */

/** Upper-case letters: ASCII, Latin-1, Latin Extended-A/B initials, Greek, Cyrillic. */
export const UPPER =
  '[A-ZÀ-ÖØ-ÞĀĂĄĆĈĊČĎĐĒĔĖĘĚĜĞĠĢĤĦĨĪĬĮİĲĴĶĹĻĽĿŁŃŅŇŊŌŎŐŒŔŖŘŚŜŞŠŢŤŦŨŪŬŮŰŲŴŶŸŹŻŽƏȘȚΑ-ΩЀ-Я]';
/** Any letter of those scripts, Vietnamese precomposed letters and combining marks. */
export const LETTER = '[A-Za-zÀ-ÖØ-öø-ɏḀ-ỿ\u0300-\u036fͰ-ϿЀ-ӿ]';
/** A character that ends a lower-case word, or a digit or clause punctuation. */
export const LOWER_END = '[a-zß-öø-ÿāăąćčďđēęěğıłńňőœřśşšťůűźżž0-9,;:)]';

/** Spaces inside a name, including the no-break space of copied web text. */
export const SP = '[ \\t\u00a0]+';

/** One capitalised or ALL-CAPS name word: "Müller", "GARCÍA", "O'Brien", "al-Farsi", "Li". */
// Bounded lengths: an unbounded run would let one long capitalised run cost quadratic time.
export const TOKEN = `(?:(?:al|el|d|l)['’-])?${UPPER}(?:['’]${UPPER})?${LETTER}{1,30}(?:-${UPPER}${LETTER}{1,30}){0,2}`;
export const INITIAL = `${UPPER}\\.`;
export const PARTICLE = `(?:${particleAlternation()})`;

/**
 * A name word whose spelling an anchor has already checked against the gazetteer: the
 * patterns that use it start only at known names (see `anchors.ts`).
 */
export const NAME_WORD = `${UPPER}${LETTER}{0,30}`;

/**
 * Words that turn a name into a company, place or institution ("Anna Schmidt GmbH", "George
 * Street", "Mary Baker Memorial"). Patterns swallow one when it follows, so the validator
 * sees it and drops the match instead of reporting the person part.
 */
const TRAILER_WORDS = [
  'GmbH', 'AG', 'KG', 'SE', 'Inc', 'Ltd', 'Limited', 'LLC', 'LLP', 'PLC', 'Corp', 'Corporation', 'Co',
  'Company', 'SA', 'SAS', 'SARL', 'SRL', 'SpA', 'BV', 'NV', 'Oy', 'AB', 'Pty', 'Group', 'Holdings',
  'Consulting', 'Solutions', 'Systems', 'Technologies', 'Industries', 'Partners', 'Services', 'Foundation',
  'Institute', 'University', 'College', 'School', 'Hospital', 'Clinic', 'Klinik', 'Center', 'Centre',
  'Stiftung', 'Hotel', 'Street', 'St', 'Road', 'Rd', 'Avenue', 'Ave', 'Boulevard', 'Straße', 'Strasse',
  'Str', 'Platz', 'Weg', 'Allee', 'Gasse', 'Memorial', 'Award', 'Bank', 'Station',
];
export const TRAILER_WORD_LIST: readonly string[] = TRAILER_WORDS;
const TRAILER_ALT = [...new Set(TRAILER_WORDS.flatMap((w) => [w, w.toUpperCase()]))].join('|');
export const TRAILER =
  `(?:[ \\t]*,?${SP}(?:${TRAILER_ALT})\\b\\.?` +
  `|${SP}(?:&|\\+|and|und|et)${SP}(?:Co|Cie|Partner|Partners|Sons|Söhne|Associates|Company)\\b\\.?)?`;

/**
 * One to three name words after a cue, initials and particles allowed inside. No trailer:
 * a company or place word after a cue is itself a capitalised word the validator sees.
 */
export const NAME_1_3 =
  `(?:${INITIAL}${SP}){0,3}(?:${PARTICLE}${SP})*${TOKEN}` +
  `(?:${SP}(?:${INITIAL}${SP})?(?:${PARTICLE}${SP})*${TOKEN}){0,2}`;

/** Honorifics in several languages, as written in running text and in ALL CAPS. */
export const TITLE =
  '(?:(?:Mr|Mrs|Ms|Mx|Dr|Prof|MR|MRS|MS|MX|DR|PROF)\\.?|Miss|MISS|Herr|HERR|Frau|FRAU|Mme\\.?|MME\\.?|' +
  'Mlle\\.?|MLLE\\.?|Hr\\.|Fr\\.|Sr\\.|SR\\.|Sra\\.|SRA\\.|Srta\\.|Sig\\.(?:ra|na)?|Dott\\.(?:ssa)?|Dhr\\.|' +
  'Mevr\\.|Mw\\.|Ing\\.|Avv\\.|Dña\\.|Pan|Pani|Sir|Dame)';
/** Academic titles that may follow the honorific: "Frau Dr. med. Schmidt", "Herr Prof. Dr. Weber". */
export const SECOND_TITLES = `(?:(?:Dr|Prof|med|jur|phil|rer\\. nat|habil|Dipl\\.-Ing|Ing|Mag)\\.?${SP})*`;

import { AMBIGUOUS_FIRST_NAMES, FIRST_NAMES } from './first-names.js';
import { NON_NAME_WORDS } from './non-name-words.js';
import { AMBIGUOUS_SURNAMES, SURNAMES } from './surnames.js';

/**
 * The name gazetteer: lookups for the validators and RE2 alternations for the patterns.
 * Each listed name also matches in its ASCII-folded spelling ("Jose", "Soren", "Lukasz"),
 * its German transliteration ("Juergen", "Mueller") and in ALL CAPS ("JOSÉ", "MÜLLER"),
 * because CRM exports and forms use all of them.
 */

/** Lower-case particles inside surnames: "van der Berg", "de la Cruz", "dos Santos". */
export const NAME_PARTICLES: readonly string[] = [
  'van', 'von', 'de', 'der', 'den', 'del', 'della', 'delle', 'dei', 'di', 'da', 'du', 'des', 'dos', 'das',
  'do', 'la', 'le', 'ten', 'ter', 'bin', 'binti', 'ibn', 'al', 'el', 'af', 'av',
];

const FOLD: Record<string, string> = {
  ø: 'o', Ø: 'O', ł: 'l', Ł: 'L', æ: 'ae', Æ: 'Ae', œ: 'oe', Œ: 'Oe', ß: 'ss', đ: 'd', Đ: 'D', ð: 'd', Ð: 'D',
  þ: 'th', Þ: 'Th', ı: 'i', İ: 'I',
};
const GERMAN: Record<string, string> = { ä: 'ae', ö: 'oe', ü: 'ue', Ä: 'Ae', Ö: 'Oe', Ü: 'Ue' };

/** "Søren" → "Soren", "Łukasz" → "Lukasz", "İbrahim" → "Ibrahim". */
export function asciiFold(name: string): string {
  return name
    .replace(/[øØłŁæÆœŒßđĐðÐþÞıİ]/g, (c) => FOLD[c] ?? c)
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .normalize('NFC');
}

/** "Jürgen" → "Juergen": how German names are written without umlauts. */
function germanTransliteration(name: string): string {
  return asciiFold(name.replace(/[äöüÄÖÜ]/g, (c) => GERMAN[c] ?? c));
}

/** The spellings one listed name is written in (not yet upper-cased). */
export function spellings(name: string): string[] {
  const out = new Set([name, asciiFold(name), germanTransliteration(name)]);
  for (const s of [...out]) if (s.includes("'")) out.add(s.replace(/'/g, '’'));
  return [...out];
}

/** Key for case-insensitive lookups; drops the dot that lower-casing "İ" leaves behind. */
export function nameKey(token: string): string {
  if (ASCII.test(token)) return token.toLowerCase();
  return token.normalize('NFC').toLowerCase().replace(/\u0307/g, '').replace(/’/g, "'");
}
const ASCII = /^[\t -~]*$/;

function keySet(...lists: ReadonlyArray<readonly string[]>): Set<string> {
  const keys = new Set<string>();
  for (const list of lists) for (const name of list) for (const s of spellings(name)) keys.add(nameKey(s));
  return keys;
}

const strongFirst = keySet(FIRST_NAMES);
const ambiguousFirst = keySet(AMBIGUOUS_FIRST_NAMES);
const strongSurname = keySet(SURNAMES);
const ambiguousSurname = keySet(AMBIGUOUS_SURNAMES);
const nonName = new Set(NON_NAME_WORDS.map(nameKey));
const particles = new Set(NAME_PARTICLES);

/** Looks a token up whole, then by its hyphenated parts ("Anna-Lena", "Müller-Lüdenscheidt"). */
function lookup(set: Set<string>, token: string): boolean {
  return lookupKey(set, nameKey(token));
}

function lookupKey(set: Set<string>, key: string): boolean {
  if (set.has(key)) return true;
  if (!key.includes('-')) return false;
  return key.split('-').some((part) => set.has(part));
}

/**
 * The spellings of listed names as capitalised words are written — as listed, Title case,
 * ALL CAPS, for each folded and transliterated spelling — for anchors, which look words up
 * exactly as they stand in the text.
 */
export function capitalisedNameForms(kind: 'strong-first' | 'ambiguous-first'): Set<string> {
  const forms = new Set<string>();
  for (const name of kind === 'strong-first' ? FIRST_NAMES : AMBIGUOUS_FIRST_NAMES) {
    for (const spelling of spellings(name)) {
      const lower = spelling.toLowerCase();
      forms.add(spelling);
      forms.add(spelling.toUpperCase());
      forms.add(lower.charAt(0).toUpperCase() + lower.slice(1));
    }
  }
  return forms;
}

/** What the gazetteer knows of one word, as bits (see `wordFlagsAt`). */
export const STRONG_FIRST = 1;
export const AMBIGUOUS_FIRST = 2;
export const STRONG_SURNAME = 4;
export const AMBIGUOUS_SURNAME = 8;
export const NON_NAME = 16;
export const PARTICLE = 32;
export const INITIAL = 64;
/** capitalised as a name word is: "Anna", "ÉMILE", "al-Farsi", "d'Arcy" */
export const CAPITALISED_WORD = 128;

const NAME_CAPITALISED = /^(?:(?:al|el|d|l)['’-])?\p{Lu}/u;
const INITIAL_SHAPE = /^\p{Lu}\.$/u;

function computeWordFlags(token: string): number {
  const key = nameKey(token);
  let flags = 0;
  const sets = [strongFirst, ambiguousFirst, strongSurname, ambiguousSurname] as const;
  for (let b = 0; b < 4; b++) if (lookupKey(sets[b] as Set<string>, key)) flags |= 1 << b;
  if (nonName.has(token.endsWith('.') ? nameKey(token.slice(0, -1)) : key)) flags |= NON_NAME;
  if (particles.has(key)) flags |= PARTICLE;
  if (INITIAL_SHAPE.test(token)) flags |= INITIAL;
  if (NAME_CAPITALISED.test(token)) flags |= CAPITALISED_WORD;
  return flags;
}

/** The memo behind `wordFlagsAt`: by FNV-1a hash of the word, the words seen and their flags. */
const flagCache = new Map<number, Array<{ token: string; flags: number }>>();
let flagCacheSize = 0;
const FLAG_CACHE_LIMIT = 65536;

/**
 * Everything the name judges ask of the word `text.slice(start, end)`, in one lookup: the
 * same answers as `isStrongFirstName`, `isNonNameWord`, `isParticle`, `isInitial`…
 * together. Memoised (a pure function of the word; the memo is bounded and starts over when
 * full), and compared in place, so a word seen before is not sliced.
 */
export function wordFlagsAt(text: string, start: number, end: number): number {
  let hash = 0x811c9dc5;
  for (let i = start; i < end; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  const bucket = flagCache.get(hash);
  if (bucket !== undefined) {
    for (const seen of bucket) if (seen.token.length === end - start && text.startsWith(seen.token, start)) return seen.flags;
  }
  const token = text.slice(start, end);
  const flags = computeWordFlags(token);
  if (flagCacheSize >= FLAG_CACHE_LIMIT) {
    flagCache.clear();
    flagCacheSize = 0;
  }
  const entry = { token, flags };
  const kept = flagCache.get(hash);
  if (kept === undefined) flagCache.set(hash, [entry]);
  else kept.push(entry);
  flagCacheSize++;
  return flags;
}

export const isStrongFirstName = (token: string): boolean => lookup(strongFirst, token);
export const isAmbiguousFirstName = (token: string): boolean => lookup(ambiguousFirst, token);
export const isStrongSurname = (token: string): boolean => lookup(strongSurname, token);
export const isAmbiguousSurname = (token: string): boolean => lookup(ambiguousSurname, token);
export const isNonNameWord = (token: string): boolean => nonName.has(nameKey(token.replace(/\.$/, '')));
export const isParticle = (token: string): boolean => particles.has(nameKey(token));
export const isInitial = (token: string): boolean => /^\p{Lu}\.$/u.test(token);

const escapeRegex = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * An RE2 alternation of every spelling of `names`: the first letter as written, the rest
 * case-insensitive, so "Maria" and "MARIA" match without doubling the pattern (every pattern
 * also goes into the engine's one RE2 set, whose size is bounded), while "omer" inside
 * "Customer" does not. Sorted, so RE2 factors shared prefixes into a smaller program.
 */
export function alternation(names: Iterable<string>): string {
  const forms = new Set<string>();
  for (const name of names) for (const s of spellings(name)) forms.add(s);
  const sorted = [...forms].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return `(?:${sorted.map(casedTail).join('|')})`;
}

function casedTail(name: string): string {
  const first = String.fromCodePoint(name.codePointAt(0) as number);
  const rest = name.slice(first.length);
  return rest.length === 0 ? escapeRegex(first) : `${escapeRegex(first)}(?i:${escapeRegex(rest)})`;
}

/** Particles as written in running text: lower case, Title case ("De Luca") and ALL CAPS. */
export function particleAlternation(): string {
  const forms = new Set<string>();
  for (const p of NAME_PARTICLES) {
    forms.add(p);
    forms.add(p.charAt(0).toUpperCase() + p.slice(1));
    forms.add(p.toUpperCase());
  }
  return [...forms].sort((a, b) => b.length - a.length || (a < b ? -1 : 1)).join('|');
}

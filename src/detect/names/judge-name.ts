import type { Validation } from '../spec.js';
import {
  AMBIGUOUS_FIRST,
  AMBIGUOUS_SURNAME,
  CAPITALISED_WORD,
  INITIAL,
  NON_NAME,
  PARTICLE,
  STRONG_FIRST,
  STRONG_SURNAME,
  wordFlagsAt,
} from './gazetteer.js';

const LONE_AMPERSAND_OR_PLUS = /(?:^|\s)[&+](?:\s|$)/;
const INITIAL_FIRST = /^\p{Lu}\./u;

/**
 * The gazetteer flags of a matched name's core words, in order: trailing commas dropped,
 * particles and initials ("van", "J.") left out.
 */
function readName(value: string): number[] {
  const flags: number[] = [];
  let i = 0;
  while (i < value.length) {
    if (SPACE[value.charCodeAt(i)] === 1) {
      i++;
      continue;
    }
    const start = i;
    while (i < value.length && SPACE[value.charCodeAt(i)] !== 1) i++;
    const end = value.charCodeAt(i - 1) === 44 ? i - 1 : i; // a trailing comma is not part of the word
    if (end === start) continue;
    const f = wordFlagsAt(value, start, end);
    if ((f & (PARTICLE | INITIAL)) !== 0) continue;
    flags.push(f);
  }
  return flags;
}

/** 1 for each code unit that `\s` matches (the blanks between the words of a name). */
const SPACE = new Uint8Array(0x10000);
for (let c = 0; c < 0x10000; c++) if (/\s/.test(String.fromCharCode(c))) SPACE[c] = 1;

/**
 * Shape checks shared by every person pattern: every word capitalised (the gazetteer
 * matches case-insensitively), no company, place, month or function word anywhere ("Dear
 * Sales Team", "Anna Schmidt GmbH", "George Street"), and no verb-like ambiguous name at the
 * end ("MARIA WILL CALL", "Anna May").
 */
function plausibleShape(value: string, flags: readonly number[]): boolean {
  if (flags.length === 0) return false;
  if ((value.includes('&') || value.includes('+')) && LONE_AMPERSAND_OR_PLUS.test(value)) return false;
  for (const f of flags) if ((f & CAPITALISED_WORD) === 0 || (f & NON_NAME) !== 0) return false;
  const last = flags[flags.length - 1] as number;
  return !(flags.length > 1 && (last & AMBIGUOUS_FIRST) !== 0 && (last & (STRONG_SURNAME | AMBIGUOUS_SURNAME)) === 0);
}

const any = (flags: readonly number[], from: number, bits: number): boolean => {
  for (let i = from; i < flags.length; i++) if (((flags[i] as number) & bits) !== 0) return true;
  return false;
};

/** For names found through a context cue ("Dear X", "Mr. X", "Regards, X"): shape only. */
export function judgeCuedName(value: string): Validation {
  return plausibleShape(value, readName(value)) ? undefined : 'reject';
}

/**
 * For names anchored on the gazetteer ("Maria Müller", "Will Smith", "J. Smith",
 * "Müller, Anna"): the shape must hold, and
 * - "Surname, Given" needs a known surname and a strong given name ("Berlin, Anna" and
 *   "Thanks, Anna" are not names);
 * - an initial first ("J. Smith") needs a strong surname;
 * - otherwise the first word must be a strong given name, or an ambiguous one ("Will",
 *   "Grace", "May") followed by a strong surname.
 */
export function judgeGivenNameFirst(value: string): Validation {
  const flags = readName(value);
  if (!plausibleShape(value, flags)) return 'reject';
  const first = flags[0] as number;
  if (value.includes(',')) {
    const given = flags[1];
    const surnameFirst = (first & (STRONG_SURNAME | AMBIGUOUS_SURNAME)) !== 0;
    return surnameFirst && given !== undefined && (given & STRONG_FIRST) !== 0 ? undefined : 'reject';
  }
  if (INITIAL_FIRST.test(value)) return any(flags, 0, STRONG_SURNAME) ? undefined : 'reject';
  if ((first & STRONG_FIRST) !== 0) return undefined;
  if ((first & AMBIGUOUS_FIRST) !== 0) return any(flags, 1, STRONG_SURNAME) ? undefined : 'reject';
  return 'reject';
}

/**
 * For capitalised words in running text ("… with Xiaoling Kowalczyk"): the shape must hold
 * and one word must be a strong given name or surname; an ambiguous given name first
 * still needs a strong surname.
 */
export function judgeNameInText(value: string): Validation {
  const flags = readName(value);
  if (!plausibleShape(value, flags)) return 'reject';
  const first = flags[0] as number;
  if ((first & AMBIGUOUS_FIRST) !== 0 && (first & (STRONG_FIRST | STRONG_SURNAME)) === 0) {
    return any(flags, 1, STRONG_SURNAME) ? undefined : 'reject';
  }
  return any(flags, 0, STRONG_FIRST | STRONG_SURNAME) ? undefined : 'reject';
}

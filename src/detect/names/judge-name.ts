import type { Validation } from '../spec.js';
import {
  isAmbiguousFirstName,
  isAmbiguousSurname,
  isInitial,
  isNonNameWord,
  isParticle,
  isStrongFirstName,
  isStrongSurname,
} from './gazetteer.js';

/** The words of a matched name, without particles and initials ("van", "J."). */
export function coreNameWords(value: string): string[] {
  return value
    .split(/[\s\u00A0]+/)
    .map((t) => t.replace(/,$/, ''))
    .filter((t) => t.length > 0 && !isParticle(t) && !isInitial(t));
}

const CAPITALISED = /^(?:(?:al|el|d|l)['’-])?\p{Lu}/u;

/**
 * Shape checks shared by every person pattern: every word capitalised (the gazetteer
 * matches case-insensitively), no company, place, month or function word anywhere ("Dear
 * Sales Team", "Anna Schmidt GmbH", "George Street"), and no verb-like ambiguous name at the
 * end ("MARIA WILL CALL", "Anna May").
 */
function plausibleShape(value: string, words: readonly string[]): boolean {
  if (words.length === 0 || /(?:^|\s)[&+](?:\s|$)/.test(value)) return false;
  if (words.some((w) => !CAPITALISED.test(w) || isNonNameWord(w))) return false;
  const last = words[words.length - 1] as string;
  if (words.length > 1 && isAmbiguousFirstName(last) && !isStrongSurname(last) && !isAmbiguousSurname(last)) {
    return false;
  }
  return true;
}

/** For names found through a context cue ("Dear X", "Mr. X", "Regards, X"): shape only. */
export function judgeCuedName(value: string): Validation {
  return plausibleShape(value, coreNameWords(value)) ? undefined : 'reject';
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
  const words = coreNameWords(value);
  if (!plausibleShape(value, words)) return 'reject';
  const [first, ...rest] = words as [string, ...string[]];
  if (value.includes(',')) {
    const given = rest[0];
    const surnameFirst = isStrongSurname(first) || isAmbiguousSurname(first);
    return surnameFirst && given !== undefined && isStrongFirstName(given) ? undefined : 'reject';
  }
  if (/^\p{Lu}\./u.test(value)) return words.some(isStrongSurname) ? undefined : 'reject';
  if (isStrongFirstName(first)) return undefined;
  if (isAmbiguousFirstName(first)) return rest.some(isStrongSurname) ? undefined : 'reject';
  return 'reject';
}

/**
 * For capitalised words in running text ("… with Xiaoling Kowalczyk"): the shape must hold
 * and one word must be a strong given name or surname; an ambiguous given name first
 * still needs a strong surname.
 */
export function judgeNameInText(value: string): Validation {
  const words = coreNameWords(value);
  if (!plausibleShape(value, words)) return 'reject';
  const [first, ...rest] = words as [string, ...string[]];
  if (isAmbiguousFirstName(first) && !isStrongFirstName(first) && !isStrongSurname(first)) {
    return rest.some(isStrongSurname) ? undefined : 'reject';
  }
  return words.some((w) => isStrongFirstName(w) || isStrongSurname(w)) ? undefined : 'reject';
}

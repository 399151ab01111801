/**
 * Anchors: where an anchored pattern may start. Instead of scanning the whole text, the
 * engine runs such a pattern (sticky) only at the starts of words — runs of letters, digits
 * and combining marks — for which the pattern's `startsAt` says yes. A name pattern then runs
 * at the few words the gazetteer knows instead of at every position of the text.
 *
 * These helpers build `startsAt` predicates from word lists and simple layout rules, so
 * detectors stay data. Most also carry an `index` describing the words they accept (a word
 * set, "starts with a digit", "capitalised", plus an optional extra test); the engine then
 * finds the candidate words of all such patterns in one pass over the text, with one hash
 * lookup per word, instead of calling every pattern's predicate on every word.
 */

export interface AnchorIndex {
  /** words accepted exactly as written */
  words?: ReadonlySet<string>;
  /** words that begin with an ASCII digit */
  digit?: boolean;
  /** words that begin with an ASCII digit and have one of these lengths */
  digitLengths?: readonly number[];
  /** words of one of these lengths, whatever they begin with */
  lengths?: readonly number[];
  /** words that begin with an upper-case letter */
  capitalised?: boolean;
  /** words that begin with one of these characters (a narrower `capitalised`) */
  firstChars?: string;
  /**
   * digit-led words by `[length, separators]`: of that length and followed by one of the
   * separators (any character when `separators` is "")
   */
  digitShapes?: ReadonlyArray<readonly [number, string]>;
  /**
   * With `lengths` / `digitLengths` only: those words count only when one of these ASCII
   * characters follows them ("12-", "0a:"), so they are looked up by the character after
   * them instead of by length alone; with `capitalised` too, the `lengths` words must also
   * begin with an upper-case letter ("SW1A ", "D-")
   */
  followedBy?: string;
  /**
   * words that open a run of at least this many ASCII digits, read through single
   * separators (`leadingDigits`): "12.05.2023" opens a run of 8, "756 1234 5678 97" of 13
   */
  digitRun?: number;
  /** a further test a word must pass after one of the above */
  filter?: (text: string, start: number, end: number) => boolean;
  /**
   * Instead of all the above: the positions where a match may start, ascending, found
   * directly ("the first word character before each @"). The engine then needs no word
   * index for the pattern; the predicate stays the reference (and serves RE2 patterns).
   */
  locate?: (text: string, words: WordIndex) => number[];
}

export type StartsAt = ((text: string, start: number, end: number) => boolean) & { index?: AnchorIndex };

const indexed = (test: (text: string, start: number, end: number) => boolean, index: AnchorIndex): StartsAt =>
  Object.assign(test, { index });

/** 1 for each BMP code unit that belongs to a word (letter, digit, combining mark). */
const WORD = new Uint8Array(0x10000);
{
  const re = /[\p{L}\p{N}\p{M}]/u;
  for (let c = 0; c < 0x10000; c++) if (c < 0xd800 || c > 0xdfff) WORD[c] = re.test(String.fromCharCode(c)) ? 1 : 0;
}

export const isWordCode = (code: number): boolean => WORD[code] === 1;

/** The table behind `isWordCode` (1 for each word code unit), for single-pass scanners. */
export const WORD_CODE_UNITS: Uint8Array = WORD;

/** An empty word index with room for every word a text of `length` code units can hold. */
export function wordIndexFor(length: number): WordIndex {
  const capacity = (length >> 1) + 1;
  return { starts: new Int32Array(capacity), ends: new Int32Array(capacity), count: 0 };
}

/** The word index of a text on its own (the engine builds it in its keyword pass instead). */
export function wordsOf(text: string): WordIndex {
  const words = wordIndexFor(text.length);
  let i = 0;
  while (i < text.length) {
    if (WORD[text.charCodeAt(i)] !== 1) {
      i++;
      continue;
    }
    words.starts[words.count] = i;
    while (i < text.length && WORD[text.charCodeAt(i)] === 1) i++;
    words.ends[words.count++] = i;
  }
  return words;
}

/** Word boundaries of a text: starts[i]..ends[i], in order (built in the engine's keyword pass). */
export interface WordIndex {
  starts: Int32Array;
  ends: Int32Array;
  count: number;
}


/**
 * The word is one of `words`, written as listed, in lower case, Title case or ALL CAPS. Most words are
 * turned away by their first letter and length before anything is sliced or hashed.
 */
export function wordIn(words: Iterable<string>): StartsAt {
  const forms = new Set<string>();
  const lengths = new Uint32Array(0x10000);
  for (const raw of words) {
    const lower = raw.toLowerCase();
    for (const form of [raw, lower, lower.toUpperCase(), (lower[0] as string).toUpperCase() + lower.slice(1)]) {
      forms.add(form);
      if (form.length < 32) lengths[form.charCodeAt(0)] = (lengths[form.charCodeAt(0)] as number) | (1 << form.length);
    }
  }
  return indexed((text, start, end) => {
    const length = end - start;
    return length < 32 && (((lengths[text.charCodeAt(start)] as number) >>> length) & 1) === 1 && forms.has(text.slice(start, end));
  }, { words: forms });
}

/** The word is one of `forms`, exactly as written (callers list the spellings they accept). */
export function wordAsWritten(forms: ReadonlySet<string>): StartsAt {
  return indexed((text, start, end) => forms.has(text.slice(start, end)), { words: forms });
}

/** `anchor`, and `test` too (a layout rule: line start, what precedes the word). */
export function where(anchor: StartsAt, test: (text: string, start: number, end: number) => boolean): StartsAt {
  const index = anchor.index;
  const combined = (text: string, start: number, end: number): boolean => anchor(text, start, end) && test(text, start, end);
  // located starts are taken as found: a further test would go unasked
  if (index === undefined || index.locate !== undefined) return combined;
  const filter = index.filter;
  return indexed(combined, {
    ...index,
    filter: filter ? (text, start, end) => filter(text, start, end) && test(text, start, end) : test,
  });
}

/** The first word of each phrase ("best regards" → "best", "z. hd." → "z"). */
export function firstWords(phrases: Iterable<string>): string[] {
  const out = new Set<string>();
  for (const p of phrases) {
    const m = /^[\p{L}\p{N}\p{M}]+/u.exec(p);
    if (m) out.add(m[0]);
  }
  return [...out];
}

/** Only spaces or tabs between the line's start (or the text's) and the word. */
export function atLineStart(text: string, start: number): boolean {
  for (let i = start - 1; i >= 0; i--) {
    const c = text.charCodeAt(i);
    if (c === 10) return true;
    if (c !== 32 && c !== 9) return false;
  }
  return true;
}

/** 1 for each BMP code unit that is an upper-case letter (it has a different lower case). */
const UPPER = new Uint8Array(0x10000);
for (let c = 0; c < 0x10000; c++) {
  const ch = String.fromCharCode(c);
  if (WORD[c] === 1 && ch !== ch.toLowerCase()) UPPER[c] = 1;
}

/** The word begins with an upper-case letter ("Maria", "MÜLLER"). */
export function capitalised(text: string, start: number): boolean {
  return UPPER[text.charCodeAt(start)] === 1;
}

/** The word has `length` characters and `separator` right after it ("00:", "0a1b."). */
export function wordThen(length: number, separator: string): StartsAt {
  const code = separator.charCodeAt(0);
  return indexed((text, start, end) => end - start === length && text.charCodeAt(end) === code, { lengths: [length], followedBy: separator });
}

/** The word has one of `lengths` characters (and passes `test`, when given). */
export function wordOfLength(lengths: readonly number[], test?: (text: string, start: number, end: number) => boolean): StartsAt {
  return indexed(
    (text, start, end) => lengths.includes(end - start) && (test === undefined || test(text, start, end)),
    test ? { lengths, filter: test } : { lengths },
  );
}

/** The word begins with an ASCII digit (a number, a date, a house number). */
export const startsWithDigit: StartsAt = indexed(
  (text, start) => {
    const c = text.charCodeAt(start);
    return c >= 48 && c <= 57;
  },
  { digit: true },
);

/** The word begins with an ASCII digit and has at most `max` characters ("14", "2024", "14th"). */
export function startsWithDigits(max: number): StartsAt {
  const lengths = Array.from({ length: max }, (_, i) => i + 1);
  return indexed((text, start, end) => end - start <= max && startsWithDigit(text, start, end), { digitLengths: lengths });
}

/** Characters that may stand between the digit groups of a number: space . - / + */
const RUN_SEPARATOR = new Uint8Array(128);
for (const c of ' .-/+') RUN_SEPARATOR[c.charCodeAt(0)] = 1;

/**
 * How many ASCII digits the run that opens at `start` holds: digits, read through single
 * separators (space . - / +) that stand between two digits, up to 64 characters.
 */
export function leadingDigits(text: string, start: number): number {
  let digits = 0;
  const limit = Math.min(text.length, start + 64);
  for (let i = start; i < limit; i++) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) digits++;
    else if (c >= 128 || RUN_SEPARATOR[c] !== 1) break;
    else {
      const next = text.charCodeAt(i + 1);
      if (!(next >= 48 && next <= 57)) break;
    }
  }
  return digits;
}

/**
 * Digit-shaped identifiers with separators ("12.345.678-Z", "756.1234.5678.97"): the word
 * opens a run of at least `min` digits (see `leadingDigits`). `min` is the fewest digits any
 * match holds before its first character that is neither a digit nor a separator.
 */
export function digitRun(min: number): StartsAt {
  return indexed((text, start) => startsWithDigit(text, start, start + 1) && leadingDigits(text, start) >= min, { digitRun: min });
}

/**
 * Maximal runs of at least `min` characters that `member` accepts (for tokens that may
 * open with punctuation, such as base64 with "/" and "+"), located in one pass.
 */
export function runOf(member: (code: number) => boolean, min: number): StartsAt {
  const test = (text: string, start: number): boolean => {
    if (start > 0 && member(text.charCodeAt(start - 1))) return false;
    let i = start;
    while (i < text.length && i - start < min && member(text.charCodeAt(i))) i++;
    return i - start >= min;
  };
  const locate = (text: string): number[] => {
    const starts: number[] = [];
    for (let i = 0; i < text.length; ) {
      if (!member(text.charCodeAt(i))) {
        i++;
        continue;
      }
      const start = i;
      while (i < text.length && member(text.charCodeAt(i))) i++;
      if (i - start >= min) starts.push(start);
    }
    return starts;
  };
  return indexed(test, { locate });
}

/**
 * Digit-shaped identifiers by the shape of their first word: `[length, after]` pairs, where
 * `after` lists the separators that must follow a first group of that length, and a digit
 * must follow the separator ("" when the whole identifier is that one word; a third element
 * `false` lets anything follow the separator, as the letter of "12345678 Z"). Tighter than
 * `digitRun`: `[[3, ' '], [6, ' '], [9, '']]` takes "123 456 789", "123456 789" and
 * "123456789", never a date, "15 minutes" or a phone number's tail.
 */
export function digitGroups(shapes: ReadonlyArray<readonly [number, string] | readonly [number, string, boolean]>): StartsAt {
  const after = new Map(shapes.map(([length, separators, digitNext = true]) => [length, { separators, digitNext }]));
  const followed = (text: string, start: number, end: number): boolean => {
    const shape = after.get(end - start);
    if (shape === undefined) return false;
    if (shape.separators === '') return true;
    if (end >= text.length || !shape.separators.includes(text[end] as string)) return false;
    const next = text.charCodeAt(end + 1);
    return !shape.digitNext || (next >= 48 && next <= 57);
  };
  return indexed((text, start, end) => startsWithDigit(text, start, end) && followed(text, start, end), {
    digitShapes: shapes.map(([length, separators]) => [length, separators] as const),
    filter: followed,
  });
}

/** Either test accepts the word. */
export function either(a: StartsAt, b: StartsAt): StartsAt {
  const test = (text: string, start: number, end: number): boolean => a(text, start, end) || b(text, start, end);
  const ia = a.index;
  const ib = b.index;
  const simple = (i: AnchorIndex): boolean =>
    !i.filter && !i.followedBy && !i.firstChars && !i.digitShapes && i.digitRun === undefined && !i.locate;
  if (!ia || !ib || !simple(ia) || !simple(ib)) return test;
  const words = ia.words && ib.words ? new Set([...ia.words, ...ib.words]) : (ia.words ?? ib.words);
  const digitLengths = [...(ia.digitLengths ?? []), ...(ib.digitLengths ?? [])];
  const lengths = [...(ia.lengths ?? []), ...(ib.lengths ?? [])];
  return indexed(test, {
    ...(words ? { words } : {}),
    ...(ia.digit || ib.digit ? { digit: true } : {}),
    ...(ia.capitalised || ib.capitalised ? { capitalised: true } : {}),
    ...(digitLengths.length > 0 ? { digitLengths } : {}),
    ...(lengths.length > 0 ? { lengths } : {}),
  });
}

/** The word begins with one of `prefixes`, in any case ("exceed" for "Exceeds", "exceeding"). */
export function wordStartsWith(prefixes: readonly string[]): StartsAt {
  const lower = prefixes.map((p) => p.toLowerCase());
  const first = new Uint8Array(0x10000);
  for (const p of lower) for (const v of [p[0] as string, (p[0] as string).toUpperCase()]) if (v.length === 1) first[v.charCodeAt(0)] = 1;
  return (text, start, end) => {
    if (first[text.charCodeAt(start)] !== 1) return false;
    const word = text.slice(start, end).toLowerCase();
    return lower.some((p) => word.startsWith(p));
  };
}

/**
 * Digit-shaped identifiers: the first group is a word of one of `lengths` characters that
 * starts with a digit, followed by one of `separators` and then a digit ("" when the
 * identifier is one word: "123456789").
 */
export function firstGroup(lengths: readonly number[], separators = ''): StartsAt {
  const ok = new Uint8Array(64);
  for (const l of lengths) ok[l] = 1;
  const seps = [...separators].map((c) => c.charCodeAt(0));
  const separated = (text: string, _start: number, end: number): boolean => {
    if (seps.length === 0) return true;
    const next = text.charCodeAt(end + 1);
    return seps.includes(text.charCodeAt(end)) && next >= 48 && next <= 57;
  };
  return indexed(
    (text, start, end) => {
      const length = end - start;
      const c = text.charCodeAt(start);
      return length < 64 && ok[length] === 1 && c >= 48 && c <= 57 && separated(text, start, end);
    },
    separators === '' ? { digitLengths: lengths } : { digitLengths: lengths, followedBy: separators },
  );
}

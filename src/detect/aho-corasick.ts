/**
 * Case-insensitive Aho-Corasick automaton over UTF-16 code units, compiled to a dense DFA.
 * Characters are mapped to small classes (upper and lower case share one, all whitespace
 * shares one), so matching is one table lookup per code unit and needs no lower-cased copy
 * of the text.
 */

export interface AhoMatch {
  /** index of the pattern in the list given to the constructor */
  pattern: number;
  start: number;
  end: number;
}

const WHITESPACE = /\s/;

export class AhoCorasick {
  readonly patterns: readonly string[];
  private readonly classOf: Uint16Array;
  private readonly width: number;
  /** the transition table, in the narrowest array that holds every state number (cache-friendly) */
  private readonly delta: Uint16Array | Int32Array;
  /** per state: the patterns that end there (own and inherited through failure links) */
  private readonly outputs: (number[] | undefined)[];
  private readonly lengths: Int32Array;

  constructor(patterns: readonly string[]) {
    this.patterns = patterns;
    const classOf = new Uint16Array(65536);
    let classes = 1;
    const classFor = (code: number): number => {
      const existing = classOf[code];
      if (existing !== undefined && existing !== 0) return existing;
      const ch = String.fromCharCode(code);
      if (WHITESPACE.test(ch)) {
        let ws = classOf[0x20] ?? 0;
        if (ws === 0) ws = classes++;
        for (const w of [0x20, 0x09, 0x0a, 0x0d, 0x0b, 0x0c, 0xa0, 0x2007, 0x202f]) classOf[w] = ws;
        return ws;
      }
      const id = classes++;
      for (const variant of [ch, ch.toLowerCase(), ch.toUpperCase()]) {
        if (variant.length === 1) classOf[variant.charCodeAt(0)] = id;
      }
      return id;
    };
    const encoded = patterns.map((p) => Array.from({ length: p.length }, (_, i) => classFor(p.charCodeAt(i))));
    this.classOf = classOf;
    this.width = classes;
    this.lengths = Int32Array.from(patterns.map((p) => p.length));

    // trie
    const goto: number[][] = [new Array<number>(classes).fill(-1)];
    const out: number[][] = [[]];
    encoded.forEach((codes, index) => {
      if (codes.length === 0) return;
      let state = 0;
      for (const c of codes) {
        const row = goto[state] as number[];
        let next = row[c] as number;
        if (next === -1) {
          next = goto.length;
          goto.push(new Array<number>(classes).fill(-1));
          out.push([]);
          row[c] = next;
        }
        state = next;
      }
      (out[state] as number[]).push(index);
    });

    // breadth-first: failure links folded into a complete transition table
    const states = goto.length;
    const delta = new Int32Array(states * classes);
    const fail = new Int32Array(states);
    const queue: number[] = [];
    const root = goto[0] as number[];
    for (let c = 0; c < classes; c++) {
      const next = root[c] as number;
      if (next === -1) {
        delta[c] = 0;
      } else {
        delta[c] = next;
        fail[next] = 0;
        queue.push(next);
      }
    }
    for (let head = 0; head < queue.length; head++) {
      const state = queue[head] as number;
      const row = goto[state] as number[];
      const f = fail[state] as number;
      const inherited = out[f] as number[];
      if (inherited.length > 0) out[state] = [...(out[state] as number[]), ...inherited];
      for (let c = 0; c < classes; c++) {
        const next = row[c] as number;
        const viaFail = delta[f * classes + c] as number;
        if (next === -1) {
          delta[state * classes + c] = viaFail;
        } else {
          delta[state * classes + c] = next;
          fail[next] = viaFail;
          queue.push(next);
        }
      }
    }
    this.delta = states <= 0xffff ? Uint16Array.from(delta) : delta;
    this.outputs = out.map((o) => (o.length > 0 ? o : undefined));
  }

  /** Calls `onMatch(patternIndex, start, end)` for every occurrence, in order of end. */
  scan(text: string, onMatch: (pattern: number, start: number, end: number) => void): void {
    const { classOf, delta, width, outputs, lengths } = this;
    let state = 0;
    for (let i = 0; i < text.length; i++) {
      state = delta[state * width + (classOf[text.charCodeAt(i)] as number)] as number;
      const hits = outputs[state];
      if (hits !== undefined) {
        for (const p of hits) onMatch(p, i + 1 - (lengths[p] as number), i + 1);
      }
    }
  }

  /**
   * `scan`, also counting the text's ASCII digits (returned) and recording its words —
   * maximal runs of code units that `wordTable` marks 1 — in `words`: the detection engine's
   * prefilter, digit count and word index in one read of the text.
   */
  scanIndexing(
    text: string,
    onMatch: (pattern: number, start: number, end: number) => void,
    wordTable: Uint8Array,
    words: { starts: Int32Array; ends: Int32Array; count: number },
  ): number {
    const { classOf, delta, width, outputs, lengths } = this;
    const { starts, ends } = words;
    let count = 0;
    let inWord = 0;
    let state = 0;
    let digits = 0;
    for (let i = 0; i < text.length; i++) {
      const code = text.charCodeAt(i);
      if (code >= 48 && code <= 57) digits++;
      const word = wordTable[code] as number;
      if (word !== inWord) {
        if (word === 1) starts[count] = i;
        else ends[count++] = i;
        inWord = word;
      }
      state = delta[state * width + (classOf[code] as number)] as number;
      const hits = outputs[state];
      if (hits !== undefined) {
        for (const p of hits) onMatch(p, i + 1 - (lengths[p] as number), i + 1);
      }
    }
    if (inWord === 1) ends[count++] = text.length;
    words.count = count;
    return digits;
  }

  /** The set of pattern indexes that occur anywhere in the text. */
  present(text: string): Set<number> {
    const found = new Set<number>();
    this.scan(text, (p) => found.add(p));
    return found;
  }

  /** Occurrences that stand as whole words (no letter, digit or underscore on either side). */
  wholeWords(text: string): AhoMatch[] {
    const matches: AhoMatch[] = [];
    this.scan(text, (pattern, start, end) => {
      if (isWordCharAt(text, start - 1) || isWordCharAt(text, end)) return;
      matches.push({ pattern, start, end });
    });
    return matches;
  }
}

const WORD_CHAR = /[\p{L}\p{N}\p{M}_]/u;

export function isWordCharAt(text: string, index: number): boolean {
  if (index < 0 || index >= text.length) return false;
  const code = text.charCodeAt(index);
  if (code < 128) {
    return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code === 95;
  }
  // surrogate pairs: look at the whole code point
  if (code >= 0xdc00 && code <= 0xdfff && index > 0) return WORD_CHAR.test(text.slice(index - 1, index + 1));
  if (code >= 0xd800 && code <= 0xdbff) return WORD_CHAR.test(text.slice(index, index + 2));
  return WORD_CHAR.test(text[index] as string);
}

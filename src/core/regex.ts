import { createRequire } from 'node:module';
import v8 from 'node:v8';
import { AirlockError } from './errors.js';
import { toV8Source } from './regex-v8.js';

// V8's backtracking engine is fast but can be made to run for years by a crafted input. With
// this flag a regex that backtracks excessively is re-run on V8's linear-time engine, so the
// worst case stays linear. The linear engine does not take the `u` flag, so only patterns
// that need no `u` run on V8; the rest run on RE2.
v8.setFlagsFromString('--enable-experimental-regexp-engine-on-excessive-backtracks');

/**
 * Linear-time regular expressions. Every detector pattern is compiled by RE2, which has no
 * backtracking, so adversarial input cannot make matching super-linear. A pattern that RE2
 * cannot compile (backreferences, lookaround) is a configuration error at load time.
 */

interface Re2Match {
  index: number;
  0: string;
  [group: number]: string | undefined;
  indices?: Array<[number, number] | undefined>;
}

interface Re2Instance {
  lastIndex: number;
  exec(text: string): Re2Match | null;
  test(text: string): boolean;
}

type Re2Constructor = new (pattern: string, flags?: string) => Re2Instance;

const require = createRequire(import.meta.url);
const RE2 = require('re2') as Re2Constructor;

export interface RegexMatch {
  start: number;
  end: number;
  /** spans of capture groups, by group number; undefined when a group did not take part */
  groups: Array<[number, number] | undefined>;
}

export class SafeRegex {
  readonly source: string;
  readonly caseInsensitive: boolean;
  private readonly re: Re2Instance;
  /** the same pattern on V8, when it compiles there without the `u` flag */
  private readonly js: RegExp | undefined;

  /** true when V8 runs this pattern (RE2 validated it; V8's linear fallback bounds it) */
  get onV8(): boolean {
    return this.js !== undefined;
  }
  private readonly jsGroups: boolean;
  private sticky: RegExp | undefined;

  constructor(source: string, options: { caseInsensitive?: boolean; groups?: boolean } = {}) {
    this.source = source;
    this.caseInsensitive = options.caseInsensitive ?? false;
    try {
      // group offsets ('d') double the cost of each match in node-re2: only when asked for
      this.re = new RE2(source, `g${options.groups === false ? '' : 'd'}${options.caseInsensitive ? 'i' : ''}u`);
      this.jsGroups = options.groups !== false;
      this.js = toLinearSafeJs(source, this.caseInsensitive, `g${this.jsGroups ? 'd' : ''}`);
    } catch (error) {
      throw new AirlockError('CONFIG_INVALID', `pattern is not valid RE2 syntax: ${String((error as Error).message)}`, {
        cause: error,
      });
    }
  }

  /**
   * The match that starts exactly at `index` (UTF-16), for hot loops: when a non-empty match
   * starts there, pushes the span of capture group `group` (if it took part) to `spans` and
   * returns the match's end; otherwise returns -1. Nothing is allocated beyond V8's own match
   * (none at all without a group). V8 patterns only: callers check `onV8` and otherwise scan
   * with `matchIn` and keep the matches that start there.
   */
  spanAt(text: string, index: number, group: number, spans: number[]): number {
    const js = this.js;
    if (!js) throw new AirlockError('CONFIG_INVALID', 'spanAt needs a pattern that runs on V8');
    this.sticky ??= new RegExp(js.source, `${js.flags.replace('g', '')}y`);
    const sticky = this.sticky;
    sticky.lastIndex = index;
    if (group === 0) {
      // test() leaves lastIndex at the match's end: no match array to build
      if (!sticky.test(text)) return -1;
      const end = sticky.lastIndex;
      if (end === index) return -1;
      spans.push(index, end);
      return end;
    }
    const m = sticky.exec(text);
    if (m === null || m[0].length === 0) return -1;
    pushGroup(m, group, spans);
    return index + m[0].length;
  }

  /**
   * `matchIn` for hot loops: pushes the span of capture group `group` of every match (where
   * it took part) to `spans`, with UTF-16 offsets, in order.
   */
  spansIn(text: Utf8Text, group: number, spans: number[]): void {
    const js = this.js;
    if (!js) {
      for (const m of this.matchIn(text)) {
        const span = m.groups[group];
        if (span !== undefined) spans.push(span[0], span[1]);
      }
      return;
    }
    js.lastIndex = 0;
    for (;;) {
      const m = js.exec(text.text);
      if (m === null) break;
      pushGroup(m, group, spans);
      if (m[0].length === 0) js.lastIndex = m.index + 1;
    }
  }

  /** All non-overlapping matches with UTF-16 offsets: on V8 when the pattern allows, else RE2 on the bytes. */
  matchIn(text: Utf8Text): RegexMatch[] {
    const js = this.js;
    if (!js) {
      return this.matchAllBytes(text.bytes).map((m) => ({
        start: text.index(m.start),
        end: text.index(m.end),
        groups: m.groups.map((g) => (g ? ([text.index(g[0]), text.index(g[1])] as [number, number]) : undefined)),
      }));
    }
    const matches: RegexMatch[] = [];
    js.lastIndex = 0;
    for (;;) {
      const m = js.exec(text.text);
      if (m === null) break;
      const start = m.index;
      const end = start + m[0].length;
      const indices = (m as RegExpExecArray & { indices?: Array<[number, number] | undefined> }).indices;
      matches.push({ start, end, groups: indices ? indices.slice() : [[start, end]] });
      if (end === start) js.lastIndex = end + 1;
    }
    return matches;
  }

  /**
   * All non-overlapping matches in UTF-8 bytes, left to right, with byte offsets. Callers
   * that run many patterns over one text convert it once and map offsets back (see
   * `Utf8Text`), instead of letting every pattern convert the string again.
   */
  matchAllBytes(bytes: Buffer): RegexMatch[] {
    const re = this.re;
    const matches: RegexMatch[] = [];
    re.lastIndex = 0;
    for (;;) {
      const m = (re as unknown as { exec(b: Buffer): (Re2Match & { 0: Buffer; indices?: Array<[number, number] | undefined> }) | null }).exec(bytes);
      if (m === null) break;
      const start = m.index;
      const end = start + m[0].length;
      const groups: Array<[number, number] | undefined> = m.indices ? m.indices.slice() : [[start, end]];
      matches.push({ start, end, groups });
      if (end === start) re.lastIndex = end + 1;
    }
    return matches;
  }

  /** All non-overlapping matches, left to right, with UTF-16 offsets. */
  matchAll(text: string): RegexMatch[] {
    const re = this.re;
    const matches: RegexMatch[] = [];
    re.lastIndex = 0;
    for (;;) {
      const m = re.exec(text);
      if (m === null) break;
      const start = m.index;
      const end = start + m[0].length;
      const groups: Array<[number, number] | undefined> = m.indices ? m.indices.slice() : [[start, end]];
      matches.push({ start, end, groups });
      if (end === start) re.lastIndex = end + 1;
    }
    return matches;
  }

  test(text: string): boolean {
    this.re.lastIndex = 0;
    return this.re.test(text);
  }

  /** Whether the pattern matches anywhere: on V8 when the pattern allows (no UTF-8 copy), else RE2. */
  occursIn(text: string): boolean {
    const js = this.js;
    if (!js) return this.test(text);
    js.lastIndex = 0;
    const found = js.test(text);
    js.lastIndex = 0;
    return found;
  }
}

interface Re2SetInstance {
  match(text: string | Buffer): number[];
}
type Re2SetConstructor = new (patterns: string[], flags?: string) => Re2SetInstance;

/** Pushes the span of capture group `group` of a V8 match (when it took part) to `spans`. */
function pushGroup(m: RegExpExecArray, group: number, spans: number[]): void {
  if (group === 0) {
    spans.push(m.index, m.index + m[0].length);
    return;
  }
  const span = (m as RegExpExecArray & { indices?: Array<[number, number] | undefined> }).indices?.[group];
  if (span !== undefined) spans.push(span[0], span[1]);
}

/**
 * Many patterns in few automata: one linear pass per automaton tells which patterns match
 * anywhere in a text, so only those run on their own. RE2 bounds an automaton's memory, so
 * the patterns are split into as many sets as it takes; a pattern too large for any set is
 * always reported as matching. A set that cannot evaluate a text (its DFA ran out of
 * memory) throws: callers must then run every pattern, never skip them.
 */
export class SafeRegexSet {
  private readonly sets: Array<{ set: Re2SetInstance; indexes: number[] }> = [];
  private readonly always: number[] = [];

  constructor(patterns: ReadonlyArray<{ source: string; caseInsensitive?: boolean }>, options: { maxPerSet?: number } = {}) {
    const Set = (RE2 as unknown as { Set: Re2SetConstructor }).Set;
    // a set's DFA grows with every pattern it tracks at once; small sets stay fast
    const maxPerSet = options.maxPerSet ?? 16;
    const sources = patterns.map((p) => (p.caseInsensitive ? `(?i:${p.source})` : p.source));
    const build = (indexes: number[]): void => {
      if (indexes.length === 0) return;
      if (indexes.length > maxPerSet) {
        build(indexes.slice(0, maxPerSet));
        build(indexes.slice(maxPerSet));
        return;
      }
      try {
        this.sets.push({ set: new Set(indexes.map((i) => sources[i] as string), 'u'), indexes });
      } catch {
        if (indexes.length === 1) {
          this.always.push(indexes[0] as number);
          return;
        }
        const half = Math.ceil(indexes.length / 2);
        build(indexes.slice(0, half));
        build(indexes.slice(half));
      }
    };
    build(sources.map((_, i) => i));
  }

  /** How many automata the patterns needed (for diagnostics and benchmarks). */
  get automata(): number {
    return this.sets.length;
  }

  /** Indexes of the patterns that match somewhere in the text (plus those always run). */
  matching(text: string | Buffer): number[] {
    const out = this.always.slice();
    for (const { set, indexes } of this.sets) for (const k of set.match(text)) out.push(indexes[k] as number);
    return out;
  }
}

/**
 * A text converted to UTF-8 once, with byte offsets mapped back to UTF-16 code units (the
 * offsets JavaScript uses). ASCII text needs no mapping; other text builds the map on first use.
 */
export class Utf8Text {
  private encoded: Buffer | undefined;
  private map: Uint32Array | undefined;

  constructor(readonly text: string) {}

  /** The UTF-8 bytes, encoded on first use (patterns that run on V8 never ask). */
  get bytes(): Buffer {
    return (this.encoded ??= Buffer.from(this.text, 'utf8'));
  }

  get ascii(): boolean {
    return this.bytes.length === this.text.length;
  }

  /** UTF-16 index of a byte offset that starts a character (or the end). */
  index(byteOffset: number): number {
    if (this.ascii) return byteOffset;
    if (!this.map) {
      const map = new Uint32Array(this.bytes.length + 1);
      let u = 0;
      for (let b = 0; b < this.bytes.length; ) {
        const lead = this.bytes[b] as number;
        const size = lead < 0x80 ? 1 : lead < 0xe0 ? 2 : lead < 0xf0 ? 3 : 4;
        for (let k = 0; k < size && b + k < this.bytes.length; k++) map[b + k] = u;
        b += size;
        u += size === 4 ? 2 : 1;
      }
      map[this.bytes.length] = u;
      this.map = map;
    }
    return this.map[byteOffset] as number;
  }
}

/**
 * The pattern as a V8 RegExp without `u` (see `toV8Source`), so V8's linear engine can take
 * over on excessive backtracking. Undefined when it cannot be written so (RE2 runs it).
 */
function toLinearSafeJs(source: string, caseInsensitive: boolean, flags: string): RegExp | undefined {
  // A case-insensitive pattern keeps V8's `i` flag: spelling every letter as a class makes
  // large word alternations (medical terms, month names) tens of times slower.
  const translated = toV8Source(source);
  if (translated === undefined) return undefined;
  try {
    return new RegExp(translated, caseInsensitive ? `${flags}i` : flags);
  } catch {
    return undefined;
  }
}

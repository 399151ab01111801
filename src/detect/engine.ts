import { randomBytes } from 'node:crypto';
import { AirlockError, asAirlockError } from '../core/errors.js';
import { SafeRegex, SafeRegexSet, Utf8Text } from '../core/regex.js';
import { ShortHmac } from '../core/short-hmac.js';
import type { Finding } from '../core/types.js';
import { AhoCorasick, isWordCharAt } from './aho-corasick.js';
import { capitalised, leadingDigits, WORD_CODE_UNITS, wordIndexFor, type StartsAt, type WordIndex } from './anchors.js';
import { compileDictionaries, type CompiledDictionaries, type DictionaryConfig } from './dictionaries.js';
import { shannonEntropy } from './entropy.js';
import { looksLikePlaceholder } from './placeholder.js';
import { DEFAULT_CONTEXT_BOOST, type DetectorSpec } from './spec.js';

export interface EngineOptions {
  detectors: readonly DetectorSpec[];
  dictionaries?: DictionaryConfig;
  /** Key of the HMAC that fingerprints values. Random per engine when absent. */
  fingerprintKey?: Buffer;
  /** Longest text accepted, in UTF-16 code units (default 1 MiB). */
  maxTextLength?: number;
  /** How far around a match context words are looked for, in code units. */
  contextBefore?: number;
  contextAfter?: number;
}

export interface DetectOptions {
  minScore?: number;
}

interface CompiledPattern {
  /** index of this pattern in the engine's pattern set */
  setIndex: number;
  name: string;
  regex: SafeRegex;
  score: number;
  group: number;
  startsAt: StartsAt | undefined;
  /** slot in the engine's anchor index, when the anchor is indexable (see `anchors.ts`) */
  anchorSlot: number | undefined;
  requires: SafeRegex | undefined;
}

/** What one `detect` call computes once and shares between detectors. */
interface Scan {
  utf8: Utf8Text;
  words: WordIndex;
  /** the words each anchor slot accepts, found on first use (see `findAnchorHits`) */
  anchorHits: AnchorHits | undefined;
  /** 1 for each detector that passed the prefilter (anchor hits are found for those only) */
  runnable: Uint8Array;
  context: ContextHits;
  /** storage for `anchorHits` */
  hits: AnchorHits;
  /** one pattern's match spans (start, end, start, end…), refilled per pattern */
  spans: number[];
}

/** What one `detect` call fills and the next one reuses. */
interface Scratch {
  words: WordIndex;
  context: ContextHits;
  hits: AnchorHits;
  spans: number[];
}

/** Every indexable anchor of every pattern, merged: one lookup per word serves them all. */
interface AnchorTable {
  /** listed words by `wordHash`: the word and the slots that list it */
  byWord: Map<number, Array<{ word: string; slots: number[] }>>;
  digit: number[];
  /** by length: slots that take digit-led words of that length */
  digitByLength: number[][];
  /** by length: slots that take any word of that length */
  byLength: number[][];
  capitalised: number[];
  /** per first code unit: slots that take words beginning with it (`firstChars`) */
  byFirst: Array<number[] | undefined>;
  /**
   * per ASCII code unit: slots that take words followed by it (`followedBy`), by word length:
   * for any word, and for digit-led words only
   */
  byNext: Array<{ any: number[][]; digit: number[][]; upper: number[][] } | undefined>;
  /** slots that take digit-led words opening a run of at least `min` digits, by `min` ascending */
  digitRun: Array<{ min: number; slot: number }>;
  filters: Array<StartsAt | undefined>;
  /** per slot: the index of the detector whose pattern it anchors */
  detectorOf: number[];
  /** per first code unit: bit n set when some listed word of length n starts with it */
  lengthsByFirst: Uint32Array;
  /** 1 at `wordHash(w) & 0xffff` for every listed word (a filter before slicing and hashing) */
  wordBloom: Uint8Array;
  slots: number;
}

interface CompiledDetector {
  spec: DetectorSpec;
  patterns: CompiledPattern[];
  /** ids of the detector's context words */
  context: Set<number>;
  hasKeywords: boolean;
}

/** Whole-word occurrences of context words in one text, in order of their end. */
interface ContextHits {
  starts: number[];
  ends: number[];
  ids: number[];
  /** entries in use (the arrays are reused from call to call and may be longer) */
  count: number;
}

/** A finding before overlap resolution and fingerprinting. */
interface Candidate {
  entity: string;
  start: number;
  end: number;
  score: number;
  detectorId: string;
}

export const DEFAULT_MAX_TEXT_LENGTH = 1 << 20;
/** The largest word index an engine keeps between calls (entries; 8 bytes each). */
const MAX_KEPT_WORDS = 1 << 16;

function freshScratch(length: number, slots: number): Scratch {
  return { words: wordIndexFor(Math.max(length, 8192)), context: { starts: [], ends: [], ids: [], count: 0 }, hits: anchorHitsFor(slots), spans: [] };
}

/** Word lengths an anchor index can list (`digitLengths`, `lengths`). */
const MAX_INDEXED_LENGTH = 128;
const DETECTOR_ID = /^[a-z0-9]+(?:[-:][a-z0-9]+)*$/;
const ENTITY_ID = /^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)*$/;

/**
 * The detection engine: one keyword pass (prefilter keywords, context words, digit count) →
 * patterns (RE2-checked, run on V8: scanned, or tried at their anchor words only) →
 * boundary, entropy, placeholder and checksum checks → context scoring → dictionary terms →
 * allowlist → overlap resolution → fingerprints. See docs/detection.md.
 *
 * Overlap resolution is deterministic: candidates are ranked by score (highest first),
 * then length (longest first), then start (earliest first), then detector id; each is
 * kept unless it overlaps one already kept. The result is sorted by start.
 */
export class DetectionEngine {
  readonly detectors: readonly CompiledDetector[];
  private readonly keywordAutomaton: AhoCorasick;
  /** all patterns of all detectors: one pass finds which can match at all */
  private readonly patternSet: SafeRegexSet | undefined;
  private readonly patternCount: number;
  /** 1 for each pattern that runs without asking the RE2 set (never written after construction) */
  private readonly unsetMarks: Uint8Array;
  /** scratch for the keyword pass: the generation in which a term was last seen */
  private readonly termSeen: Uint32Array;
  private generation = 0;
  /** word index and context lists for the next call (see `detect`) */
  private scratch: Scratch | undefined;
  /** pattern indexes (engine-wide) of the patterns in the set, in set order */
  private readonly setMembers: number[];
  /** term index → detectors that list it as a keyword */
  private readonly keywordOwners: number[][];
  /**
   * term index → detectors whose keyword it is only as a whole word: written exactly as
   * `form` (`as-written`), or in any case between non-word ASCII characters (`whole-word`)
   */
  private readonly exactKeywordOwners: Array<Array<{ detector: number; form: string | undefined }> | undefined>;
  /** term index → context word id, or -1 when the term is only a keyword */
  private readonly termContextId: Int32Array;
  /** context word id → detectors that require context and list it (they run only where one occurs) */
  private readonly contextRequiredBy: number[][];
  /** detectors without prefilter keywords (they pass the keyword step on every text) */
  private readonly keywordFree: number[];
  /** detectors that need a least number of digits in the text */
  private readonly digitGated: Array<{ detector: number; minDigits: number }>;
  /** detectors that require context */
  private readonly contextGated: number[];
  private readonly dictionaries: CompiledDictionaries;
  private readonly anchors: AnchorTable;
  private readonly hmac: ShortHmac;
  private readonly maxTextLength: number;
  private readonly contextBefore: number;
  private readonly contextAfter: number;

  constructor(options: EngineOptions) {
    // One automaton holds every keyword (prefilter) and every context word (scoring).
    const terms: string[] = [];
    const termIndex = new Map<string, number>();
    const owners: number[][] = [];
    const contextIds: number[] = [];
    const termOf = (raw: string): number => {
      const term = raw.toLowerCase();
      let k = termIndex.get(term);
      if (k === undefined) {
        k = terms.length;
        terms.push(term);
        termIndex.set(term, k);
        owners.push([]);
        contextIds.push(-1);
      }
      return k;
    };
    const exactOwners: Array<Array<{ detector: number; form: string | undefined }> | undefined> = [];
    const contextWords = new Map<string, number>();
    const requiredBy: number[][] = [];
    const ids = new Set<string>();
    let setIndex = 0;
    this.detectors = options.detectors.map((spec, index) => {
      validateSpec(spec, ids);
      for (const raw of spec.keywords ?? []) {
        const k = termOf(raw);
        if (spec.keywordMatch === 'as-written' || spec.keywordMatch === 'whole-word') {
          const forms = exactOwners[k] ?? (exactOwners[k] = []);
          forms.push({ detector: index, form: spec.keywordMatch === 'as-written' ? raw : undefined });
        } else {
          (owners[k] as number[]).push(index);
        }
      }
      const context = new Set<number>();
      for (const raw of spec.context ?? []) {
        const word = raw.toLowerCase();
        let id = contextWords.get(word);
        if (id === undefined) {
          id = contextWords.size;
          contextWords.set(word, id);
          contextIds[termOf(word)] = id;
          requiredBy.push([]);
        }
        context.add(id);
        if (spec.contextRequired) (requiredBy[id] as number[]).push(index);
      }
      return {
        spec,
        patterns: spec.patterns.map((p) => compilePattern(spec, p, setIndex++)),
        context,
        hasKeywords: (spec.keywords?.length ?? 0) > 0,
      };
    });
    this.keywordAutomaton = new AhoCorasick(terms);
    this.anchors = buildAnchorTable(this.detectors);
    this.termContextId = Int32Array.from(contextIds);
    this.contextRequiredBy = requiredBy;
    const indexes = this.detectors.map((_, d) => d);
    this.keywordFree = indexes.filter((d) => !(this.detectors[d] as CompiledDetector).hasKeywords);
    this.digitGated = indexes
      .map((d) => ({ detector: d, minDigits: (this.detectors[d] as CompiledDetector).spec.minDigits ?? 0 }))
      .filter((g) => g.minDigits > 0);
    this.contextGated = indexes.filter((d) => (this.detectors[d] as CompiledDetector).spec.contextRequired === true);
    this.termSeen = new Uint32Array(terms.length);
    this.exactKeywordOwners = Array.from({ length: terms.length }, (_, k) => exactOwners[k]);
    // Detectors with keywords are already filtered by the keyword pass and rarely run; the
    // set is for the patterns that would otherwise run on every text.
    this.patternCount = setIndex;
    // Patterns V8 runs cost little to try; the set pays off for the RE2 ones only.
    this.setMembers = this.detectors.filter((d) => !d.hasKeywords).flatMap((d) => d.patterns.filter((p) => !p.regex.onV8).map((p) => p.setIndex));
    const byIndex = new Map(this.detectors.flatMap((d) => d.patterns.map((p) => [p.setIndex, p.regex] as const)));
    this.patternSet = this.setMembers.length > 0 ? new SafeRegexSet(this.setMembers.map((i) => byIndex.get(i) as SafeRegex)) : undefined;
    this.unsetMarks = new Uint8Array(this.patternCount);
    for (const d of this.detectors) for (const p of d.patterns) if (d.hasKeywords || p.regex.onV8) this.unsetMarks[p.setIndex] = 1;
    this.keywordOwners = owners;
    this.dictionaries = compileDictionaries(options.dictionaries ?? {});
    this.hmac = new ShortHmac(options.fingerprintKey ?? randomBytes(32));
    this.maxTextLength = options.maxTextLength ?? DEFAULT_MAX_TEXT_LENGTH;
    this.contextBefore = options.contextBefore ?? 64;
    this.contextAfter = options.contextAfter ?? 32;
  }

  /** Findings in `text`, non-overlapping, sorted by start. Throws AirlockError, never passes silently. */
  detect(text: string, options: DetectOptions = {}): Finding[] {
    if (typeof text !== 'string') throw new AirlockError('INPUT_INVALID', 'text must be a string');
    if (text.length > this.maxTextLength) {
      throw new AirlockError(
        'PAYLOAD_TOO_LARGE',
        `text of ${text.length} code units exceeds the limit of ${this.maxTextLength}`,
      );
    }
    const minScore = options.minScore ?? 0;
    const candidates: Candidate[] = [];
    // the word index, context and hit lists are reused from call to call (fewer young-
    // generation collections, which set the latency tail); a nested call (a validator that
    // runs detection) gets fresh ones
    const scratch = this.scratch;
    this.scratch = undefined;
    const next =
      scratch !== undefined && scratch.words.starts.length > text.length >> 1 ? scratch : freshScratch(text.length, this.anchors.slots);
    next.context.count = 0;
    try {
      return this.detectWith(text, minScore, candidates, next);
    } finally {
      const small = Math.max(next.words.starts.length, next.hits.word.length, next.context.starts.length) <= MAX_KEPT_WORDS;
      if (small) this.scratch = next;
    }
  }

  private detectWith(text: string, minScore: number, candidates: Candidate[], { words, context, hits, spans }: Scratch): Finding[] {
    const runnable = this.prefilter(text, context, words);
    const utf8 = new Utf8Text(text);
    const matching = this.matchingPatterns(utf8, runnable);
    const scan: Scan = { utf8, words, anchorHits: undefined, runnable, context, hits, spans };
    for (let d = 0; d < this.detectors.length; d++) {
      if (runnable[d] !== 1) continue;
      const detector = this.detectors[d] as CompiledDetector;
      try {
        this.runDetector(detector, scan, matching, candidates);
      } catch (error) {
        throw asAirlockError(error, 'DETECTION_FAILED', `detector "${detector.spec.id}" failed`);
      }
    }
    this.dictionaries.find(text, candidates);
    const kept = resolveOverlaps(
      candidates.filter((c) => c.score >= minScore && !this.dictionaries.isAllowed(text, c.start, c.end)),
    );
    // one literal shape for every finding: spread copies make slow objects for every reader
    return kept.map((c) => ({
      entity: c.entity,
      start: c.start,
      end: c.end,
      score: c.score,
      detectorId: c.detectorId,
      fingerprint: this.fingerprint(c.entity, text.slice(c.start, c.end)),
    }));
  }

  /** Keyed HMAC of a value: stable for one key, useless without it. */
  fingerprint(entity: string, value: string): string {
    return this.hmac.fingerprint(entity, value);
  }

  /**
   * 1 for each detector whose prefilter passes on this text; collects the context words'
   * whole-word occurrences and the word index in the same pass.
   */
  private prefilter(text: string, context: ContextHits, words: WordIndex): Uint8Array {
    const runnable = new Uint8Array(this.detectors.length);
    // 1 for each detector that requires context and has a context word somewhere in the text
    const contextFound = new Uint8Array(this.detectors.length);
    const { keywordOwners, termContextId, exactKeywordOwners, termSeen, contextRequiredBy } = this;
    const generation = (this.generation = (this.generation + 1) >>> 0 || 1);
    if (generation === 1) termSeen.fill(0);
    const digits = this.keywordAutomaton.scanIndexing(text, (k, start, end) => {
      if (termSeen[k] !== generation) {
        termSeen[k] = generation;
        for (const d of keywordOwners[k] as number[]) runnable[d] = 1;
      }
      const exact = exactKeywordOwners[k];
      if (exact !== undefined) {
        const unicodeWord = !isWordCharAt(text, start - 1) && !isWordCharAt(text, end);
        const asciiWord = !isAsciiWordCharAt(text, start - 1) && !isAsciiWordCharAt(text, end);
        for (const { detector, form } of exact) {
          if (runnable[detector] === 1) continue;
          if (form === undefined ? asciiWord : unicodeWord && text.startsWith(form, start)) runnable[detector] = 1;
        }
      }
      const id = termContextId[k] as number;
      if (id >= 0 && !isWordCharAt(text, start - 1) && !isWordCharAt(text, end)) {
        const n = context.count++;
        context.starts[n] = start;
        context.ends[n] = end;
        context.ids[n] = id;
        for (const d of contextRequiredBy[id] as number[]) contextFound[d] = 1;
      }
    }, WORD_CODE_UNITS, words);
    for (const d of this.keywordFree) runnable[d] = 1;
    for (const { detector, minDigits } of this.digitGated) if (digits < minDigits) runnable[detector] = 0;
    // without any of its context words in the text, a detector that requires one finds nothing
    for (const d of this.contextGated) if (contextFound[d] === 0) runnable[d] = 0;
    return runnable;
  }

  /**
   * 1 for each pattern that matches somewhere in the text, found in one pass of the pattern
   * set. Skipped when no detector passed the prefilter; when the set cannot answer, every
   * pattern is marked, so a failure costs time, never findings.
   */
  private matchingPatterns(text: Utf8Text, runnable: Uint8Array): Uint8Array {
    // without RE2 patterns (the usual case) the answer is the same for every text
    if (!this.patternSet || !runnable.includes(1)) return this.unsetMarks;
    const marks = this.unsetMarks.slice();
    try {
      for (const k of this.patternSet.matching(text.bytes)) marks[this.setMembers[k] as number] = 1;
    } catch {
      marks.fill(1);
    }
    return marks;
  }

  private runDetector(detector: CompiledDetector, scan: Scan, matching: Uint8Array, out: Candidate[]): void {
    const { spec } = detector;
    const { text } = scan.utf8;
    const { spans } = scan;
    // a match that requires context needs one of its words at most `contextBefore` before it
    // (or after it): anchored tries beyond the last such word + that distance keep nothing
    const lastStart = spec.contextRequired ? this.lastContextStart(scan.context, detector.context) + this.contextBefore : Infinity;
    for (const pattern of detector.patterns) {
      if (matching[pattern.setIndex] !== 1) continue;
      spans.length = 0;
      this.findSpans(pattern, scan, spans, lastStart);
      for (let k = 0; k < spans.length; k += 2) {
        const start = spans[k] as number;
        const end = spans[k + 1] as number;
        if (end <= start || !boundaryOk(text, start, end, spec.boundary ?? 'alnum')) continue;
        const value = text.slice(start, end);
        if (spec.minEntropy !== undefined && shannonEntropy(value) < spec.minEntropy) continue;
        if (spec.rejectPlaceholders && looksLikePlaceholder(value)) continue;
        let score = pattern.score;
        const hasContext = detector.context.size > 0 && this.hasContext(scan.context, start, end, detector.context);
        if (spec.contextRequired && !hasContext) continue;
        const verdict = spec.validate?.(value, { nearContext: hasContext });
        if (verdict === 'reject') continue;
        if (verdict === 'confirm') score = 1;
        else if (hasContext) score = Math.min(1, score + (spec.contextBoost ?? DEFAULT_CONTEXT_BOOST));
        out.push({ entity: spec.entity, start, end, score: round(score), detectorId: spec.id });
      }
    }
  }

  /**
   * A pattern's matches, as the start and end of its capture group, pushed pairwise to
   * `spans`: a scan of the whole text, or tries at its anchor words only (left to right,
   * never overlapping).
   */
  private findSpans(pattern: CompiledPattern, scan: Scan, spans: number[], lastStart: number): void {
    const { startsAt, regex, group } = pattern;
    if (pattern.requires !== undefined && !pattern.requires.occursIn(scan.utf8.text)) return;
    if (startsAt === undefined) {
      regex.spansIn(scan.utf8, group, spans);
      return;
    }
    const { text } = scan.utf8;
    const locate = startsAt.index?.locate;
    if (locate !== undefined && regex.onV8) {
      let after = 0;
      for (const start of locate(text, scan.words)) {
        if (start > lastStart) break;
        if (start < after) continue;
        const end = regex.spanAt(text, start, group, spans);
        if (end >= 0) after = end;
      }
      return;
    }
    const { starts, ends, count } = scan.words;
    if (pattern.anchorSlot !== undefined && regex.onV8) {
      const hits = (scan.anchorHits ??= findAnchorHits(this.anchors, text, scan.words, scan.runnable, scan.hits));
      const filter = this.anchors.filters[pattern.anchorSlot];
      let after = 0;
      for (let h = hits.head[pattern.anchorSlot] as number; h !== -1; h = hits.next[h] as number) {
        const w = hits.word[h] as number;
        const start = starts[w] as number;
        if (start > lastStart) break;
        if (start < after || (filter !== undefined && !filter(text, start, ends[w] as number))) continue;
        const end = regex.spanAt(text, start, group, spans);
        if (end >= 0) after = end;
      }
      return;
    }
    if (!regex.onV8) {
      // RE2 cannot be tried at one position cheaply: scan, keep the matches at anchors.
      const anchored = new Set<number>(locate?.(text, scan.words));
      if (locate === undefined) {
        for (let w = 0; w < count; w++) if (startsAt(text, starts[w] as number, ends[w] as number)) anchored.add(starts[w] as number);
      }
      for (const m of regex.matchIn(scan.utf8)) {
        const span = m.groups[group];
        if (anchored.has(m.start) && span !== undefined) spans.push(span[0], span[1]);
      }
      return;
    }
    let after = 0;
    for (let w = 0; w < count; w++) {
      const start = starts[w] as number;
      if (start > lastStart) break;
      if (start < after || !startsAt(text, start, ends[w] as number)) continue;
      const end = regex.spanAt(text, start, group, spans);
      if (end >= 0) after = end;
    }
  }

  /** Where the last occurrence of one of `words` starts (-Infinity when none stands in the text). */
  private lastContextStart(hits: ContextHits, words: ReadonlySet<number>): number {
    const { starts, ends, ids, count } = hits;
    let last = -Infinity;
    // occurrences are in order of end, and none starts after it ends
    for (let k = count - 1; k >= 0 && (ends[k] as number) > last; k--) {
      if (words.has(ids[k] as number)) last = Math.max(last, starts[k] as number);
    }
    return last;
  }

  /** A context word of the detector stands within the window around the match, outside it. */
  private hasContext(hits: ContextHits, start: number, end: number, words: ReadonlySet<number>): boolean {
    const from = start - this.contextBefore;
    const to = end + this.contextAfter;
    const { starts, ends, ids, count } = hits;
    // first occurrence that ends inside the window (hits are in order of end)
    let lo = 0;
    let hi = count;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((ends[mid] as number) < from) lo = mid + 1;
      else hi = mid;
    }
    for (let k = lo; k < count && (ends[k] as number) <= to; k++) {
      const s = starts[k] as number;
      const e = ends[k] as number;
      if (s >= from && (e <= start || s >= end) && words.has(ids[k] as number)) return true;
    }
    return false;
  }
}

function compilePattern(spec: DetectorSpec, pattern: DetectorSpec['patterns'][number], setIndex: number): CompiledPattern {
  try {
    return {
      setIndex,
      name: pattern.name,
      regex: new SafeRegex(pattern.regex, { caseInsensitive: pattern.flags === 'i', groups: (pattern.group ?? 0) !== 0 }),
      score: pattern.score,
      group: pattern.group ?? 0,
      startsAt: pattern.startsAt,
      anchorSlot: undefined,
      requires: pattern.requires === undefined ? undefined : new SafeRegex(pattern.requires, { groups: false }),
    };
  } catch (error) {
    throw new AirlockError('DETECTOR_SPEC_INVALID', `detector "${spec.id}" pattern "${pattern.name}" does not compile`, {
      cause: error,
    });
  }
}

function buildAnchorTable(detectors: readonly CompiledDetector[]): AnchorTable {
  const table: AnchorTable = {
    byWord: new Map(),
    digit: [],
    digitByLength: Array.from({ length: MAX_INDEXED_LENGTH }, () => []),
    byLength: Array.from({ length: MAX_INDEXED_LENGTH }, () => []),
    capitalised: [],
    byFirst: new Array<number[] | undefined>(0x10000),
    byNext: new Array<{ any: number[][]; digit: number[][]; upper: number[][] } | undefined>(128),
    digitRun: [],
    filters: [],
    detectorOf: [],
    lengthsByFirst: new Uint32Array(0x10000),
    wordBloom: new Uint8Array(0x10000),
    slots: 0,
  };
  for (const [d, detector] of detectors.entries()) {
    for (const pattern of detector.patterns) addAnchor(table, pattern, d);
  }
  table.digitRun.sort((a, b) => a.min - b.min);
  return table;
}

function addAnchor(table: AnchorTable, pattern: CompiledPattern, detector: number): void {
  const index = pattern.startsAt?.index;
  if (index === undefined || index.locate !== undefined) return;
  const slot = table.slots++;
  pattern.anchorSlot = slot;
  table.detectorOf.push(detector);
  table.filters.push(index.filter);
  if (index.digit) table.digit.push(slot);
  for (const length of [...(index.digitLengths ?? []), ...(index.lengths ?? [])]) {
    if (length >= MAX_INDEXED_LENGTH) throw new AirlockError('DETECTOR_SPEC_INVALID', `anchor word length ${length} is not indexed`);
  }
  const byNext = (c: string) => {
    const code = c.charCodeAt(0);
    if (code >= 128) throw new AirlockError('DETECTOR_SPEC_INVALID', 'an anchor can follow ASCII characters only');
    return (table.byNext[code] ??= {
      any: Array.from({ length: MAX_INDEXED_LENGTH }, () => []),
      digit: Array.from({ length: MAX_INDEXED_LENGTH }, () => []),
      upper: Array.from({ length: MAX_INDEXED_LENGTH }, () => []),
    });
  };
  for (const [length, separators] of index.digitShapes ?? []) {
    if (length >= MAX_INDEXED_LENGTH) throw new AirlockError('DETECTOR_SPEC_INVALID', `anchor word length ${length} is not indexed`);
    if (separators === '') (table.digitByLength[length] as number[]).push(slot);
    for (const c of separators) (byNext(c).digit[length] as number[]).push(slot);
  }
  if (index.followedBy !== undefined) {
    for (const c of index.followedBy) {
      const next = byNext(c);
      for (const length of index.digitLengths ?? []) (next.digit[length] as number[]).push(slot);
      for (const length of index.lengths ?? []) ((index.capitalised ? next.upper : next.any)[length] as number[]).push(slot);
    }
  } else {
    for (const length of index.digitLengths ?? []) (table.digitByLength[length] as number[]).push(slot);
    for (const length of index.lengths ?? []) (table.byLength[length] as number[]).push(slot);
  }
  // with followedBy, `capitalised` narrows its lengths instead of taking every capitalised word
  if (index.capitalised && index.firstChars === undefined && index.followedBy === undefined) table.capitalised.push(slot);
  for (const c of index.firstChars ?? '') {
    (table.byFirst[c.charCodeAt(0)] ??= []).push(slot);
  }
  if (index.digitRun !== undefined) table.digitRun.push({ min: index.digitRun, slot });
  for (const word of index.words ?? []) {
    const hash = wordHash(word, 0, word.length);
    const bucket = table.byWord.get(hash) ?? [];
    table.byWord.set(hash, bucket);
    const listed = bucket.find((e) => e.word === word);
    if (listed) listed.slots.push(slot);
    else bucket.push({ word, slots: [slot] });
    if (word.length < 32) table.lengthsByFirst[word.charCodeAt(0)] = (table.lengthsByFirst[word.charCodeAt(0)] as number) | (1 << word.length);
    table.wordBloom[hash & 0xffff] = 1;
  }
}

function addHit(hits: AnchorHits, slot: number, w: number): void {
  hits.last[slot] = w;
  if (hits.count === hits.word.length) growHits(hits);
  const entry = hits.count++;
  hits.word[entry] = w;
  hits.next[entry] = -1;
  if (hits.head[slot] === -1) hits.head[slot] = entry;
  else hits.next[hits.tail[slot] as number] = entry;
  hits.tail[slot] = entry;
}

function growHits(hits: AnchorHits): void {
  const word = new Int32Array(hits.count * 2);
  word.set(hits.word);
  hits.word = word;
  const next = new Int32Array(hits.count * 2);
  next.set(hits.next);
  hits.next = next;
}

/** One pass over the words: for every anchor slot, the words it accepts (filters come later). */
/**
 * The words each anchor slot accepts, as one list per slot threaded through shared typed
 * arrays (no array per slot, reused from call to call): `head[slot]` is the slot's first
 * entry, `next[entry]` the one after it (-1 ends a list), `word[entry]` its word.
 */
export interface AnchorHits {
  head: Int32Array;
  tail: Int32Array;
  /** per slot: -1 when its detector did not pass the prefilter, else the last word listed */
  last: Int32Array;
  next: Int32Array;
  word: Int32Array;
  count: number;
}

export function anchorHitsFor(slots: number): AnchorHits {
  const capacity = 4096;
  return {
    head: new Int32Array(slots),
    tail: new Int32Array(slots),
    last: new Int32Array(slots),
    next: new Int32Array(capacity),
    word: new Int32Array(capacity),
    count: 0,
  };
}

/** One pass over the words: for every anchor slot, the words it accepts (filters come later). */
export function findAnchorHits(table: AnchorTable, text: string, words: WordIndex, runnable: Uint8Array, hits: AnchorHits): AnchorHits {
  const { detectorOf } = table;
  hits.head.fill(-1);
  hits.count = 0;
  const { last } = hits;
  for (let slot = 0; slot < table.slots; slot++) last[slot] = runnable[detectorOf[slot] as number] === 1 ? -2 : -1;
  const push = (slot: number, w: number): void => {
    const previous = last[slot] as number;
    if (previous !== -1 && previous !== w) addHit(hits, slot, w);
  };
  const { starts, ends, count } = words;
  const { digit, digitByLength, digitRun, byLength, capitalised: upper, byFirst, byNext, byWord, lengthsByFirst, wordBloom } = table;
  for (let w = 0; w < count; w++) {
    const start = starts[w] as number;
    const length = (ends[w] as number) - start;
    const first = text.charCodeAt(start);
    if (first >= 48 && first <= 57) {
      for (const slot of digit) push(slot, w);
      if (length < MAX_INDEXED_LENGTH) for (const slot of digitByLength[length] as number[]) push(slot, w);
      if (digitRun.length > 0) {
        const run = leadingDigits(text, start);
        for (const { min, slot } of digitRun) {
          if (min > run) break;
          push(slot, w);
        }
      }
    } else if (upper.length > 0 && capitalised(text, start)) {
      for (const slot of upper) push(slot, w);
    }
    const firstSlots = byFirst[first];
    if (firstSlots !== undefined) for (const slot of firstSlots) push(slot, w);
    const after = text.charCodeAt(start + length);
    if (after < 128 && length < MAX_INDEXED_LENGTH) {
      const next = byNext[after];
      if (next !== undefined) {
        for (const slot of next.any[length] as number[]) push(slot, w);
        if (first >= 48 && first <= 57) for (const slot of next.digit[length] as number[]) push(slot, w);
        else if (capitalised(text, start)) for (const slot of next.upper[length] as number[]) push(slot, w);
      }
    }
    if (length < MAX_INDEXED_LENGTH) for (const slot of byLength[length] as number[]) push(slot, w);
    if (length >= 32 || (((lengthsByFirst[first] as number) >>> length) & 1) === 0) continue;
    const hash = wordHash(text, start, start + length);
    if (wordBloom[hash & 0xffff] !== 1) continue;
    const bucket = byWord.get(hash);
    if (bucket === undefined) continue;
    // compared in place: no slice of the word
    for (const { word, slots } of bucket) {
      if (word.length === length && text.startsWith(word, start)) for (const slot of slots) push(slot, w);
    }
  }
  return hits;
}

/** FNV-1a over the code units of text[start, end). */
function wordHash(text: string, start: number, end: number): number {
  let h = 0x811c9dc5;
  for (let i = start; i < end; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

function validateSpec(spec: DetectorSpec, ids: Set<string>): void {
  const fail = (why: string): never => {
    throw new AirlockError('DETECTOR_SPEC_INVALID', `detector "${spec.id}": ${why}`);
  };
  if (!DETECTOR_ID.test(spec.id)) fail('id must be kebab-case');
  if (ids.has(spec.id)) fail('id is used twice');
  ids.add(spec.id);
  if (!ENTITY_ID.test(spec.entity)) fail(`entity "${spec.entity}" must be UPPER_SNAKE`);
  if (spec.patterns.length === 0) fail('needs at least one pattern');
  for (const p of spec.patterns) {
    if (!(p.score > 0 && p.score <= 1)) fail(`pattern "${p.name}" score must be in (0, 1]`);
  }
  if (spec.contextRequired && (spec.context?.length ?? 0) === 0) fail('contextRequired without context words');
  if (spec.samples.tp.length === 0) fail('needs at least one true-positive sample');
  if (spec.keywords?.some((k) => k.length === 0)) fail('empty keyword');
}

function boundaryOk(text: string, start: number, end: number, boundary: 'alnum' | 'digit' | 'none'): boolean {
  if (boundary === 'none') return true;
  if (boundary === 'digit') return !isDigitAt(text, start - 1) && !isDigitAt(text, end);
  return !isAlnumAt(text, start - 1) && !isAlnumAt(text, end);
}

/** A-Z a-z 0-9 _ : what a regex `\b` counts as a word character. */
function isAsciiWordCharAt(text: string, index: number): boolean {
  const c = text.charCodeAt(index);
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
}

function isDigitAt(text: string, index: number): boolean {
  const c = text.charCodeAt(index);
  return c >= 48 && c <= 57;
}

function isAlnumAt(text: string, index: number): boolean {
  return isWordCharAt(text, index) && text.charCodeAt(index) !== 95;
}

function round(score: number): number {
  return Math.round(score * 100) / 100;
}

/** See the class comment: score, then length, then start, then detector id. */
export function resolveOverlaps<T extends Candidate>(candidates: readonly T[]): T[] {
  if (candidates.length <= 1) return candidates.slice();
  const ranked = candidates.slice().sort(
    (a, b) =>
      b.score - a.score ||
      b.end - b.start - (a.end - a.start) ||
      a.start - b.start ||
      (a.detectorId < b.detectorId ? -1 : a.detectorId > b.detectorId ? 1 : 0),
  );
  // the kept spans, disjoint and in order: a candidate overlaps one of them when the first
  // kept span that ends after its start also begins before its end
  const keptStarts: number[] = [];
  const keptEnds: number[] = [];
  const kept: T[] = [];
  for (const c of ranked) {
    let lo = 0;
    let hi = keptEnds.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((keptEnds[mid] as number) <= c.start) lo = mid + 1;
      else hi = mid;
    }
    if (lo < keptStarts.length && (keptStarts[lo] as number) < c.end) continue;
    keptStarts.push(c.start);
    keptEnds.push(c.end);
    for (let k = keptStarts.length - 1; k > lo; k--) {
      keptStarts[k] = keptStarts[k - 1] as number;
      keptEnds[k] = keptEnds[k - 1] as number;
    }
    keptStarts[lo] = c.start;
    keptEnds[lo] = c.end;
    kept.push(c);
  }
  return kept.sort((a, b) => a.start - b.start);
}

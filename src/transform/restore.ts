import { isWordCharAt } from '../detect/aho-corasick.js';
import type { VaultEntry } from './vault.js';

/** Whitespace a token's space may stand for (models swap spaces and underscores). */
const SPACES = new Set([0x20, 0x09, 0x0a, 0x0d, 0x0b, 0x0c, 0xa0, 0x2007, 0x202f]);

/**
 * A code unit folded for comparison: letters to lower case, every space to U+0020. ASCII,
 * which is what tokens are made of, takes the arithmetic path.
 */
function fold(code: number): number {
  if (code < 128) return code >= 65 && code <= 90 ? code | 0x20 : code === 0x09 || (code >= 0x0a && code <= 0x0d) ? 0x20 : code;
  if (SPACES.has(code)) return 0x20;
  const lower = String.fromCharCode(code).toLowerCase();
  return lower.length === 1 ? lower.charCodeAt(0) : code;
}

interface Variant {
  /** the token folded, one code unit per entry */
  folded: Uint16Array;
  /** read only when the token is restored: a vault may open values on demand */
  entry: VaultEntry;
}

/**
 * Puts original values back in place of their pseudonyms, tolerating what models do to
 * tokens: any letter case, `PERSON_1's`, brackets added or dropped, a space instead of an
 * underscore, a token repeated. Only tokens of the caller's own session are known here.
 *
 * Built for every request from the session's few tokens, so it is a table keyed by a token's
 * first (folded) code unit rather than an automaton: building costs next to nothing, and a
 * scan only tries the tokens that can begin where a word begins.
 */
export class Restorer {
  private readonly byFirst = new Map<number, Variant[]>();
  /** the longest text a match can cover, brackets included */
  readonly longestMatch: number;

  constructor(entries: readonly VaultEntry[]) {
    let longest = 0;
    for (const entry of entries) {
      const token = entry.token;
      if (token.length === 0) continue;
      longest = Math.max(longest, token.length);
      const folded = new Uint16Array(token.length);
      let underscores = false;
      for (let i = 0; i < token.length; i++) {
        const code = token.charCodeAt(i);
        if (code === 0x5f) underscores = true;
        folded[i] = code >= 128 && /\s/.test(token[i] as string) ? 0x20 : fold(code);
      }
      this.add({ folded, entry });
      // models write `PERSON 1` for `PERSON_1`
      if (underscores) this.add({ folded: folded.map((c) => (c === 0x5f ? 0x20 : c)), entry });
    }
    this.longestMatch = longest + 2;
  }

  private add(variant: Variant): void {
    const first = variant.folded[0] as number;
    const list = this.byFirst.get(first);
    if (list) list.push(variant);
    else this.byFirst.set(first, [variant]);
  }

  /** Restores every complete token in `text`. */
  restore(text: string): string {
    return this.restoreUpTo(text, text.length).text;
  }

  /**
   * Restores tokens that end before `limit` and returns how much of the text was consumed:
   * everything before the first token (or the bracket opening it) that might still be
   * growing past `limit`. Text before `from` is context only: already emitted, not returned.
   */
  restoreUpTo(text: string, limit: number, from = 0): { text: string; consumed: number } {
    if (this.byFirst.size === 0) return { text: text.slice(from, limit), consumed: limit };
    let out = '';
    let at = from;
    let cut = limit;
    for (const m of this.matches(text)) {
      if (m.end > limit) {
        cut = Math.min(cut, m.start);
        break;
      }
      if (m.start < at) continue;
      out += text.slice(at, m.start) + m.entry.value;
      at = m.end;
    }
    // an opening bracket right at the cut may belong to a token still arriving
    if (cut > at && cut < text.length && text[cut - 1] === '[') cut--;
    cut = Math.max(cut, at);
    return { text: out + text.slice(at, cut), consumed: cut };
  }

  /** Whole-word occurrences of any token, brackets included, longest first at each position. */
  private matches(text: string): Array<{ start: number; end: number; entry: VaultEntry }> {
    const found: Array<{ start: number; end: number; entry: VaultEntry }> = [];
    let afterWordChar = false;
    for (let i = 0; i < text.length; i++) {
      const code = text.charCodeAt(i);
      const wordStart = !afterWordChar;
      afterWordChar = code < 128 ? isAsciiWordChar(code) : isWordCharAt(text, i);
      if (!wordStart) continue;
      const candidates = this.byFirst.get(fold(code));
      if (candidates === undefined) continue;
      for (const variant of candidates) {
        const end = i + variant.folded.length;
        if (end > text.length || !matchesAt(text, i, variant.folded) || isWordCharAt(text, end)) continue;
        const bracketed = text.charCodeAt(i - 1) === 0x5b && text.charCodeAt(end) === 0x5d;
        found.push({ start: bracketed ? i - 1 : i, end: bracketed ? end + 1 : end, entry: variant.entry });
      }
    }
    // longest first at each position, then left to right (a bracketed match starts one unit early)
    if (found.length > 1) found.sort((a, b) => a.start - b.start || b.end - a.end);
    return found;
  }
}

function isAsciiWordChar(code: number): boolean {
  return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code === 95;
}

function matchesAt(text: string, start: number, folded: Uint16Array): boolean {
  for (let k = 1; k < folded.length; k++) if (fold(text.charCodeAt(start + k)) !== folded[k]) return false;
  return true;
}

/**
 * Restores a stream chunk by chunk. Text is held back only while it could be the start of a
 * token, so a pseudonym split across chunks is still restored and everything else flows on.
 */
export class StreamRestorer {
  private pending = '';
  /** the last emitted character: context for the word-boundary test of the next token */
  private before = '';

  constructor(private readonly restorer: Restorer) {}

  push(chunk: string): string {
    this.pending += chunk;
    const text = this.before + this.pending;
    const safe = Math.max(this.before.length, text.length - this.restorer.longestMatch);
    let { text: out, consumed } = this.restorer.restoreUpTo(text, safe, this.before.length);
    // never end a chunk between the two halves of a surrogate pair
    const last = text.charCodeAt(consumed - 1);
    if (consumed > this.before.length && last >= 0xd800 && last <= 0xdbff && out.length > 0) {
      consumed--;
      out = out.slice(0, -1);
    }
    if (consumed > this.before.length) this.before = text.slice(consumed - 1, consumed);
    this.pending = text.slice(consumed);
    return out;
  }

  end(): string {
    const text = this.before + this.pending;
    const out = this.restorer.restoreUpTo(text, text.length, this.before.length).text;
    this.pending = '';
    this.before = '';
    return out;
  }
}


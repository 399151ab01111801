import { isWordCharAt } from '../detect/aho-corasick.js';
import type { VaultEntry } from './vault.js';

/** Whitespace a token's space may stand for (models swap spaces and underscores). */
const SPACES = new Set([0x20, 0x09, 0x0a, 0x0d, 0x0b, 0x0c, 0xa0, 0x2007, 0x202f]);

interface Variant {
  /** per code unit: the code units that match it (any letter case; any space for a space) */
  units: ReadonlyArray<ReadonlySet<number> | number>;
  value: string;
}

/**
 * Puts original values back in place of their pseudonyms, tolerating what models do to
 * tokens: any letter case, `PERSON_1's`, brackets added or dropped, a space instead of an
 * underscore, a token repeated. Only tokens of the caller's own session are known here.
 *
 * Built once per request from the session's few tokens, so it is a plain table keyed by a
 * token's first code unit rather than an automaton: building costs next to nothing and a
 * scan only tries the tokens that can start where a word starts.
 */
export class Restorer {
  private readonly byFirst = new Map<number, Variant[]>();
  /** the longest text a match can cover, brackets included */
  readonly longestMatch: number;

  constructor(entries: readonly VaultEntry[]) {
    let longest = 0;
    for (const entry of entries) {
      const spaced = entry.token.replace(/_/g, ' ');
      for (const token of spaced === entry.token ? [entry.token] : [entry.token, spaced]) {
        if (token.length === 0) continue;
        longest = Math.max(longest, token.length);
        const units = Array.from(token, (_, i) => unitsOf(token.charCodeAt(i)));
        const variant: Variant = { units, value: entry.value };
        const first = units[0] as ReadonlySet<number> | number;
        for (const code of typeof first === 'number' ? [first] : first) {
          const list = this.byFirst.get(code);
          if (list) list.push(variant);
          else this.byFirst.set(code, [variant]);
        }
      }
    }
    this.longestMatch = longest + 2;
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
      out += text.slice(at, m.start) + m.value;
      at = m.end;
    }
    // an opening bracket right at the cut may belong to a token still arriving
    if (cut > at && cut < text.length && text[cut - 1] === '[') cut--;
    cut = Math.max(cut, at);
    return { text: out + text.slice(at, cut), consumed: cut };
  }

  /** Whole-word occurrences of any token, brackets included, longest first at each position. */
  private matches(text: string): Array<{ start: number; end: number; value: string }> {
    const found: Array<{ start: number; end: number; value: string }> = [];
    for (let i = 0; i < text.length; i++) {
      const candidates = this.byFirst.get(text.charCodeAt(i));
      if (candidates === undefined || isWordCharAt(text, i - 1)) continue;
      for (const variant of candidates) {
        const end = i + variant.units.length;
        if (end > text.length || !matchesAt(text, i, variant.units) || isWordCharAt(text, end)) continue;
        const bracketed = text[i - 1] === '[' && text[end] === ']';
        found.push({ start: bracketed ? i - 1 : i, end: bracketed ? end + 1 : end, value: variant.value });
      }
    }
    // longest first at each position, then left to right (a bracketed match starts one unit early)
    found.sort((a, b) => a.start - b.start || b.end - a.end);
    return found;
  }
}

function unitsOf(code: number): ReadonlySet<number> | number {
  if (SPACES.has(code) || /\s/.test(String.fromCharCode(code))) return SPACES;
  const ch = String.fromCharCode(code);
  const variants = new Set([code]);
  for (const v of [ch.toLowerCase(), ch.toUpperCase()]) if (v.length === 1) variants.add(v.charCodeAt(0));
  return variants.size === 1 ? code : variants;
}

function matchesAt(text: string, start: number, units: Variant['units']): boolean {
  for (let k = 0; k < units.length; k++) {
    const unit = units[k] as ReadonlySet<number> | number;
    const code = text.charCodeAt(start + k);
    if (typeof unit === 'number' ? code !== unit : !unit.has(code)) return false;
  }
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


import { AhoCorasick } from '../detect/aho-corasick.js';
import type { VaultEntry } from './vault.js';

/**
 * Puts original values back in place of their pseudonyms, tolerating what models do to
 * tokens: any letter case, `PERSON_1's`, brackets added or dropped, a space instead of an
 * underscore, a token repeated. Only tokens of the caller's own session are known here.
 */
export class Restorer {
  private readonly automaton: AhoCorasick | undefined;
  private readonly values: string[];
  /** the longest text a match can cover, brackets included */
  readonly longestMatch: number;

  constructor(entries: readonly VaultEntry[]) {
    const patterns: string[] = [];
    this.values = [];
    for (const entry of entries) {
      const variants = new Set([entry.token, entry.token.replace(/_/g, ' ')]);
      for (const variant of variants) {
        patterns.push(variant);
        this.values.push(entry.value);
      }
    }
    this.automaton = patterns.length > 0 ? new AhoCorasick(patterns) : undefined;
    this.longestMatch = patterns.reduce((n, p) => Math.max(n, p.length), 0) + 2;
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
    if (!this.automaton) return { text: text.slice(from, limit), consumed: limit };
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

  private matches(text: string): Array<{ start: number; end: number; value: string }> {
    const found: Array<{ start: number; end: number; value: string }> = [];
    for (const m of (this.automaton as AhoCorasick).wholeWords(text)) {
      let { start, end } = m;
      if (text[start - 1] === '[' && text[end] === ']') {
        start--;
        end++;
      }
      found.push({ start, end, value: this.values[m.pattern] as string });
    }
    // longest first at each position, then left to right
    found.sort((a, b) => a.start - b.start || b.end - a.end);
    return found;
  }
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


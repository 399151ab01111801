import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AhoCorasick } from './aho-corasick.js';

describe('AhoCorasick', () => {
  it('finds overlapping and nested patterns case-insensitively', () => {
    const ac = new AhoCorasick(['he', 'she', 'his', 'hers']);
    const found: Array<[string, number, number]> = [];
    ac.scan('USHERS', (p, s, e) => found.push([ac.patterns[p] as string, s, e]));
    expect(found).toEqual([
      ['she', 1, 4],
      ['he', 2, 4],
      ['hers', 2, 6],
    ]);
  });

  it('matches whole words only, with Unicode letters as word characters', () => {
    const ac = new AhoCorasick(['l7 band', 'nightingale']);
    const text = 'Moved to L7  band? No: L7 band. Nightingales sing; Project NIGHTINGALE ships; éNightingale';
    const words = ac.wholeWords(text).map((m) => text.slice(m.start, m.end));
    expect(words).toEqual(['L7 band', 'NIGHTINGALE']);
  });

  it('treats any whitespace in text as the space in a term', () => {
    const ac = new AhoCorasick(['l7 band']);
    expect(ac.wholeWords('the L7\tband and L7\nband').length).toBe(2);
  });

  it('agrees with a naive search on random input', () => {
    fc.assert(
      fc.property(
        fc.array(fc.stringMatching(/^[abAB]{1,4}$/), { minLength: 1, maxLength: 5 }),
        fc.stringMatching(/^[abAB ]{0,40}$/),
        (patterns, text) => {
          const ac = new AhoCorasick(patterns);
          const got: string[] = [];
          ac.scan(text, (p, s, e) => got.push(`${p}:${s}:${e}`));
          const want: string[] = [];
          const lower = text.toLowerCase();
          for (let end = 1; end <= text.length; end++) {
            patterns.forEach((p, i) => {
              const start = end - p.length;
              if (start >= 0 && lower.slice(start, end) === p.toLowerCase()) want.push(`${i}:${start}:${end}`);
            });
          }
          expect(got.sort()).toEqual(want.sort());
        },
      ),
    );
  });
});

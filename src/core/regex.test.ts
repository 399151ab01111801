import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SafeRegex, Utf8Text } from './regex.js';

describe('SafeRegex spans', () => {
  it('spanAt reports the group of the match that starts exactly there, and where the match ends', () => {
    const plain = new SafeRegex('\\d{3}');
    const grouped = new SafeRegex('id:(\\d+)x?', { groups: true });
    const spans: number[] = [];
    expect(plain.spanAt('ab123', 2, 0, spans)).toBe(5);
    expect(plain.spanAt('ab123', 1, 0, spans)).toBe(-1); // a match later on does not count
    expect(grouped.spanAt('..id:42x', 2, 1, spans)).toBe(8);
    expect(spans).toEqual([2, 5, 5, 7]);
    expect(new SafeRegex('a*').spanAt('bbb', 1, 0, spans)).toBe(-1); // empty matches are no matches
    expect(spans).toHaveLength(4);
  });

  it('spanAt and spansIn agree with matchIn for any text', () => {
    const re = new SafeRegex('([A-Z])[a-z]*(\\d)?', { groups: true });
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), (text) => {
        const utf8 = new Utf8Text(text);
        for (const group of [0, 1, 2]) {
          const expected = re.matchIn(utf8).flatMap((m) => m.groups[group] ?? []);
          const scanned: number[] = [];
          re.spansIn(utf8, group, scanned);
          expect(scanned).toEqual(expected);
          // tried at each match's start, spanAt finds the same span
          const tried: number[] = [];
          for (const m of re.matchIn(utf8)) re.spanAt(text, m.start, group, tried);
          expect(tried).toEqual(expected);
        }
      }),
      { numRuns: 500 },
    );
  });
});

import { createRequire } from 'node:module';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { toV8Source } from './regex-v8.js';

const RE2 = createRequire(import.meta.url)('re2') as new (p: string, f?: string) => { exec(t: string): { index: number; 0: string } | null; lastIndex: number };

/** All matches as [start, text] pairs, by RE2 on the original and V8 on the translation. */
function re2Matches(source: string, text: string): Array<[number, string]> {
  const re = new RE2(source, 'gu');
  const out: Array<[number, string]> = [];
  for (let m = re.exec(text); m; m = re.exec(text)) {
    out.push([m.index, m[0]]);
    if (m[0].length === 0) re.lastIndex++;
  }
  return out;
}
function v8Matches(source: string, text: string): Array<[number, string]> {
  const translated = toV8Source(source);
  if (translated === undefined) throw new Error(`not translated: ${source}`);
  const re = new RegExp(translated, 'g');
  return [...text.matchAll(re)].map((m) => [m.index, m[0]]);
}

describe('toV8Source (RE2 → V8 without the u flag)', () => {
  it.each([
    ['(?i:dear|hello)[ ]+X', ['DEAR X', 'Hello  X', 'hElLo X', 'dearX', 'DEA X']],
    ['A(?i:b(?:c|d))E', ['ABCE', 'abce', 'AbDE', 'ABcE', 'Abde']],
    ['[\\p{L}\\p{N}._%+\\-]+@[\\p{L}\\p{N}\\-]+(?:\\.[\\p{L}\\p{N}\\-]+)+', ['maría.lópez@clínica-madrid.es', 'a@b.c', 'Ωμέγα@παράδειγμα.gr', '@x.y']],
    ['\\pL+', ['Zoë Çelik 42', '東京 tower']],
    ['[^\\p{L} ]+', ['abc 123 ÄÖ !?']],
    ['x{2,3}\\{y', ['xxx{y', 'x{y']],
    ['(?i:[a-cé]+)', ['ABÉé', 'dd']],
  ])('matches what RE2 matches: %s', (source, texts) => {
    for (const text of texts) expect(v8Matches(source, text)).toEqual(re2Matches(source, text));
  });

  it('agrees with RE2 on random text for patterns with case-folded groups and Unicode classes', () => {
    const patterns = ['(?i:mr|mrs|dr)\\.? [\\p{Lu}][\\p{Ll}]+', '[\\p{L}\\p{N}]+@[\\p{L}]+', '(?i:straße|rue) \\d+'];
    const alphabet = fc.constantFrom(...'aMrRsSdDé. @xyzÜüß0123 straeruRUE'.split(''));
    fc.assert(
      fc.property(fc.constantFrom(...patterns), fc.array(alphabet, { maxLength: 40 }), (source, chars) => {
        const text = chars.join('');
        expect(v8Matches(source, text)).toEqual(re2Matches(source, text));
      }),
      { numRuns: 300 },
    );
  });

  it.each(['(?P<name>a)', '(?s:a.b)', '\\Qa.b\\E', 'a\\z', '[[:alpha:]]', '(a)\\1', '\\x{41}', 'a😀b'])(
    'leaves %s to RE2',
    (source) => {
      expect(toV8Source(source)).toBeUndefined();
    },
  );
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SafeRegex, SafeRegexSet } from '../../../core/regex.js';
import { DetectionEngine } from '../../engine.js';
import { createDetectionEngine } from '../../index.js';
import { generators } from './generators.js';
import { organizationDetectors } from './index.js';

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// Each detector's samples are proven by src/detect/registry.test.ts, like every registered detector's.

describe('organization family', () => {
  const engine = new DetectionEngine({ detectors: organizationDetectors });
  const found = (text: string) => engine.detect(text).map((f) => text.slice(f.start, f.end));

  // RE2 sets report patterns that do not match at all once a pattern compiles too large; the
  // engine would then run them on every text. Each pattern must stay silent where it cannot match.
  it('each pattern, alone in an RE2 set, stays silent on text it cannot match', () => {
    for (const spec of organizationDetectors) {
      for (const p of spec.patterns) {
        const regex = new SafeRegex(p.regex, { caseInsensitive: p.flags === 'i' });
        expect(new SafeRegexSet([regex]).matching('hello world'), `${spec.id}/${p.name}`).toEqual([]);
      }
    }
  });

  it.each([
    ['Meeting with Deutsche Bank AG and Banco Santander, S.A. tomorrow', ['Deutsche Bank AG', 'Banco Santander, S.A.']],
    ['Thanks Johnson & Johnson Inc. for the order', ['Johnson & Johnson Inc.']],
    ['Die Firma Schulz Maschinenbau GmbH liefert', ['Schulz Maschinenbau GmbH']],
    ['Bank of America Corp. and Kestrel Ltd', ['Bank of America Corp.', 'Kestrel Ltd']],
    ['Acme S.A. de C.V. (Monterrey)', ['Acme S.A. de C.V.']],
  ])('%j → %j', (text, values) => {
    expect(found(text)).toEqual(values);
  });

  it.each([
    ['Acme Health Inc.', 0.8],
    ['Our supplier Acme Health Inc.', 0.95],
    ['Our supplier Nordic Steel AB', 0.95],
    ['Nordic Steel AB', undefined],
  ])('%j scores %s', (text, score) => {
    expect(engine.detect(text)[0]?.score).toBe(score);
  });

  it('finds a configured competitor name as ORGANIZATION through the customer dictionaries', () => {
    const withCompetitors = createDetectionEngine({
      dictionaries: { terms: [{ entity: 'ORGANIZATION', terms: ['Globex', 'Initech Europe'] }] },
    });
    const text = 'The prospect is also talking to Initech Europe and Globex.';
    const spans = withCompetitors.detect(text).map((f) => [f.entity, text.slice(f.start, f.end)]);
    expect(spans).toContainEqual(['ORGANIZATION', 'Initech Europe']);
    expect(spans).toContainEqual(['ORGANIZATION', 'Globex']);
  });
});

describe('generators', () => {
  const engine = new DetectionEngine({ detectors: organizationDetectors });
  const sentences: ReadonlyArray<(v: string) => string> = [
    (v) => `We signed the framework contract with ${v} last week.`,
    (v) => `Vertrag mit ${v} unterschrieben.`,
    (v) => `Le fournisseur ${v} a livré hier.`,
    (v) => `Cliente: ${v}`,
    (v) => `Our competitor ${v}, based abroad, cut prices.`,
  ];

  it.each(Object.keys(generators))('%s values in a sentence are found with their exact span', (entity) => {
    const generate = generators[entity] as (rand: () => number) => string;
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 31 - 1 }), fc.nat(sentences.length - 1), (seed, t) => {
        const value = generate(mulberry32(seed));
        const text = (sentences[t] as (v: string) => string)(value);
        const spans = engine.detect(text).map((f) => [f.entity, text.slice(f.start, f.end)]);
        expect(spans, text).toContainEqual([entity, value]);
      }),
      { numRuns: 600 },
    );
  });
});

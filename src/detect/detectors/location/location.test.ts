import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SafeRegex, SafeRegexSet } from '../../../core/regex.js';
import { DetectionEngine } from '../../engine.js';
import { builtInDetectors } from '../../registry.js';
import { generators } from './generators.js';
import { locationDetectors } from './index.js';

/** Deterministic PRNG so a failing seed from fast-check reproduces the same value. */
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

describe('location family', () => {
  const engine = new DetectionEngine({ detectors: locationDetectors });
  const found = (text: string) => engine.detect(text).map((f) => [f.entity, text.slice(f.start, f.end)]);

  // RE2 sets report patterns that do not match at all once a pattern compiles too large; the
  // engine would then run them on every text. Each pattern must stay silent where it cannot match.
  it('each pattern, alone in an RE2 set, stays silent on text it cannot match', () => {
    for (const spec of locationDetectors) {
      for (const p of spec.patterns) {
        const regex = new SafeRegex(p.regex, { caseInsensitive: p.flags === 'i' });
        expect(new SafeRegexSet([regex]).matching('hello world'), `${spec.id}/${p.name}`).toEqual([]);
      }
    }
  });

  it.each([
    ['Hauptstraße 12\n10115 Berlin', 'STREET_ADDRESS', 'Hauptstraße 12\n10115 Berlin'],
    ['Keizersgracht 123, 1015 CJ Amsterdam, Nederland', 'STREET_ADDRESS', 'Keizersgracht 123, 1015 CJ Amsterdam, Nederland'],
    ['Please ship to 12 rue de la Paix, 75002 Paris.', 'STREET_ADDRESS', '12 rue de la Paix, 75002 Paris'],
    ['Calle Mayor 5, 28013 Madrid', 'STREET_ADDRESS', 'Calle Mayor 5, 28013 Madrid'],
    ['Via Roma 10 - 00184 Roma', 'STREET_ADDRESS', 'Via Roma 10 - 00184 Roma'],
    ['Rua das Flores 25, 4050-262 Porto', 'STREET_ADDRESS', 'Rua das Flores 25, 4050-262 Porto'],
    ['Dublin office: 12 Grafton Street, Dublin 2, D02 X285', 'STREET_ADDRESS', '12 Grafton Street, Dublin 2, D02 X285'],
    ['Strandvej 12, 2900 Hellerup', 'STREET_ADDRESS', 'Strandvej 12, 2900 Hellerup'],
    ['Wir sitzen in 10115 Berlin.', 'LOCATION', '10115 Berlin'],
    ['Elle vit à Saint-Étienne.', 'LOCATION', 'Saint-Étienne'],
  ])('%j → %s %j', (text, entity, value) => {
    expect(found(text)).toContainEqual([entity, value]);
  });

  it.each([
    ['Hauptstraße 12, 10115 Berlin', 1], // a postcode line confirms an address
    ['Note: Hauptstraße 12', 0.7], // a street line alone keeps its base score
    ['Lieferadresse: Hauptstraße 12', 1], // an address word raises it
    ['Er wohnt in München.', 0.85], // gazetteer name next to a residence word
    ['75008 Paris', 1], // gazetteer city with a postcode of its own country
    ['Adresse: 37073 Göttingen', 0.95], // unknown city, address word nearby
  ])('%j scores %d', (text, score) => {
    expect(engine.detect(text).map((f) => f.score)).toEqual([score]);
  });

  it('reports the whole block once, not the street and the postcode line apart', () => {
    const text = 'Anschrift: Hauptstraße 12, 10115 Berlin';
    expect(found(text)).toEqual([['STREET_ADDRESS', 'Hauptstraße 12, 10115 Berlin']]);
  });

  it('ignores plain mentions of cities and capitalised words', () => {
    for (const text of [
      'Our Paris office and the Berlin team met in Madrid.',
      'The Quarterly Business Review is on Monday.',
      'Version 2.4 of the Mobile App ships in 2024.',
      'See page 12 Section 4 for details.',
    ]) {
      expect(found(text), text).toEqual([]);
    }
  });

  it('is registered with every built-in detector in one engine', () => {
    for (const d of locationDetectors) expect(builtInDetectors).toContain(d);
    expect(() => new DetectionEngine({ detectors: builtInDetectors })).not.toThrow();
  });
});

describe('generators', () => {
  const engine = new DetectionEngine({ detectors: locationDetectors });
  const sentences: Record<string, ReadonlyArray<(v: string) => string>> = {
    STREET_ADDRESS: [
      (v) => `Please update the customer's address to ${v} before shipping.`,
      (v) => `Lieferadresse:\n${v}\nVielen Dank.`,
      (v) => `Adresse : ${v}, merci.`,
      (v) => `Dirección: ${v}`,
      (v) => `She lives at ${v} with her family.`,
    ],
    LOCATION: [
      (v) => `She lives in ${v} with her family.`,
      (v) => `Wohnort: ${v}`,
      (v) => `Il cliente vive a ${v}.`,
      (v) => `Ela mora em ${v}, desde 2019.`,
      (v) => `Home address: ${v}`,
    ],
  };

  it.each(Object.keys(generators))('%s values in a sentence are found with their exact span', (entity) => {
    const generate = generators[entity] as (rand: () => number) => string;
    const templates = sentences[entity] as ReadonlyArray<(v: string) => string>;
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 31 - 1 }), fc.nat(templates.length - 1), (seed, t) => {
        const value = generate(mulberry32(seed));
        const text = (templates[t] as (v: string) => string)(value);
        const spans = engine.detect(text).map((f) => [f.entity, text.slice(f.start, f.end)]);
        expect(spans, text).toContainEqual([entity, value]);
      }),
      { numRuns: 600 },
    );
  });
});

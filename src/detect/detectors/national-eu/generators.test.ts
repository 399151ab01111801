import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../../core/clock.js';
import { DetectionEngine } from '../../engine.js';
import type { DetectorSpec } from '../../spec.js';
import { generators } from './generators.js';
import { nationalEuDetectors } from './index.js';

/** Entities without a checksum: a changed digit can still be a valid value. */
const NO_CHECKSUM = new Set(['UK_NINO', 'DK_CPR']);

const specFor = (entity: string): DetectorSpec => {
  const spec = nationalEuDetectors.find((d) => d.entity === entity);
  if (!spec) throw new Error(`no detector for ${entity}`);
  return spec;
};

const sentence = (spec: DetectorSpec, value: string): { text: string; start: number } => {
  const prefix = `Customer record, ${spec.context?.[0] ?? ''}: `;
  return { text: `${prefix}${value} (verified by the back office).`, start: prefix.length };
};

/** Every way to change exactly one digit of `value`. */
function digitMutations(value: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c < 48 || c > 57) continue;
    for (let d = 0; d <= 9; d++) {
      if (d !== c - 48) out.push(value.slice(0, i) + String(d) + value.slice(i + 1));
    }
  }
  return out;
}

describe('generators cover every entity of the family', () => {
  it('has one generator per detector entity', () => {
    expect(Object.keys(generators).sort()).toEqual([...new Set(nationalEuDetectors.map((d) => d.entity))].sort());
  });
});

describe.each(Object.keys(generators).map((entity) => [entity]))('generator %s', (entity) => {
  const spec = specFor(entity);
  const generate = generators[entity] as (rand: () => number) => string;
  const engine = new DetectionEngine({ detectors: [spec] });

  it('yields values the detector finds with their exact span, next to a context word', () => {
    fc.assert(
      fc.property(fc.integer(), (seed) => {
        const value = generate(seededRandom(seed).next);
        const { text, start } = sentence(spec, value);
        const found = engine.detect(text).map((f) => [f.entity, f.start, f.end]);
        expect(found).toContainEqual([entity, start, start + value.length]);
      }),
      { numRuns: 200 },
    );
  });

  // entities without a checksum have no invalid variants to test
  const checksumIt = NO_CHECKSUM.has(entity) ? () => undefined : it;

  checksumIt('stays silent when one digit is changed and the checksum says invalid', () => {
    fc.assert(
      fc.property(fc.integer(), fc.nat(), (seed, pickIndex) => {
        const value = generate(seededRandom(seed).next);
        const invalid = digitMutations(value).filter((m) => spec.validate?.(m, { nearContext: true }) === 'reject');
        fc.pre(invalid.length > 0);
        const mutated = invalid[pickIndex % invalid.length] as string;
        expect(engine.detect(sentence(spec, mutated).text)).toEqual([]);
      }),
      { numRuns: 200 },
    );
  });

  checksumIt('rejects most single-digit changes', () => {
    const rand = seededRandom(4242);
    let total = 0;
    let rejected = 0;
    for (let i = 0; i < 50; i++) {
      for (const m of digitMutations(generate(rand.next))) {
        total++;
        if (spec.validate?.(m, { nearContext: true }) === 'reject') rejected++;
      }
    }
    // Weighted mod-11 and Luhn schemes catch every single-digit error; mod 10 with weight-1
    // positions and date fields catch slightly fewer, never under 80 %.
    expect(rejected / total).toBeGreaterThan(0.8);
  });
});

describe('the family as a whole', () => {
  const engine = new DetectionEngine({ detectors: nationalEuDetectors });

  it.each(Object.keys(generators).map((entity) => [entity]))(
    'labels at least 97 %% of generated %s values with the right entity when all detectors run',
    (entity) => {
      const spec = specFor(entity);
      const generate = generators[entity] as (rand: () => number) => string;
      const rand = seededRandom(99);
      let right = 0;
      const runs = 300;
      for (let i = 0; i < runs; i++) {
        const value = generate(rand.next);
        const { text, start } = sentence(spec, value);
        const hit = engine.detect(text).find((f) => f.start === start && f.end === start + value.length);
        if (hit?.entity === entity) right++;
      }
      expect(right / runs).toBeGreaterThanOrEqual(0.97);
    },
  );
});

import fc from 'fast-check';
import { expect, it } from 'vitest';
import { DetectionEngine } from '../../src/detect/engine.js';
import type { DetectorSpec } from '../../src/detect/spec.js';
import { mulberry32 } from '../../src/detect/detectors/national-intl/seeded-random.js';

type Generate = (rand: () => number) => string;

/**
 * The two properties every detector family with generators proves, inside a `describe`:
 * generated values in a sentence are found with their exact span, and a value with one digit
 * changed that its checksum rejects is not reported at all.
 */
export function generatorProperties(options: {
  detectors: readonly DetectorSpec[];
  generators: Readonly<Record<string, Generate>>;
  sentences: Readonly<Record<string, (value: string) => string>>;
  checksums: Readonly<Record<string, (value: string) => boolean>>;
  numRuns?: number;
}): void {
  const { detectors, generators, sentences, checksums } = options;
  const numRuns = options.numRuns ?? 300;
  const family = new DetectionEngine({ detectors });
  const seed = fc.integer({ min: 0, max: 0x7fffffff });

  it('covers every entity of the family', () => {
    expect(Object.keys(generators).sort()).toEqual([...new Set(detectors.map((d) => d.entity))].sort());
  });

  it.each(Object.keys(generators))('%s values in a sentence are found with their exact span', (entity) => {
    const generate = generators[entity] as Generate;
    const sentence = sentences[entity] as (value: string) => string;
    fc.assert(
      fc.property(seed, (s) => {
        const value = generate(mulberry32(s));
        const text = sentence(value);
        const start = text.indexOf(value);
        expect(family.detect(text).map((f) => [f.entity, f.start, f.end])).toContainEqual([entity, start, start + value.length]);
      }),
      { numRuns },
    );
  });

  it.each(Object.keys(checksums))('%s values with one wrong digit are not reported', (entity) => {
    const generate = generators[entity] as Generate;
    const sentence = sentences[entity] as (value: string) => string;
    const checksum = checksums[entity] as (value: string) => boolean;
    const engine = new DetectionEngine({ detectors: detectors.filter((d) => d.entity === entity) });
    fc.assert(
      fc.property(seed, fc.nat(), fc.integer({ min: 1, max: 9 }), (s, at, shift) => {
        const value = generate(mulberry32(s));
        const positions = [...value].flatMap((c, i) => (c >= '0' && c <= '9' ? [i] : []));
        const i = positions[at % positions.length] as number;
        const mutated = value.slice(0, i) + String((Number(value[i]) + shift) % 10) + value.slice(i + 1);
        // some changes keep a weak checksum valid; only those the checksum rejects must vanish
        fc.pre(!checksum(mutated));
        const text = sentence(mutated);
        const start = text.indexOf(mutated);
        expect(engine.detect(text).filter((f) => f.start < start + mutated.length && f.end > start)).toEqual([]);
      }),
      { numRuns },
    );
  });
}

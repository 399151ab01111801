import { describe, expect, it } from 'vitest';
import { DetectionEngine } from '../../engine.js';
import { nationalIntlDetectors } from './index.js';

// Each detector's samples are proven by src/detect/registry.test.ts, like every registered detector's.

describe('the family', () => {
  it('runs a context-required detector whenever one of its context words is written', () => {
    // Keywords gate the detector before context is looked at; a context word they miss is dead.
    for (const spec of nationalIntlDetectors.filter((d) => d.contextRequired && d.keywords)) {
      const keywords = (spec.keywords ?? []).map((k) => k.toLowerCase());
      const dead = (spec.context ?? []).filter((word) => !keywords.some((k) => `${word.toLowerCase()} `.includes(k)));
      expect(dead, spec.id).toEqual([]);
    }
  });

  it('compiles as one engine with unique ids', () => {
    const ids = nationalIntlDetectors.map((d) => d.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(() => new DetectionEngine({ detectors: nationalIntlDetectors })).not.toThrow();
  });
});

import { describe, expect, it } from 'vitest';
import { DetectionEngine } from '../../engine.js';
import { nationalEuDetectors } from './index.js';

// Each detector's samples are proven by src/detect/registry.test.ts, like every registered detector's.

describe('the national-eu family', () => {
  it('compiles as one engine with unique ids', () => {
    const ids = nationalEuDetectors.map((d) => d.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(() => new DetectionEngine({ detectors: nationalEuDetectors })).not.toThrow();
  });
});

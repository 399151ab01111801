import { describe, expect, it } from 'vitest';
import { DetectionEngine } from './engine.js';
import { parseDictionaryConfig } from './dictionaries.js';
import { createDetectionEngine } from './index.js';

describe('customer dictionaries', () => {
  it('finds configured terms case-insensitively as whole words', () => {
    const engine = createDetectionEngine({
      dictionaries: {
        terms: [
          { entity: 'PROJECT_CODENAME', terms: ['Project Nightingale', 'Bluebird'] },
          { entity: 'COMPENSATION_BAND', terms: ['L7 band'], score: 0.9 },
        ],
      },
    });
    const text = 'Offer is in the l7 BAND; PROJECT NIGHTINGALE and bluebird, not Bluebirds.';
    const spans = engine.detect(text).map((f) => [f.entity, text.slice(f.start, f.end), f.score, f.detectorId]);
    expect(spans).toEqual([
      ['COMPENSATION_BAND', 'l7 BAND', 0.9, 'dictionary:compensation-band'],
      ['PROJECT_CODENAME', 'PROJECT NIGHTINGALE', 0.85, 'dictionary:project-codename'],
      ['PROJECT_CODENAME', 'bluebird', 0.85, 'dictionary:project-codename'],
    ]);
  });

  it('suppresses allowlisted values of any detector', () => {
    const engine = createDetectionEngine({ dictionaries: { allow: ['Support@Acme.example'] } });
    const text = 'write to support@acme.example or jane@acme.example';
    expect(engine.detect(text).map((f) => text.slice(f.start, f.end))).toEqual(['jane@acme.example']);
  });

  it('rejects invalid configuration with the path of the bad key', () => {
    expect(() => parseDictionaryConfig({ terms: [{ entity: 'bad id', terms: ['x1'] }] })).toThrow(/terms\.0\.entity/);
    expect(() => parseDictionaryConfig({ terms: [{ entity: 'OK', terms: [] }] })).toThrow(/terms\.0\.terms/);
    expect(() => parseDictionaryConfig({ unknown: 1 })).toThrow(/CONFIG|invalid/);
  });

  it('works without any built-in detector', () => {
    const engine = new DetectionEngine({ detectors: [], dictionaries: { terms: [{ entity: 'X_TERM', terms: ['alpha'] }] } });
    expect(engine.detect('Alpha beta')).toHaveLength(1);
  });
});

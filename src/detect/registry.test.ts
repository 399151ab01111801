import { describe, expect, it } from 'vitest';
import { DetectionEngine } from './engine.js';
import { builtInDetectors } from './registry.js';
import type { DetectorSpec, TruePositive } from './spec.js';

/**
 * The evidence rule: every detector ships true- and false-positive samples, and this one
 * test proves them all. A detector run alone must find each true positive's exact span and
 * must stay silent on each false positive.
 */
const asSample = (tp: TruePositive) => (typeof tp === 'string' ? { text: tp, value: tp } : tp);

describe.each(builtInDetectors.map((spec) => [spec.id, spec] as [string, DetectorSpec]))('detector %s', (_id, spec) => {
  const engine = new DetectionEngine({ detectors: [spec] });

  it('carries samples of both kinds', () => {
    expect(spec.samples.tp.length).toBeGreaterThan(0);
    expect(spec.samples.fp.length).toBeGreaterThan(0);
  });

  it.each(spec.samples.tp.map(asSample))('finds true positive #%#', ({ text, value }) => {
    const start = text.indexOf(value);
    expect(start, 'sample value must occur in its text').toBeGreaterThanOrEqual(0);
    const spans = engine.detect(text).map((f) => [f.entity, text.slice(f.start, f.end)]);
    expect(spans).toContainEqual([spec.entity, value]);
  });

  it.each(spec.samples.fp.map((text) => [text]))('stays silent on false positive %s', (text) => {
    const spans = engine.detect(text).map((f) => [f.entity, text.slice(f.start, f.end)]);
    expect(spans).toEqual([]);
  });
});

describe('the registry', () => {
  it('has unique detector ids', () => {
    const ids = builtInDetectors.map((d) => d.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('compiles as one engine', () => {
    expect(() => new DetectionEngine({ detectors: builtInDetectors })).not.toThrow();
  });
});

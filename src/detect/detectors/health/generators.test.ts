import { describe, expect, it } from 'vitest';
import { DetectionEngine } from '../../engine.js';
import { deaValid } from '../../validators/dea.js';
import { luhnValid } from '../../validators/luhn.js';
import { generatorProperties } from '../../../../test/support/generator-properties.js';
import { generators } from './generators.js';
import { healthDetectors } from './index.js';
import { MEDICAL_CONDITION_ABBREVIATIONS, MEDICAL_CONDITIONS, MEDICATIONS } from './medical-terms.js';

const SENTENCES: Record<string, (value: string) => string> = {
  US_NPI: (v) => `Claim signed by the rendering provider, NPI ${v}.`,
  US_DEA: (v) => `Prescriber DEA number ${v} verified.`,
  MEDICAL_RECORD_NUMBER: (v) => `MRN: ${v} (admitted Monday).`,
  HEALTH_INSURANCE_ID: (v) => `Member ID ${v} on the claim.`,
  ICD10_CODE: (v) => `Diagnosis ${v} recorded at discharge.`,
  MEDICAL_CONDITION: (v) => `The patient was diagnosed with ${v} last year.`,
  MEDICATION: (v) => `The patient was prescribed ${v} after the visit.`,
};

const CHECKSUMS: Record<string, (value: string) => boolean> = {
  US_NPI: (v) => luhnValid(`80840${v}`),
  US_DEA: deaValid,
};

const family = new DetectionEngine({ detectors: healthDetectors });
describe('generators', () => {
  generatorProperties({ detectors: healthDetectors, generators, sentences: SENTENCES, checksums: CHECKSUMS });

  // The dictionaries are small enough to check exhaustively rather than by sampling.
  it.each([
    ['MEDICAL_CONDITION', [...MEDICAL_CONDITIONS, ...MEDICAL_CONDITION_ABBREVIATIONS]],
    ['MEDICATION', MEDICATIONS],
  ] as const)('finds every %s term in a patient sentence', (entity, terms) => {
    const sentence = SENTENCES[entity] as (value: string) => string;
    const missed = terms.filter((term) => {
      const text = sentence(term);
      const start = text.indexOf(term);
      return !family.detect(text).some((f) => f.entity === entity && f.start === start && f.end === start + term.length);
    });
    expect(missed).toEqual([]);
  });
});

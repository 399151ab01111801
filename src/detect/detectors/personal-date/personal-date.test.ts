import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SafeRegex, SafeRegexSet } from '../../../core/regex.js';
import { DetectionEngine } from '../../engine.js';
import { generators } from './generators.js';
import { personalDateTimeDetectors } from './index.js';

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

describe('personal dates', () => {
  const engine = new DetectionEngine({ detectors: personalDateTimeDetectors });
  const found = (text: string) => engine.detect(text).map((f) => text.slice(f.start, f.end));

  // RE2 sets report patterns that do not match at all once a pattern compiles too large; the
  // engine would then run them on every text. Each pattern must stay silent where it cannot match.
  it('each pattern, alone in an RE2 set, stays silent on text it cannot match', () => {
    for (const spec of personalDateTimeDetectors) {
      for (const p of spec.patterns) {
        const regex = new SafeRegex(p.regex, { caseInsensitive: p.flags === 'i' });
        expect(new SafeRegexSet([regex]).matching('hello world'), `${spec.id}/${p.name}`).toEqual([]);
      }
    }
  });

  it.each([
    ['Admitted 14.03.2024 (born 01.02.1980), discharged 18.03.2024.', ['14.03.2024', '18.03.2024']],
    ['Eintrittsdatum: 01.04.2023; Geburtsdatum: 12.12.1990', ['01.04.2023']],
    ['Cita el 5 de mayo de 2024 a las 9:30, nacido el 3 de junio de 1970', ['5 de mayo de 2024 a las 9:30']],
    ['Date d\'embauche : 1er septembre 2022', ['1er septembre 2022']],
    ['Surgery scheduled 2024/07/01', ['2024/07/01']],
  ])('%j → %j', (text, values) => {
    expect(found(text)).toEqual(values);
  });

  it.each(['30.02.2024', '29.02.2023', '2024-04-31', '31 April 2024', '13/13/2024', '00.01.2024'])(
    'rejects the impossible date %s',
    (date) => {
      expect(found(`Appointment on ${date}`)).toEqual([]);
    },
  );

  it('accepts 29 February in a leap year only', () => {
    expect(found('Appointment on 29.02.2024')).toEqual(['29.02.2024']);
    expect(found('Appointment on 29.02.2100')).toEqual([]);
  });
});

describe('generators', () => {
  const engine = new DetectionEngine({ detectors: personalDateTimeDetectors });
  const sentences: ReadonlyArray<(v: string) => string> = [
    (v) => `Patient admitted on ${v} for observation.`,
    (v) => `Termin: ${v}`,
    (v) => `Rendez-vous le ${v}.`,
    (v) => `Fecha de alta: ${v}`,
    (v) => `Appuntamento fissato per il ${v}.`,
    (v) => `Afspraak op ${v}.`,
    (v) => `Consulta marcada para ${v}.`,
    (v) => `Start date ${v}; contract signed.`,
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

  it('never reports a generated date that follows a birth label, even next to an event word', () => {
    const labels = ['DOB:', 'Date of birth', 'Geburtsdatum:', 'né le', 'nacido el', 'data di nascita', 'geboren op', 'data de nascimento:'];
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 31 - 1 }), fc.constantFrom(...labels), (seed, label) => {
        const value = (generators.DATE_TIME as (rand: () => number) => string)(mulberry32(seed));
        const text = `Admission note. ${label} ${value}.`;
        expect(found(text), text).toEqual([]);
      }),
      { numRuns: 400 },
    );
    function found(text: string) {
      return engine.detect(text).map((f) => text.slice(f.start, f.end));
    }
  });
});

import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { AhoCorasick } from './aho-corasick.js';
import { atLineStart, capitalised, firstWords, isWordCode, WORD_CODE_UNITS, wordIn, wordIndexFor, wordsOf } from './anchors.js';
import { DetectionEngine } from './engine.js';
import type { DetectorSpec } from './spec.js';

/** The words as the keyword pass records them. */
const words = (text: string) => {
  const ix = wordIndexFor(text.length);
  new AhoCorasick(['x']).scanIndexing(text, () => {}, WORD_CODE_UNITS, ix);
  return Array.from({ length: ix.count }, (_, i) => text.slice(ix.starts[i], ix.ends[i]));
};
/** The same by the definition: maximal runs of word code units. */
const wordsByDefinition = (text: string) => {
  const out: string[] = [];
  let run = '';
  for (const ch of text.split('')) {
    if (isWordCode(ch.charCodeAt(0))) run += ch;
    else if (run) {
      out.push(run);
      run = '';
    }
  }
  return run ? [...out, run] : out;
};

describe('anchors', () => {
  it('indexes words as runs of letters, digits and marks in any script', () => {
    expect(words('Zoë Çelik, ID 42-7; 東京 e\u0301te')).toEqual(['Zoë', 'Çelik', 'ID', '42', '7', '東京', 'e\u0301te']);
    expect(words('')).toEqual([]);
    expect(words('a'.repeat(5000) + ' b').map((w) => w.length)).toEqual([5000, 1]);
    expect(words('a b c d e f')).toEqual(['a', 'b', 'c', 'd', 'e', 'f']); // as many words as the room allows
  });

  it('records the same words as the definition, for any text (in the keyword pass and on its own)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 60 }), (text) => {
        expect(words(text)).toEqual(wordsByDefinition(text));
        const own = wordsOf(text);
        expect(Array.from({ length: own.count }, (_, i) => text.slice(own.starts[i], own.ends[i]))).toEqual(wordsByDefinition(text));
      }),
      { numRuns: 2000 },
    );
  });

  it('matches word lists in lower, Title and upper case only, and cue layouts', () => {
    const greeting = wordIn(['dear', 'Hello']);
    const at = (t: string, w: string) => greeting(t, t.indexOf(w), t.indexOf(w) + w.length);
    expect([at('x dear', 'dear'), at('x Dear', 'Dear'), at('x DEAR', 'DEAR'), at('x HELLO', 'HELLO')]).toEqual([true, true, true, true]);
    expect([at('x dEAR', 'dEAR'), at('x deal', 'deal'), at('x dearest', 'dearest')]).toEqual([false, false, false]);
    expect(firstWords(['best regards', 'z. hd.', 'mit freundlichen grüßen'])).toEqual(['best', 'z', 'mit']);
    expect(atLineStart('Thanks,\n  Regards', 10)).toBe(true);
    expect(atLineStart('Thanks, Regards', 8)).toBe(false);
    expect([capitalised('Émile', 0), capitalised('émile', 0), capitalised('42', 0)]).toEqual([true, false, false]);
  });

  const anchored = (startsAt?: DetectorSpec['patterns'][number]['startsAt']): DetectionEngine =>
    new DetectionEngine({
      detectors: [
        {
          id: 'code',
          entity: 'TEST_CODE',
          description: 'a capitalised word and a number',
          patterns: [{ name: 'code', regex: '[A-Z][a-z]+ \\d+', score: 0.5, ...(startsAt ? { startsAt } : {}) }],
          boundary: 'none',
          samples: { tp: ['Alpha 1'], fp: [] },
        },
      ],
    });

  it('tries an anchored pattern only at the words its anchor accepts, never overlapping', () => {
    const text = 'Alpha 1, Beta 22, xGamma 3, Delta Epsilon 4';
    const spans = (e: DetectionEngine) => e.detect(text).map((f) => text.slice(f.start, f.end));
    expect(spans(anchored())).toEqual(['Alpha 1', 'Beta 22', 'Gamma 3', 'Epsilon 4']);
    // only words starting with A or E: "Beta 22" is never tried; "Gamma" is inside the word "xGamma"
    expect(spans(anchored((t, s) => t[s] === 'A' || t[s] === 'E'))).toEqual(['Alpha 1', 'Epsilon 4']);
    expect(spans(anchored(wordIn(['beta', 'delta'])))).toEqual(['Beta 22']);
  });
});

/** A detector's own samples as texts. */
const sampleTexts = (spec: DetectorSpec): string[] => [...spec.samples.tp.map((t) => (typeof t === 'string' ? t : t.text)), ...spec.samples.fp];

/**
 * Runs `faster` and `reference` alone over `texts`: the same findings on every text, and more
 * than `moreThan` of them in all (so the comparison is not between two empty lists).
 */
function expectSameFindings(faster: DetectorSpec, reference: DetectorSpec, texts: readonly string[], moreThan: number): void {
  const key = Buffer.alloc(32, 3);
  const a = new DetectionEngine({ detectors: [faster], fingerprintKey: key });
  const b = new DetectionEngine({ detectors: [reference], fingerprintKey: key });
  let found = 0;
  for (const text of texts) {
    const got = a.detect(text);
    expect(got).toEqual(b.detect(text));
    found += got.length;
  }
  expect(found).toBeGreaterThan(moreThan);
}

describe('built-in anchors only save time', () => {
  // Detectors whose anchors were added to unchanged patterns: without the anchor the same
  // pattern scans the whole text. Both must find exactly the same things.
  const ACCELERATED = [
    'email', 'salesforce-record-id', 'mac-address', 'it-fiscal-code', 'date-of-birth', 'personal-date-time', 'age',
    'age-in-years', 'street-address-en', 'medical-condition', 'medication', 'performance-rating', 'location-gazetteer', 'ipv6', 'street-address-type-first', 'ipv4', 'us-ssn', 'us-itin', 'in-aadhaar', 'br-cpf', 'br-cnpj', 'au-tfn', 'au-medicare-compact', 'ca-sin', 'br-cpf-compact', 'br-cnpj-compact', 'in-aadhaar-compact',
    // the standalone European identifiers (national-eu/shared.ts)
    'ch-ahv', 'de-tax-id', 'de-id-card', 'es-dni', 'es-nie', 'es-cif', 'nl-bsn', 'it-vat', 'pl-pesel', 'uk-nino', 'uk-nhs',
    'se-personnummer', 'dk-cpr', 'fi-hetu', 'at-svnr', 'ie-ppsn', 'eu-vat', 'be-national-number', 'fr-nir', 'fr-siren',
    'fr-siret', 'pt-nif',
    // digit runs, word shapes, located starts
    'credit-card', 'bitcoin-address', 'aws-secret-access-key', 'us-bank-account', 'us-bank-routing',
    'us-driver-license', 'us-passport', 'us-npi', 'salesforce-consumer-secret', 'au-medicare',
  ];

  it.each(ACCELERATED)('%s finds the same with and without its anchors, on the seeded corpus and its own samples', async (id) => {
    const { builtInDetectors } = await import('./registry.js');
    const { generateSized } = await import('../../bench/corpus.js');
    const spec = builtInDetectors.find((d) => d.id === id) as DetectorSpec;
    expect(spec.patterns.some((p) => p.startsAt !== undefined)).toBe(true);
    const plain = { ...spec, patterns: spec.patterns.map(({ startsAt: _dropped, ...p }) => p) };
    expectSameFindings(spec, plain, [...generateSized(11, 150, 4096).map((r) => r.text), ...sampleTexts(spec)], 0);
  });
});

describe('located starts reproduce the scan they replaced', () => {
  it('telegram bot tokens: tried before each colon, as the left-boundary scan found them', async () => {
    const { builtInDetectors } = await import('./registry.js');
    const spec = builtInDetectors.find((d) => d.id === 'telegram-bot-token') as DetectorSpec;
    const scanning: DetectorSpec = {
      ...spec,
      patterns: [
        {
          name: 'id-colon-secret',
          regex: String.raw`(?:^|[^0-9A-Za-z]|bot)(\d{8,10}:[A-Za-z0-9_-]{35})(?:[^A-Za-z0-9_-]|$)`,
          score: 0.55,
          group: 1,
        },
      ],
    };
    const secret = 'AAH7tR2xQ9vLmN4pK8sW3zY6bC1dF5gJ0hE';
    const texts = [
      ...sampleTexts(spec),
      ...['', 'x', 'bot', 'xbot', '/bot', '1-', 'é', '_', ' ', ':'].flatMap((before) =>
        ['1234567', '12345678', '123456789', '1234567890', '12345678901'].flatMap((id) =>
          [':', `:${secret}`, `:${secret}x`, `:${secret} `, `:${secret}-`].map((after) => `telegram bot ${before}${id}${after}`),
        ),
      ),
      `telegram https://api.telegram.org/bot123456789:${secret}/sendMessage and 987654321:${secret}`,
    ];
    expectSameFindings(spec, scanning, texts, 10);
  });
});

describe('located city-then-code starts reproduce the scan they replaced', () => {
  it('postcode-city: a city before a code, tried before each code, as the hinted scan found it', async () => {
    const { builtInDetectors } = await import('./registry.js');
    const { CITY_THEN_CODE, CITY_THEN_CODE_HINT } = await import('./detectors/location/patterns.js');
    const { generators } = await import('./detectors/location/generators.js');
    const { seededRandom } = await import('../core/clock.js');
    const spec = builtInDetectors.find((d) => d.id === 'postcode-city') as DetectorSpec;
    const only = (s: DetectorSpec, name: string): DetectorSpec => ({ ...s, patterns: s.patterns.filter((p) => p.name === name) });
    const located = only(spec, 'city-then-code');
    const scanning: DetectorSpec = {
      ...located,
      patterns: [{ name: 'city-then-code', regex: CITY_THEN_CODE, score: 0.75, requires: CITY_THEN_CODE_HINT }],
    };
    const rand = seededRandom(5);
    const lines = Array.from({ length: 600 }, () => (generators.STREET_ADDRESS as (r: () => number) => string)(() => rand.next()));
    const texts = [
      ...sampleTexts(spec),
      ...lines.map((line, i) => `Customer note ${i}: ship to ${line}. Call back after 5pm.`),
      lines.slice(0, 40).join('\n'),
    ];
    expectSameFindings(located, scanning, texts, 20);
  });
});

import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { AirlockError } from '../core/errors.js';
import { firstGroup } from './anchors.js';
import { DetectionEngine, resolveOverlaps } from './engine.js';
import { createDetectionEngine } from './index.js';
import type { DetectorSpec } from './spec.js';

const spec = (over: Partial<DetectorSpec>): DetectorSpec => ({
  id: 'test-digits',
  entity: 'TEST_DIGITS',
  description: 'test',
  patterns: [{ name: 'six', regex: '\\d{6}', score: 0.5 }],
  samples: { tp: ['123456'], fp: [] },
  ...over,
});

describe('DetectionEngine', () => {
  it('reports UTF-16 offsets after accents, CJK and emoji', () => {
    const engine = createDetectionEngine();
    const text = 'Zoë 東京 👩‍⚕️ écrit à jane.doe@example.com 🚀 puis 192.168.10.42';
    const spans = engine.detect(text).map((f) => [f.entity, text.slice(f.start, f.end)]);
    expect(spans).toContainEqual(['EMAIL_ADDRESS', 'jane.doe@example.com']);
    expect(spans).toContainEqual(['IP_ADDRESS', '192.168.10.42']);
  });

  it('skips a detector whose keywords are absent and runs it when one is present', () => {
    const engine = new DetectionEngine({ detectors: [spec({ keywords: ['order'] })] });
    expect(engine.detect('ref 123456')).toEqual([]);
    expect(engine.detect('ORDER ref 123456')).toHaveLength(1);
  });

  it('skips a detector when the text has too few digits', () => {
    const engine = new DetectionEngine({
      detectors: [spec({ minDigits: 9, patterns: [{ name: 'w', regex: 'abc', score: 0.5 }] })],
    });
    expect(engine.detect('abc 12345678')).toEqual([]);
    expect(engine.detect('abc 123456789')).toHaveLength(1);
  });

  it('raises the score for a nearby whole-word context word and requires it when told', () => {
    const boosted = new DetectionEngine({ detectors: [spec({ context: ['ref'] })] });
    expect(boosted.detect('ref: 123456')[0]?.score).toBe(0.85);
    expect(boosted.detect('prefix 123456')[0]?.score).toBe(0.5);
    const required = new DetectionEngine({ detectors: [spec({ context: ['ref'], contextRequired: true })] });
    expect(required.detect('number 123456')).toEqual([]);
    expect(required.detect('Ref 123456')).toHaveLength(1);
  });

  it('applies validation: confirm scores 1, reject drops', () => {
    const engine = new DetectionEngine({
      detectors: [spec({ validate: (v) => (v.startsWith('1') ? 'confirm' : v.startsWith('9') ? 'reject' : undefined) })],
    });
    expect(engine.detect('123456 999999 555555').map((f) => f.score)).toEqual([1, 0.5]);
  });

  it('rejects matches glued to letters or digits unless the boundary says otherwise', () => {
    const engine = new DetectionEngine({ detectors: [spec({})] });
    expect(engine.detect('x123456 1234567')).toEqual([]);
    const loose = new DetectionEngine({ detectors: [spec({ boundary: 'digit' })] });
    expect(loose.detect('x123456')).toHaveLength(1);
  });

  it('applies the entropy floor and placeholder rejection', () => {
    const engine = new DetectionEngine({
      detectors: [
        spec({ patterns: [{ name: 'key', regex: 'k_[A-Za-z0-9]{12}', score: 0.9 }], minEntropy: 3, rejectPlaceholders: true }),
      ],
    });
    expect(engine.detect('k_aaaaaaaaaaaa k_XXXXXXXXXXXX k_your_key_here')).toEqual([]);
    expect(engine.detect('k_Q7x9LmP2vR4t')).toHaveLength(1);
  });

  it('fingerprints values with a keyed HMAC and never exposes the value', () => {
    const key = Buffer.alloc(32, 7);
    const a = new DetectionEngine({ detectors: [spec({})], fingerprintKey: key });
    const b = new DetectionEngine({ detectors: [spec({})], fingerprintKey: Buffer.alloc(32, 8) });
    const [fa] = a.detect('123456');
    const [fa2] = a.detect('see 123456');
    const [fb] = b.detect('123456');
    expect(fa?.fingerprint).toBe(fa2?.fingerprint);
    expect(fa?.fingerprint).not.toBe(fb?.fingerprint);
    expect(JSON.stringify(fa)).not.toContain('123456');
    // HMAC-SHA256 of entity, NUL, value: the same value node:crypto gives
    const entity = fa?.entity ?? '';
    expect(fa?.fingerprint).toBe(createHmac('sha256', key).update(`${entity}\u0000123456`).digest('base64url').slice(0, 22));
  });

  it('runs a detector with as-written keywords only when one stands as a whole word, spelled as listed', () => {
    const engine = new DetectionEngine({ detectors: [spec({ keywords: ['AG', 'S.A.'], keywordMatch: 'as-written' })] });
    const found = (text: string) => engine.detect(text).length;
    expect(found('manager 123456')).toBe(0); // "ag" inside a word
    expect(found('ag 123456')).toBe(0); // other case
    expect(found('AGB 123456')).toBe(0); // not a whole word
    expect(found('Müller AG 123456')).toBe(1);
    expect(found('Banco S.A. 123456')).toBe(1);
    const substring = new DetectionEngine({ detectors: [spec({ keywords: ['AG'] })] });
    expect(substring.detect('manager 123456')).toHaveLength(1);
  });

  it('runs a detector with whole-word keywords only where one stands between non-word ASCII characters, in any case', () => {
    const engine = new DetectionEngine({ detectors: [spec({ keywords: ['st', 'rd'], keywordMatch: 'whole-word' })] });
    const found = (text: string) => engine.detect(text).length;
    expect(found('first 123456')).toBe(0); // inside a word
    expect(found('st_x 123456')).toBe(0); // an underscore is a word character to a regex \b
    expect(found('Main St 123456')).toBe(1);
    expect(found('MAIN RD. 123456')).toBe(1);
    expect(found('Sté 123456')).toBe(1); // as \b sees it: é is not an ASCII word character
  });

  it('skips a detector that requires context when none of its context words stands in the text', () => {
    const required = spec({ context: ['passport'], contextRequired: true });
    const engine = new DetectionEngine({ detectors: [required] });
    const found = (text: string) => engine.detect(text).length;
    expect(found('123456')).toBe(0);
    expect(found('passports 123456')).toBe(0); // not the whole word
    expect(found('Passport 123456')).toBe(1);
    // the gate changes nothing the context check would keep: far-away context still does not count
    expect(found(`passport ${'x '.repeat(60)}123456`)).toBe(0);
  });

  it('skips a pattern whose required cheaper pattern occurs nowhere, and runs it otherwise', () => {
    const engine = new DetectionEngine({
      detectors: [spec({ patterns: [{ name: 'six', regex: '\\d{6}', score: 0.5, requires: 'REF-' }] })],
    });
    expect(engine.detect('123456')).toEqual([]);
    expect(engine.detect('REF-1 and 123456').map((f) => f.start)).toEqual([10]);
  });

  it('refuses text over the size limit with a coded error', () => {
    const engine = new DetectionEngine({ detectors: [spec({})], maxTextLength: 10 });
    expect(() => engine.detect('x'.repeat(11))).toThrowError(expect.objectContaining({ code: 'PAYLOAD_TOO_LARGE' }));
  });

  it('turns a crashing validator into DETECTION_FAILED without the value in the message', () => {
    const engine = new DetectionEngine({
      detectors: [
        spec({
          validate: () => {
            throw new Error('boom 123456');
          },
        }),
      ],
    });
    let caught: unknown;
    try {
      engine.detect('123456');
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(AirlockError);
    expect((caught as AirlockError).code).toBe('DETECTION_FAILED');
    expect((caught as AirlockError).message).not.toContain('123456');
  });

  it('rejects invalid specs at load, naming the detector', () => {
    expect(() => new DetectionEngine({ detectors: [spec({ patterns: [{ name: 'bad', regex: '(a)\\1', score: 0.5 }] })] })).toThrow(
      /test-digits/,
    );
    expect(() => new DetectionEngine({ detectors: [spec({}), spec({})] })).toThrow(/used twice/);
    expect(() => new DetectionEngine({ detectors: [spec({ entity: 'lower' })] })).toThrow(/UPPER_SNAKE/);
    expect(() => new DetectionEngine({ detectors: [spec({ contextRequired: true })] })).toThrow(/contextRequired/);
  });

  it('stays linear on adversarial input for every built-in pattern', () => {
    const engine = createDetectionEngine();
    // Inputs that make backtracking engines explode on typical PII patterns.
    const nasty = [
      'a'.repeat(50_000) + '@',
      `${'a.'.repeat(25_000)}@`,
      `${'1-'.repeat(25_000)}x`,
      `http://${'a'.repeat(50_000)}`,
      `${'0:'.repeat(25_000)}`,
      `${'A1'.repeat(25_000)}!`,
      `-----BEGIN PRIVATE KEY-----${'A'.repeat(50_000)}`,
      // long runs of capitalised words and one endless capitalised word (names, organisations)
      'A'.repeat(40_000),
      'Ab '.repeat(13_000),
      'Mr Ab '.repeat(7_000),
      'Anna Maria '.repeat(4_000),
      // anchors that look ahead: a comma after a long name run, an @ after a long local part
      `${'Anna '.repeat(10_000)},`,
      `${'Dear '.repeat(10_000)}`,
      `${'a'.repeat(10_000)}.${'b.'.repeat(10_000)}@x.com`,
    ];
    for (const text of nasty) expect(Array.isArray(engine.detect(text))).toBe(true);
  });
});

describe('resolveOverlaps', () => {
  const c = (start: number, end: number, score: number, detectorId = 'd') => ({
    entity: 'E',
    start,
    end,
    score,
    detectorId,
  });

  it('keeps the highest score, then the longest, then the earliest, then the lowest detector id', () => {
    expect(resolveOverlaps([c(0, 10, 0.5), c(2, 4, 0.9)])).toEqual([c(2, 4, 0.9)]);
    expect(resolveOverlaps([c(0, 4, 0.9), c(0, 10, 0.9)])).toEqual([c(0, 10, 0.9)]);
    expect(resolveOverlaps([c(3, 8, 0.9), c(0, 5, 0.9)])).toEqual([c(0, 5, 0.9)]);
    expect(resolveOverlaps([c(0, 5, 0.9, 'b'), c(0, 5, 0.9, 'a')])).toEqual([c(0, 5, 0.9, 'a')]);
  });

  it('keeps disjoint and touching spans, sorted by start', () => {
    expect(resolveOverlaps([c(5, 9, 0.5), c(0, 5, 0.4)])).toEqual([c(0, 5, 0.4), c(5, 9, 0.5)]);
  });

  it('is independent of input order', () => {
    const items = [c(0, 10, 0.5), c(2, 4, 0.9), c(8, 12, 0.6), c(11, 20, 0.6), c(15, 16, 1)];
    const forward = resolveOverlaps(items);
    expect(resolveOverlaps(items.slice().reverse())).toEqual(forward);
  });
});

describe('linear-time guarantee on V8', () => {
  it('runs a pattern that would backtrack catastrophically in linear time (V8 falls back to its linear engine)', () => {
    const engine = new DetectionEngine({
      detectors: [
        {
          id: 'catastrophic',
          entity: 'TEST_CATASTROPHIC',
          description: 'nested quantifiers: exponential on a backtracking engine',
          patterns: [{ name: 'nested', regex: '(?:a+)+b', score: 0.5 }],
          samples: { tp: ['aab'], fp: [] },
        },
      ],
    });
    // 2^5000 steps for a plain backtracking engine; this test would never finish without the fallback
    expect(engine.detect(`${'a'.repeat(5000)}c`)).toEqual([]);
    expect(engine.detect('xx aaab yy').map((f) => f.entity)).toEqual(['TEST_CATASTROPHIC']);
  });
});

describe('reuse between calls', () => {
  it('gives a nested call (a validator that runs detection) its own working space', () => {
    let nestedFound: number[] = [];
    let depth = 0;
    const engine: DetectionEngine = new DetectionEngine({
      detectors: [
        spec({
          validate: () => {
            // detection inside detection, on the same engine, while the outer call walks its matches
            if (depth++ === 0) nestedFound = engine.detect('abc 999999 888888').map((f) => f.start);
            return undefined;
          },
        }),
      ],
    });
    const text = '111111 222222 333333 444444 555555';
    depth = 1; // a first call without nesting leaves its working space to the next
    expect(engine.detect(text).map((f) => f.start)).toEqual([0, 7, 14, 21, 28]);
    depth = 0;
    expect(engine.detect(text).map((f) => f.start)).toEqual([0, 7, 14, 21, 28]);
    expect(nestedFound).toEqual([4, 11]);
    // and the next call still works with the kept working space
    expect(engine.detect(text).map((f) => f.start)).toEqual([0, 7, 14, 21, 28]);
  });
});

describe('context-required anchored patterns', () => {
  it('find what they found before when tries after the last context word are cut short', () => {
    const anchored = spec({
      context: ['ref'],
      contextRequired: true,
      patterns: [{ name: 'six', regex: '\\d{6}', score: 0.5, startsAt: firstGroup([6]) }],
    });
    const engine = new DetectionEngine({ detectors: [anchored] });
    const starts = (text: string) => engine.detect(text).map((f) => f.start);
    // context before (within 64) and after (within 32) both count; far after the last one, nothing
    expect(starts('ref 123456')).toEqual([4]);
    expect(starts('123456 ref')).toEqual([0]);
    expect(starts(`ref 111111 ${'x'.repeat(70)} 222222`)).toEqual([4]);
    expect(starts(`111111 ${'x'.repeat(70)} 222222 ref ${'y'.repeat(80)} 333333`)).toEqual([78]);
  });
});

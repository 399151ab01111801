import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sampleRecord } from '../../test/audit/support.js';
import { API_NAME, CODE, ENTITY, FIELD_PATH, HEX64, JURISDICTION, ROUTE, SALESFORCE_ID, STAGE, TOKEN, encodeRecordFast } from './record-encoder.js';
import { encodeAuditRecord, encodeWithSchema } from './record.js';

/** What the zod schema says: the bytes, or that it rejects. */
function reference(input: unknown): string | 'rejected' {
  try {
    return encodeWithSchema(input);
  } catch {
    return 'rejected';
  }
}

const s = (re: RegExp) => fc.stringMatching(re);
/** FIELD_PATH without its lookahead (which fast-check cannot generate from), held to the real one. */
const fieldPath = fc
  .stringMatching(new RegExp(FIELD_PATH.source.replace('(?=.)', '')))
  .filter((p) => p.length <= 512 && FIELD_PATH.test(p));
const count = fc.oneof(fc.nat(1000), fc.constant(1e12), fc.constant(-0));
const opt = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });

const requestRecord = fc.record(
  {
    v: fc.constant(1),
    type: fc.constant('request'),
    phase: fc.constantFrom('begin', 'end'),
    at: fc.oneof(fc.nat(), fc.constant(8.64e15)),
    requestId: s(TOKEN),
    clientId: s(TOKEN),
    environment: fc.constantFrom('prod', 'sandbox', 'dev'),
    salesforce: fc.record(
      { object: s(API_NAME), orgId: s(SALESFORCE_ID), userId: s(SALESFORCE_ID) },
      { requiredKeys: [] },
    ),
    route: s(ROUTE),
    model: s(TOKEN),
    endpoint: fc.record({ id: s(TOKEN), jurisdiction: opt(s(JURISDICTION)), sovereign: opt(fc.boolean()) }, { requiredKeys: ['id'] }),
    origins: fc.array(s(CODE), { maxLength: 4 }),
    exceptions: fc.array(s(CODE), { maxLength: 3 }),
    policyHash: s(CODE),
    entityCounts: fc.dictionary(s(ENTITY), count, { maxKeys: 5 }),
    actionCounts: fc.dictionary(fc.oneof(s(CODE), fc.constantFrom('10', '9', '0')), count, { maxKeys: 5 }),
    fields: fc.array(fieldPath, { maxLength: 4 }),
    decision: fc.constantFrom('allowed', 'transformed', 'blocked', 'failed'),
    reasonCode: s(CODE),
    upstreamStatus: fc.integer({ min: 0, max: 999 }),
    sizes: fc.record({ requestBytes: count, responseBytes: count }, { requiredKeys: [] }),
    tokens: fc.record({ prompt: count, completion: count, total: count }, { requiredKeys: [] }),
    stageMs: fc.dictionary(s(STAGE), fc.oneof(fc.double({ min: 0, max: 1e12, noNaN: true }), fc.nat()), { maxKeys: 4 }),
    fingerprints: fc.record({ keyId: s(TOKEN), request: opt(s(HEX64)), response: opt(s(HEX64)) }, { requiredKeys: ['keyId'] }),
  },
  { requiredKeys: ['v', 'type', 'phase', 'at', 'requestId'] },
);

const pruneRecord = fc.record({
  v: fc.constant(1),
  type: fc.constant('prune'),
  at: fc.nat(),
  before: fc.nat(),
  throughSeq: fc.integer({ min: 1, max: Number.MAX_SAFE_INTEGER }),
  anchorHash: s(HEX64),
});

/** Anything at all, to put where a field was. */
const junk = fc.oneof(
  fc.anything({ withNullPrototype: true, withObjectString: true, withBoxedValues: true, withSparseArray: true }),
  fc.constantFrom(Number.NaN, Infinity, -1, 1.5, 2 ** 53, '', 'raw "content"\n', 'jane.doe@example.com', [undefined], new Date(0)),
);

/** A valid record with one thing changed: a value replaced, a key added or removed. */
const mutated = fc
  .tuple(fc.oneof(requestRecord, pruneRecord), fc.nat(), junk, fc.string(), fc.constantFrom('replace', 'add', 'remove', 'nested'))
  .map(([record, pick, value, newKey, how]) => {
    const out: Record<string, unknown> = structuredClone(record);
    const keys = Object.keys(out);
    const key = keys[pick % keys.length] as string;
    if (how === 'replace') out[key] = value;
    else if (how === 'add') out[newKey] = value;
    else if (how === 'remove') delete out[key];
    else {
      const inner = out[key];
      if (inner !== null && typeof inner === 'object' && !Array.isArray(inner)) {
        const innerKeys = Object.keys(inner);
        const innerKey = innerKeys.length > 0 ? (innerKeys[pick % innerKeys.length] as string) : newKey;
        (inner as Record<string, unknown>)[pick % 2 === 0 ? innerKey : newKey] = value;
      } else if (Array.isArray(inner)) inner[pick % (inner.length + 1)] = value;
    }
    return out;
  });

describe('the one-pass record encoder', () => {
  it('encodes every valid record itself, to the same bytes as the zod schema and canonical JSON', () => {
    fc.assert(
      fc.property(fc.oneof(requestRecord, pruneRecord), (record) => {
        const fast = encodeRecordFast(record);
        expect(fast).toBeDefined();
        expect(fast).toBe(reference(record));
      }),
      { numRuns: 2000 },
    );
  });

  it('never accepts what the schema rejects, and agrees on the bytes of what it accepts', () => {
    fc.assert(
      fc.property(mutated, (record) => {
        const fast = encodeRecordFast(record);
        const ref = reference(record);
        if (fast !== undefined) expect(fast).toBe(ref);
        // and the public function answers exactly as the schema does
        if (ref === 'rejected') expect(() => encodeAuditRecord(record)).toThrow(/audit record rejected/);
        else expect(encodeAuditRecord(record)).toBe(ref);
      }),
      { numRuns: 5000 },
    );
  });

  it.each([
    ['an unknown key', { ...sampleRecord(1), prompt: 'x' }],
    ['a missing required key', { ...sampleRecord(1), requestId: undefined }],
    ['a non-integer count', { ...sampleRecord(1), entityCounts: { PERSON: 1.5 } }],
    ['a free-text value', { ...sampleRecord(1), reasonCode: 'the customer said "hi"' }],
    ['a lower-case entity', { ...sampleRecord(1), entityCounts: { person: 1 } }],
    ['an inherited key', Object.assign(Object.create({ extra: 1 }) as object, sampleRecord(1))],
    ['a symbol key in a map', { ...sampleRecord(1), entityCounts: { PERSON: 1, [Symbol('x')]: 1 } }],
    ['an unsafe integer', { ...sampleRecord(1), at: 2 ** 53 }],
    ['an array as an object', { ...sampleRecord(1), sizes: [1] }],
  ])('leaves %s to the schema', (_name, record) => {
    expect(encodeRecordFast(record)).toBeUndefined();
  });

  it('sorts map keys by code unit, numeric-looking ones included, and writes -0 as 0', () => {
    const record = { ...sampleRecord(0), actionCounts: { redact: 1, '9': -0, '10': 2 } };
    const fast = encodeRecordFast(record);
    expect(fast).toContain('"actionCounts":{"10":2,"9":0,"redact":1}');
    expect(fast).toBe(reference(record));
  });

  it('takes the sample records of the tests and benchmark', () => {
    for (let i = 0; i < 50; i++) expect(encodeRecordFast(sampleRecord(i))).toBe(reference(sampleRecord(i)));
  });
});

import { afterEach, describe, expect, it } from 'vitest';
import { tempStore, type TestStore } from '../../test/audit/support.js';
import { fixedClock } from '../core/clock.js';
import { Pipeline, type AuditMark } from '../core/pipeline.js';
import { AirlockError } from '../core/errors.js';
import { bodyFingerprint, recordFromMark, safeFieldPath, type RequestFacts } from './record.js';
import { AuditTrail } from './trail.js';

const open: TestStore[] = [];
afterEach(async () => {
  for (const t of open.splice(0)) await t.store.close();
});

const facts: RequestFacts = {
  clientId: 'apex-billing',
  environment: 'prod',
  salesforce: { orgId: '00D5g000004SnKzEAK', object: 'Case' },
  route: '/v1/chat/completions',
  model: 'llama3.1:8b',
  endpoint: { id: 'ollama-fra', jurisdiction: 'DE', sovereign: true },
  origins: ['DE', 'DE'],
  entityCounts: { PERSON: 1 },
  fields: ['messages[1].content', 'messages[0].content'],
  fingerprints: { keyId: 'k1', request: bodyFingerprint(Buffer.alloc(32, 1), '{"messages":[]}') },
};

describe('AuditTrail with the pipeline', () => {
  it('makes the begin record durable before anything is sent, and the end record after', async () => {
    const t = tempStore();
    open.push(t);
    const trail = new AuditTrail(t.store);
    const seenBySend: number[] = [];
    const pipeline = new Pipeline(fixedClock(Date.UTC(2026, 0, 15), 1));
    await pipeline.run('req-1', 'hello', {
      analyze: () => ({ findings: 1 }),
      decide: () => ({ verdict: 'transform' as const, reasonCode: 'TRANSFORM', endpointId: 'ollama-fra' }),
      transform: (input: string) => input,
      send: async () => {
        // what another connection sees at the moment of the upstream call
        seenBySend.push(t.raw().prepare('SELECT count(*) FROM audit_records').pluck().get() as number);
        return 'answer';
      },
      inspect: (response: string) => response,
      audit: (mark: AuditMark) => trail.record(mark, facts),
    });
    expect(seenBySend).toEqual([1]);
    const records = [];
    for await (const r of t.store.records({})) records.push(r.record);
    expect(records.map((r) => (r.type === 'request' ? [r.phase, r.decision] : []))).toEqual([
      ['begin', undefined],
      ['end', 'transformed'],
    ]);
    expect(records[1]).toMatchObject({ requestId: 'req-1', endpoint: { jurisdiction: 'DE' }, origins: ['DE'], fields: ['messages[0].content', 'messages[1].content'] });
    expect((records[1] as { stageMs: Record<string, number> }).stageMs).toHaveProperty('audit.begin');
  });

  it('denies the request when the begin record cannot be written (fail closed)', async () => {
    const t = tempStore();
    open.push(t);
    const trail = new AuditTrail(t.store);
    let sent = false;
    const error = await new Pipeline()
      .run('req 2 with spaces', 'x', {
        analyze: () => ({}),
        decide: () => ({ verdict: 'allow' as const, reasonCode: 'ALLOW', endpointId: 'e' }),
        transform: (input: string) => input,
        send: async () => {
          sent = true;
          return 'y';
        },
        inspect: (r: string) => r,
        audit: (mark: AuditMark) => trail.record(mark),
      })
      .catch((e: unknown) => e);
    expect(sent).toBe(false);
    expect(error).toBeInstanceOf(AirlockError);
    expect((error as AirlockError).code).toBe('AUDIT_FAILED');
  });

  it('builds records from a mark and facts without copying live objects', () => {
    const stageMs: Record<string, number> = { analyze: 1 };
    const record = recordFromMark({ phase: 'end', requestId: 'r', at: 5.7, outcome: 'blocked', reasonCode: 'BLOCKED_BY_RULE', stageMs }, facts);
    stageMs['later'] = 2;
    expect(record).toMatchObject({ at: 5, decision: 'blocked', stageMs: { analyze: 1 } });
    expect(record.stageMs).not.toHaveProperty('later');
  });
});

describe('safeFieldPath', () => {
  it.each([
    ['messages[2].content', 'messages[2].content'],
    ['records[0].Custom_Field__c', 'records[0].Custom_Field__c'],
    ['$', '$'],
    ['', '$'],
    ['[0].Name', '[0].Name'],
    ['payload.jane.doe@example.com', '*'],
    ['records[0].jane.doe@example.com.Name', 'records[0].*'],
    ['records[0].Custom Field[3].Name', 'records[0].*[3].Name'],
    ['x.foo[bar]', '*'],
    ['x..y', '*'],
  ])('%s → %s', (path, safe) => {
    expect(safeFieldPath(path)).toBe(safe);
    expect(recordFromMark({ phase: 'begin', requestId: 'r', at: 1 }, { fields: [path] }).fields).toEqual([safe]);
  });

  it('always yields a path the schema accepts (property)', async () => {
    const fc = (await import('fast-check')).default;
    const { encodeAuditRecord } = await import('./record.js');
    fc.assert(
      fc.property(fc.array(fc.string({ unit: 'binary', maxLength: 40 }), { maxLength: 5 }), (paths) => {
        expect(() => encodeAuditRecord(recordFromMark({ phase: 'begin', requestId: 'r', at: 1 }, { fields: paths }))).not.toThrow();
      }),
    );
  });
});

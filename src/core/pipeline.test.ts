import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fixedClock } from './clock.js';
import { Pipeline, type AuditMark, type PipelineDecision, type PipelineStages } from './pipeline.js';

type Stages = PipelineStages<string, string[], PipelineDecision, string, string>;

/** Stages over plain strings that record what reached them; each test breaks one. */
function stages(over: Partial<Stages> = {}) {
  const sent: string[] = [];
  const audit: AuditMark[] = [];
  const all: Stages = {
    analyze: (input) => input.match(/\d{6}/g) ?? [],
    decide: (_input, found) => ({ verdict: found.length ? 'transform' : 'allow', reasonCode: 'OK', endpointId: 'local' }),
    transform: (input) => input.replace(/\d{6}/g, '[NUM]'),
    send: async (outbound) => {
      sent.push(outbound);
      return `echo: ${outbound}`;
    },
    inspect: (response) => response,
    audit: (mark) => void audit.push(mark),
    ...over,
  };
  return { all, sent, audit };
}

const fail = () => {
  throw new Error('stage exploded 123456');
};
const pipeline = new Pipeline(fixedClock(1000, 1));

describe('Pipeline', () => {
  it('sends only the transformed input, after a durable begin record, and records the end', async () => {
    const { all, sent, audit } = stages();
    const result = await pipeline.run('r1', 'hello 123456', all);
    expect(sent).toEqual(['hello [NUM]']);
    expect(result.response).toBe('echo: hello [NUM]');
    expect(audit.map((m) => [m.phase, m.outcome])).toEqual([
      ['begin', undefined],
      ['end', 'transformed'],
    ]);
    expect(Object.keys(result.stageMs)).toEqual(expect.arrayContaining(['analyze', 'decide', 'transform', 'upstream', 'inspect', 'audit.begin']));
  });

  it.each([
    ['analyze', 'DETECTION_FAILED', { analyze: fail }],
    ['decide', 'POLICY_INVALID', { decide: fail }],
    ['transform', 'TRANSFORM_FAILED', { transform: fail }],
    ['audit', 'AUDIT_FAILED', { audit: fail }],
  ] as Array<[string, string, Partial<Stages>]>)('denies and sends nothing when %s fails', async (_stage, code, over) => {
    const { all, sent } = stages(over);
    const error = await pipeline.run('r', 'x 123456', all).catch((e: unknown) => e);
    expect(error).toMatchObject({ code });
    expect((error as Error).message).not.toContain('123456');
    expect(sent).toEqual([]);
  });

  it('denies a blocked request and audits it as blocked', async () => {
    const { all, sent, audit } = stages({ decide: () => ({ verdict: 'block', reasonCode: 'BLOCKED_BY_RULE' }) });
    await expect(pipeline.run('r', 'x', all)).rejects.toMatchObject({ code: 'POLICY_BLOCKED' });
    expect(sent).toEqual([]);
    expect(audit).toEqual([expect.objectContaining({ phase: 'end', outcome: 'blocked', reasonCode: 'POLICY_BLOCKED' })]);
  });

  it('maps a residency block to its own code', async () => {
    const { all } = stages({ decide: () => ({ verdict: 'block', reasonCode: 'RESIDENCY_NO_COMPLIANT_ENDPOINT' }) });
    await expect(pipeline.run('r', 'x', all)).rejects.toMatchObject({ code: 'RESIDENCY_NO_COMPLIANT_ENDPOINT' });
  });

  it('returns nothing of the answer when inspection fails, and upstream failures are coded', async () => {
    const { all, audit } = stages({ inspect: fail });
    await expect(pipeline.run('r', 'x', all)).rejects.toMatchObject({ code: 'INSPECTION_FAILED' });
    expect(audit.at(-1)).toMatchObject({ phase: 'end', outcome: 'failed', reasonCode: 'INSPECTION_FAILED' });
    await expect(pipeline.run('r', 'x', stages({ send: async () => fail() }).all)).rejects.toMatchObject({ code: 'UPSTREAM_UNAVAILABLE' });
  });

  it('lets a streamed answer write its end record later, once', async () => {
    const { all, audit } = stages();
    const result = await pipeline.run('r', 'x', all, { deferEnd: true });
    expect(audit.map((m) => m.phase)).toEqual(['begin']);
    await result.finish('failed', 'INSPECTION_FAILED');
    await result.finish();
    expect(audit.map((m) => [m.phase, m.outcome])).toEqual([
      ['begin', undefined],
      ['end', 'failed'],
    ]);
  });

  it('never sends when any stage before the upstream throws anything', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom('analyze', 'decide', 'transform', 'audit'), fc.anything(), async (stage, thrown) => {
        const { all, sent } = stages({
          [stage]: () => {
            throw thrown;
          },
        } as Partial<Stages>);
        await expect(pipeline.run('r', 'in 123456', all)).rejects.toHaveProperty('code');
        expect(sent).toEqual([]);
      }),
    );
  });
});

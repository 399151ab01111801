import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../test/support/analysis.js';
import type { FieldClassification } from '../classify/classifier.js';
import { decide, type DecideContext } from './decide.js';
import { gdprTransferAllowed, isPublicLlmHost, toJurisdiction, within } from './jurisdictions.js';
import { loadPolicy } from './policy.js';
import { PolicyStore } from './store.js';

const now = Date.UTC(2026, 10, 23);
const ctx = (over: Partial<DecideContext> = {}): DecideContext => ({ now, environment: 'prod', ...over });

const endpoints = {
  local: { id: 'local', kind: 'openai-compatible', url: 'http://127.0.0.1:11434/v1', jurisdiction: 'DE', sovereign: true, priority: 10 },
  paris: { id: 'paris', kind: 'openai-compatible', url: 'https://llm.paris.example/v1', jurisdiction: 'FR', priority: 20 },
  zurich: { id: 'zurich', kind: 'openai-compatible', url: 'https://llm.zurich.example/v1', jurisdiction: 'CH', priority: 30 },
  us: { id: 'us', kind: 'openai-compatible', url: 'https://llm.us.example/v1', jurisdiction: 'US', priority: 40 },
  usDpf: { id: 'us-dpf', kind: 'openai-compatible', url: 'https://llm2.us.example/v1', jurisdiction: 'US', frameworks: ['EU-US-DPF'], priority: 50 },
} as const;

const personal = 'Summarise the case of Maria García (maria.garcia@example.es).';
const harmless = 'Summarise our return policy for damaged parcels.';

describe('policy loading', () => {
  it('names the rule id and the path of a bad key', () => {
    expect(() => loadPolicy({ version: 1, rules: [{ id: 'r1', match: { entity: 'X' }, action: { shred: {} } }] })).toThrow(
      /rule "r1": rules\.0\.action/,
    );
    expect(() => loadPolicy({ version: 1, rules: [{ id: 'r2', match: { colour: 'red' }, action: 'block' }] })).toThrow(/rule "r2": rules\.0\.match/);
    expect(() => loadPolicy({ version: 1, rules: [{ id: 'r3', match: {}, action: { mask: { keepLast: 99 } } }] })).toThrow(/rule "r3": action: mask\.keepLast/);
    expect(() => loadPolicy({ version: 1, endpoints: [{ ...endpoints.local, jurisdiction: 'Germany' }] })).toThrow(/endpoint "local": endpoints\.0\.jurisdiction/);
    expect(() => loadPolicy({ version: 1, endpoints: [endpoints.local, endpoints.local] })).toThrow(/used twice/);
    expect(() => loadPolicy({ version: 1, rules: [{ id: 'x', action: { routeTo: 'nowhere' } }] })).toThrow(/names no endpoint or tag/);
    expect(() => loadPolicy({ version: 1, residency: { exceptions: [{ id: 'e', origin: 'EU', to: { jurisdiction: 'US' }, reason: 'short' }] } })).toThrow(/reason/);
  });

  it('never treats a public LLM API as sovereign, and says why', () => {
    const p = loadPolicy({ version: 1, endpoints: [{ id: 'oai', kind: 'openai-compatible', url: 'https://api.openai.com/v1', jurisdiction: 'US', sovereign: true }] });
    expect(p.endpoints[0]?.sovereign).toBe(false);
    expect(p.warnings[0]).toMatch(/api\.openai\.com is a public LLM API/);
    expect(isPublicLlmHost('myco.openai.azure.com')).toBe(true);
    expect(isPublicLlmHost('llm.internal.example')).toBe(false);
  });

  it('hashes the policy canonically: same content, same hash; any change, new hash', () => {
    const a = loadPolicy({ version: 1, endpoints: [endpoints.local] });
    const b = loadPolicy({ endpoints: [endpoints.local], version: '1' });
    const c = loadPolicy({ version: 2, endpoints: [endpoints.local] });
    expect(a.hash).toBe(b.hash);
    expect(a.hash).not.toBe(c.hash);
  });
});

describe('jurisdictions', () => {
  it('knows the EEA, adequacy and the conditional US decision', () => {
    expect(gdprTransferAllowed('FR', [])).toBe(true);
    expect(gdprTransferAllowed('NO', [])).toBe(true);
    expect(gdprTransferAllowed('CH', [])).toBe(true);
    expect(gdprTransferAllowed('JP', [])).toBe(true);
    expect(gdprTransferAllowed('US', [])).toBe(false);
    expect(gdprTransferAllowed('US', ['EU-US-DPF'])).toBe(true);
    expect(gdprTransferAllowed('IN', [])).toBe(false);
    expect(within('DE', 'EU')).toBe(true);
    expect(within('EU', 'EEA')).toBe(true);
    expect(within('NO', 'EU')).toBe(false);
    expect(toJurisdiction('Deutschland')).toBe('DE');
    expect(toJurisdiction('uk')).toBe('GB');
    expect(toJurisdiction('Atlantis')).toBeUndefined();
  });
});

describe('decide', () => {
  it('keeps EU personal data in the EU or adequate countries', () => {
    const p = loadPolicy({ version: 1, endpoints: [endpoints.us, endpoints.zurich], origins: { unknown: 'EU' } });
    const d = decide(analyze(personal), p, ctx());
    expect(d.endpoint?.id).toBe('zurich');
    expect(d.considered.find((c) => c.endpointId === 'us')?.reasons).toEqual(['GDPR_TRANSFER:EU->US']);
  });

  it('denies with RESIDENCY_NO_COMPLIANT_ENDPOINT when only a non-adequate endpoint serves the model', () => {
    const p = loadPolicy({ version: 1, endpoints: [endpoints.us] });
    const d = decide(analyze(personal), p, ctx());
    expect(d).toMatchObject({ verdict: 'block', reasonCode: 'RESIDENCY_NO_COMPLIANT_ENDPOINT' });
    expect(d.endpoint).toBeUndefined();
  });

  it('lets data without personal content go anywhere', () => {
    const p = loadPolicy({ version: 1, endpoints: [endpoints.us] });
    expect(decide(analyze(harmless), p, ctx()).endpoint?.id).toBe('us');
  });

  it('accepts a DPF-certified US endpoint and an explicit exception, recording its reason', () => {
    const dpf = loadPolicy({ version: 1, endpoints: [endpoints.us, endpoints.usDpf] });
    expect(decide(analyze(personal), dpf, ctx()).endpoint?.id).toBe('us-dpf');
    const reason = 'SCCs signed 2026-03-01, TIA-2026-07 on file';
    const excepted = loadPolicy({
      version: 1,
      endpoints: [endpoints.us],
      residency: { exceptions: [{ id: 'us-sccs', origin: 'EU', to: { endpoint: 'us' }, reason }] },
    });
    const d = decide(analyze(personal), excepted, ctx());
    expect(d.endpoint?.id).toBe('us');
    expect(d.exceptions).toEqual([{ id: 'us-sccs', reason }]);
    const expired = loadPolicy({
      version: 1,
      endpoints: [endpoints.us],
      residency: { exceptions: [{ id: 'old', origin: 'EU', to: { jurisdiction: 'US' }, reason, expires: '2025-01-01' }] },
    });
    expect(decide(analyze(personal), expired, ctx()).reasonCode).toBe('RESIDENCY_NO_COMPLIANT_ENDPOINT');
  });

  it('decides on what would actually leave: redacted personal data may go further', () => {
    const transforms = { levels: { Confidential: { action: 'redact' } }, groups: { PII: { action: 'redact' } } };
    const p = loadPolicy({ version: 1, endpoints: [endpoints.us], transforms });
    expect(decide(analyze(personal), p, ctx()).endpoint?.id).toBe('us');
    const pseudonymizing = loadPolicy({ version: 1, endpoints: [endpoints.us], residency: { pseudonymizedIsPersonal: false } });
    expect(decide(analyze(personal), pseudonymizing, ctx()).endpoint?.id).toBe('us');
    const strict = loadPolicy({ version: 1, endpoints: [endpoints.us] });
    expect(decide(analyze(personal), strict, ctx()).endpoint).toBeUndefined();
  });

  it('applies destination-dependent transforms per endpoint', () => {
    const p = loadPolicy({
      version: 1,
      endpoints: [endpoints.paris],
      rules: [{ id: 'cloud-redacts-email', match: { entity: 'EMAIL_ADDRESS', destination: { sovereign: false } }, action: { redact: {} } }],
    });
    const d = decide(analyze(personal), p, ctx());
    const email = d.plans[0]?.spans.find((s) => s.entity === 'EMAIL_ADDRESS');
    expect(email?.action.operator).toBe('redact');
    expect(email?.rule).toBe('rules.cloud-redacts-email');
  });

  it('block beats everything, even a more specific allow', () => {
    const p = loadPolicy({
      version: 1,
      endpoints: [endpoints.local],
      rules: [
        { id: 'allow-emails-for-crm', match: { client: 'crm', entity: 'EMAIL_ADDRESS', environment: 'prod' }, action: 'allow' },
        { id: 'no-emails', match: { entity: 'EMAIL_ADDRESS' }, action: 'block', reason: 'no e-mail addresses to models' },
      ],
    });
    const d = decide(analyze(personal), p, ctx({ clientId: 'crm' }));
    expect(d).toMatchObject({ verdict: 'block', reasonCode: 'BLOCKED_BY_RULE', rule: { id: 'no-emails', reason: 'no e-mail addresses to models' } });
  });

  it('lets the most specific rule win, earlier on ties', () => {
    const p = loadPolicy({
      version: 1,
      endpoints: [endpoints.local],
      rules: [
        { id: 'general', match: { entity: 'EMAIL_ADDRESS' }, action: { redact: {} } },
        { id: 'specific', match: { entity: 'EMAIL_ADDRESS', client: 'crm' }, action: { hash: {} } },
        { id: 'tie', match: { entity: 'EMAIL_ADDRESS', environment: 'prod' }, action: { mask: {} } },
      ],
    });
    const spanRule = (clientId?: string) =>
      decide(analyze(personal), p, ctx(clientId ? { clientId } : {})).plans[0]?.spans.find((s) => s.entity === 'EMAIL_ADDRESS')?.rule;
    expect(spanRule('crm')).toBe('rules.specific');
    expect(spanRule()).toBe('rules.tie');
  });

  it('keeps sandbox clients away from prod-only endpoints', () => {
    const p = loadPolicy({ version: 1, endpoints: [{ ...endpoints.local, environments: ['prod'] }] });
    expect(decide(analyze(harmless), p, ctx({ environment: 'sandbox' }))).toMatchObject({ verdict: 'block', reasonCode: 'ENVIRONMENT_NOT_ALLOWED' });
    expect(decide(analyze(harmless), p, ctx({ environment: 'prod' })).endpoint?.id).toBe('local');
  });

  it('routes by model and alias, and fails over only to endpoints with the same decision', () => {
    const p = loadPolicy({
      version: 1,
      endpoints: [
        { ...endpoints.local, models: ['llama'] },
        { ...endpoints.paris, models: ['llama'] },
        { ...endpoints.us, models: ['llama'] },
        { ...endpoints.zurich, models: ['mistral'] },
      ],
      aliases: { default: 'mistral' },
    });
    const d = decide(analyze(personal), p, ctx({ model: 'llama' }));
    expect(d.endpoint?.id).toBe('local');
    expect(d.failover.map((e) => e.id)).toEqual(['paris']);
    expect(decide(analyze(personal), p, ctx()).endpoint?.id).toBe('zurich');
    expect(decide(analyze(personal), p, ctx({ model: 'gpt-9' }))).toMatchObject({ verdict: 'block', reasonCode: 'MODEL_NOT_SERVED' });
  });

  it('honours route-to rules and per-origin residency rules', () => {
    const p = loadPolicy({
      version: 1,
      endpoints: [{ ...endpoints.paris, tags: ['cloud'], priority: 5 }, { ...endpoints.local }],
      residency: { rules: [{ id: 'health-sovereign', origin: 'EU', group: 'HIPAA', require: { sovereign: true } }] },
      rules: [{ id: 'to-cloud', match: { client: 'marketing' }, action: { routeTo: 'cloud' } }],
    });
    expect(decide(analyze(harmless), p, ctx({ clientId: 'marketing' })).endpoint?.id).toBe('paris');
    expect(decide(analyze(personal), p, ctx()).endpoint?.id).toBe('paris');
    const health = analyze({ attributes: { type: 'Patient__c' }, Diagnosis__c: 'E11.9', Notes__c: 'stable' });
    const d = decide(health, p, ctx());
    expect(d.endpoint?.id).toBe('local');
    expect(d.considered.find((c) => c.endpointId === 'paris')?.reasons).toEqual(['RESIDENCY_RULE:health-sovereign:sovereign-only']);
  });

  it('establishes origin from header, record countries and client; unknown is the strictest', () => {
    const p = loadPolicy({ version: 1, endpoints: [endpoints.us], origins: { unknown: 'EU', clients: { 'us-app': 'US' } } });
    expect(decide(analyze(personal), p, ctx({ clientId: 'us-app' })).origins).toEqual(['US']);
    expect(decide(analyze(personal), p, ctx({ clientId: 'us-app' })).endpoint?.id).toBe('us');
    const record = { attributes: { type: 'Contact' }, LastName: 'García', MailingCountry: 'Spain' };
    const d = decide(analyze(record), p, ctx({ clientId: 'us-app' }));
    expect(d.origins).toEqual(['ES', 'US']);
    expect(d.endpoint).toBeUndefined();
    expect(decide(analyze(personal), p, ctx()).origins).toEqual(['EU']);
    expect(decide(analyze(personal), p, ctx({ originHeader: 'US' })).origins).toEqual(['US']);
  });
});

describe('PolicyStore', () => {
  it('reloads a changed policy and keeps the previous one when the new one is invalid', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'airlock-policy-'));
    const file = join(dir, 'policy.yaml');
    writeFileSync(file, 'version: one\nendpoints: []\n');
    const events: string[] = [];
    const store = await PolicyStore.open(file, (e) => events.push(e.kind));
    expect(store.current.version).toBe('one');
    writeFileSync(file, 'version: two\n');
    expect(await store.reload()).toBe(true);
    expect(store.current.version).toBe('two');
    writeFileSync(file, 'version: three\nrules: [{ id: bad, action: { shred: {} } }]\n');
    expect(await store.reload()).toBe(false);
    expect(store.current.version).toBe('two');
    expect(events).toEqual(['reloaded', 'rejected']);
  });
});

describe('compiled actions are kept per kind of request', () => {
  const policy = loadPolicy({
    version: 1,
    endpoints: [endpoints.local, endpoints.paris],
    rules: [
      { id: 'hr-mask', match: { client: ['hr'], entity: ['EMAIL_ADDRESS'] }, action: { mask: { keepLast: 4 } } },
      { id: 'paris-redact', match: { destination: { id: ['paris'] }, entity: ['EMAIL_ADDRESS'] }, action: { redact: {} } },
      { id: 'case-drop', match: { object: ['Case'], entity: ['EMAIL_ADDRESS'] }, action: { drop: {} } },
    ],
  });
  const local = policy.endpoints.find((e) => e.id === 'local');
  const paris = policy.endpoints.find((e) => e.id === 'paris');
  const cls: FieldClassification = { level: 'Internal', groups: [], source: 'default', freeText: true };
  const ruleFor = (clientId: string, endpoint: typeof local, object?: string) =>
    policy.actionsFor({ clientId, origins: ['DE'] }, endpoint).spanAction('EMAIL_ADDRESS', { ref: object ? { object } : {}, cls }).rule;

  it('answers for the client, destination and field asked about, however the calls interleave', () => {
    for (let round = 0; round < 3; round++) {
      expect(ruleFor('hr', local)).toBe('rules.hr-mask');
      expect(ruleFor('crm', local)).toBe('groups.PII');
      expect(ruleFor('crm', paris)).toBe('rules.paris-redact');
      expect(ruleFor('crm', local, 'Case')).toBe('rules.case-drop');
      expect(ruleFor('crm', local)).toBe('groups.PII');
    }
  });

  it('returns the transform defaults themselves when no rule sets an action', () => {
    const plain = loadPolicy({ version: 1, endpoints: [endpoints.local] });
    expect(plain.actionsFor({ origins: ['DE'] }, plain.endpoints[0])).toBe(plain.defaults);
  });
});

import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decide, type DecideContext } from '../src/policy/decide.js';
import { loadPolicyFile } from '../src/policy/store.js';
import { analyze } from './support/analysis.js';

const dir = join(import.meta.dirname, '../policies');
const ctx = (over: Partial<DecideContext> = {}): DecideContext => ({ now: Date.UTC(2026, 10, 23), environment: 'prod', ...over });
const actions = (d: Awaited<ReturnType<typeof decide>>) =>
  Object.fromEntries(
    d.plans.flatMap((p) => [
      ...(p.field ? [[`${p.item.path}`, p.field.action.operator]] : []),
      ...p.spans.map((s) => [`${p.item.path}:${s.entity}`, s.action.operator]),
    ]),
  );

describe('starter policies', () => {
  it('healthcare: patient records go to the hospital model only, DOB generalized, secrets block', async () => {
    const policy = await loadPolicyFile(join(dir, 'healthcare.yaml'));
    const record = {
      attributes: { type: 'Patient__c' },
      Patient_Name__c: "Sean O'Brien",
      Diagnosis__c: 'E11.9',
      Care_Notes__c: 'Patient Sean O\'Brien, born 1962-11-03, needs a follow-up call on +44 20 7946 0958.',
    };
    const d = decide(analyze(record), policy, ctx({ model: 'mistral-large' }));
    expect(d).toMatchObject({ verdict: 'block', reasonCode: 'RESIDENCY_NO_COMPLIANT_ENDPOINT' });
    expect(d.considered).toEqual([expect.objectContaining({ endpointId: 'eu-cloud', reasons: ['RESIDENCY_RULE:phi-sovereign-only:sovereign-only'] })]);
    const local = decide(analyze(record), policy, ctx());
    expect(local.endpoint?.id).toBe('hospital-llm');
    expect(actions(local)).toMatchObject({ Patient_Name__c: 'pseudonymize', Diagnosis__c: 'pseudonymize', 'Care_Notes__c:PHONE_NUMBER': 'pseudonymize' });
    const leak = decide(analyze('Why does sk-proj-Xq7vT2mN9pL4kR8sW1yB3dF6hJ0cV5gZaB3c fail?'), policy, ctx());
    expect(leak).toMatchObject({ verdict: 'block', rule: { id: 'secrets-block' } });
  });

  it('fintech: German clients stay in Germany, cards masked, IBANs format-preserved, US only by exception', async () => {
    const policy = await loadPolicyFile(join(dir, 'fintech.yaml'));
    const note = { attributes: { type: 'Contact' }, LastName: 'Müller', MailingCountry: 'Germany', Description: 'Card 4111 1111 1111 1111, IBAN DE89 3704 0044 0532 0130 00' };
    const d = decide(analyze(note), policy, ctx({ clientId: 'core-banking' }));
    expect(d.endpoint?.id).toBe('bank-llm-de');
    expect(d.failover).toEqual([]);
    expect(actions(d)).toMatchObject({ 'Description:CREDIT_CARD': 'mask', 'Description:IBAN_CODE': 'fpe', LastName: 'pseudonymize' });
    const french = decide(analyze({ ...note, MailingCountry: 'France' }), policy, ctx());
    expect(french.endpoint?.id).toBe('bank-llm-de');
    expect(french.failover.map((e) => e.id)).toEqual(['bank-llm-nl']);
    const us = decide(analyze('Summarise the call with Maria García.'), policy, ctx({ model: 'gpt-4o' }));
    expect(us.endpoint?.id).toBe('us-vendor');
    expect(us.exceptions.map((e) => e.id)).toEqual(['us-research-desk']);
    const wallet = decide(analyze('send to 0x52908400098527886E0F7030069857D2E4169EE7'), policy, ctx());
    expect(wallet.verdict).toBe('block');
  });

  it('hr: salaries generalized, succession plans dropped, no model that trains on data, sandbox isolated', async () => {
    const policy = await loadPolicyFile(join(dir, 'hr-talent.yaml'));
    const review = {
      attributes: { type: 'Employee_Review__c' },
      Employee_Name__c: 'Priya Patel',
      Salary__c: 185000,
      Succession_Plan__c: 'Ready now for VP Engineering',
    };
    const d = decide(analyze(review), policy, ctx());
    expect(d.endpoint?.id).toBe('hr-llm');
    expect(actions(d)).toMatchObject({ Salary__c: 'generalize', Succession_Plan__c: 'drop', Employee_Name__c: 'pseudonymize' });
    const saas = decide(analyze(review), policy, ctx({ model: 'assistant-1' }));
    expect(saas.reasonCode).toBe('RESIDENCY_NO_COMPLIANT_ENDPOINT');
    const sandbox = decide(analyze(review), policy, ctx({ environment: 'sandbox' }));
    expect(sandbox.endpoint?.id).toBe('hr-llm-sandbox');
    const sandboxToProd = decide(analyze(review), policy, ctx({ environment: 'sandbox', model: 'llama3.1:70b' }));
    expect(sandboxToProd.reasonCode).toBe('ENVIRONMENT_NOT_ALLOWED');
  });

  it('e-commerce: customers pseudonymized with surrogates, cards redacted, EU data never to the US vendor', async () => {
    const policy = await loadPolicyFile(join(dir, 'ecommerce.yaml'));
    const ticket = 'Customer zoe.dubois@example.fr paid with 4111 1111 1111 1111 and wants a refund.';
    const d = decide(analyze(ticket), policy, ctx());
    expect(d.endpoint?.id).toBe('shop-llm');
    expect(actions(d)).toMatchObject({ 'text:EMAIL_ADDRESS': 'pseudonymize', 'text:CREDIT_CARD': 'redact' });
    expect(d.plans[0]?.spans.find((s) => s.entity === 'EMAIL_ADDRESS')?.action.params).toEqual({ style: 'surrogate' });
    expect(decide(analyze(ticket), policy, ctx({ model: 'gpt-4o' })).reasonCode).toBe('RESIDENCY_NO_COMPLIANT_ENDPOINT');
    expect(decide(analyze(ticket), policy, ctx({ model: 'llama3.1:70b' })).endpoint?.id).toBe('ch-partner');
    expect(decide(analyze('Write a product description for a red kettle.'), policy, ctx({ model: 'gpt-4o' })).endpoint?.id).toBe('us-vendor');
  });
});

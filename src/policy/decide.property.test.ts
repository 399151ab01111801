import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../test/support/analysis.js';
import { classifyEntity } from '../classify/entity-classes.js';
import { decide } from './decide.js';
import { gdprTransferAllowed } from './jurisdictions.js';
import { loadPolicy } from './policy.js';

const JURISDICTIONS = ['DE', 'FR', 'NL', 'CH', 'GB', 'JP', 'US', 'IN', 'CN', 'BR'];
const ENTITIES = ['PERSON', 'EMAIL_ADDRESS', 'PHONE_NUMBER', 'CREDIT_CARD', 'US_SSN', 'IBAN_CODE'];
const ACTIONS = ['allow', { redact: {} }, { pseudonymize: {} }, { mask: {} }, { hash: {} }, { generalize: { to: 'prefix' } }];
const PAYLOADS = [
  'Customer Maria García (maria.garcia@example.es) called from +44 20 7946 0958.',
  'Refund card 4111 1111 1111 1111 for John Smith, SSN 536-22-8146.',
  JSON.stringify({ attributes: { type: 'Contact' }, FirstName: 'Jürgen', LastName: 'Müller', Email: 'j.mueller@example.de', MailingCountry: 'Germany' }),
  'IBAN DE89 3704 0044 0532 0130 00 belongs to Zoë Dubois.',
  'Quarterly revenue grew; no customer data here.',
];
const PERSONAL = new Set(['PII', 'GDPR', 'PersonalInfo', 'HIPAA', 'PCI', 'CCPA', 'COPPA']);

const endpointArb = fc.record({
  jurisdiction: fc.constantFrom(...JURISDICTIONS),
  sovereign: fc.boolean(),
  dpf: fc.boolean(),
  priority: fc.nat(100),
});
const ruleArb = fc.record({
  entity: fc.constantFrom(...ENTITIES),
  action: fc.constantFrom(...ACTIONS),
  destinationSovereign: fc.option(fc.boolean(), { nil: undefined }),
});

describe('decide (properties)', () => {
  it('never routes EEA personal data to a non-adequate jurisdiction without an exception', () => {
    fc.assert(
      fc.property(
        fc.array(endpointArb, { minLength: 1, maxLength: 5 }),
        fc.array(ruleArb, { maxLength: 6 }),
        fc.boolean(),
        fc.constantFrom(...PAYLOADS),
        fc.constantFrom('EU', 'DE', 'FR', 'NO', undefined),
        fc.option(fc.constantFrom('US', 'IN', 'CN'), { nil: undefined }),
        (eps, rules, pseudonymizedIsPersonal, payload, origin, exceptionTo) => {
          const policy = loadPolicy({
            version: 'prop',
            endpoints: eps.map((e, i) => ({
              id: `e${i}`,
              kind: 'openai-compatible',
              url: `https://llm${i}.example/v1`,
              jurisdiction: e.jurisdiction,
              sovereign: e.sovereign,
              frameworks: e.dpf ? ['EU-US-DPF'] : [],
              priority: e.priority,
            })),
            residency: {
              pseudonymizedIsPersonal,
              exceptions: exceptionTo ? [{ id: 'x', origin: 'EEA', to: { jurisdiction: exceptionTo }, reason: 'documented transfer mechanism' }] : [],
            },
            rules: rules.map((r, i) => ({
              id: `r${i}`,
              match: { entity: r.entity, ...(r.destinationSovereign === undefined ? {} : { destination: { sovereign: r.destinationSovereign } }) },
              action: r.action,
            })),
          });
          const d = decide(analyze(payload), policy, { now: 0, environment: 'prod', ...(origin ? { originHeader: origin } : {}) });
          if (!d.endpoint) return;
          if (gdprTransferAllowed(d.endpoint.jurisdiction, d.endpoint.frameworks)) return;
          const identifying = (op: string) => op === 'allow' || (pseudonymizedIsPersonal && ['pseudonymize', 'hash', 'fpe', 'encrypt'].includes(op));
          const personalLeaves = d.plans.some(
            (p) =>
              (p.field && identifying(p.field.action.operator) && p.item.fieldClass.groups.some((g) => PERSONAL.has(g))) ||
              p.spans.some((s) => identifying(s.action.operator) && classifyEntity(s.entity).groups.some((g) => PERSONAL.has(g))),
          );
          if (personalLeaves) {
            expect(d.exceptions.length, `personal data to ${d.endpoint.jurisdiction} without an exception`).toBeGreaterThan(0);
            expect(d.endpoint.jurisdiction).toBe(exceptionTo);
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('is a pure function: the same inputs always give the same decision', () => {
    const policy = loadPolicy({
      version: 1,
      endpoints: [
        { id: 'a', kind: 'openai-compatible', url: 'https://a.example/v1', jurisdiction: 'US' },
        { id: 'b', kind: 'openai-compatible', url: 'https://b.example/v1', jurisdiction: 'FR' },
      ],
    });
    fc.assert(
      fc.property(fc.constantFrom(...PAYLOADS), (payload) => {
        const a = decide(analyze(payload), policy, { now: 0 });
        const b = decide(analyze(payload), policy, { now: 0 });
        expect(JSON.stringify(a)).toBe(JSON.stringify(b));
      }),
    );
  });
});

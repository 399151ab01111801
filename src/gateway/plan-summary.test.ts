import { describe, expect, it } from 'vitest';
import type { PolicyDecision } from '../policy/decide.js';
import { planSummary } from './plan-summary.js';

const span = (entity: string, operator: string) => ({ entity, start: 0, end: 1, score: 1, detector: 'd', action: { operator, params: {} }, rule: 'r' });
const plan = (path: string, spans: ReturnType<typeof span>[], field?: { entity: string; operator: string }) => ({
  item: { path },
  spans,
  ...(field ? { field: { entity: field.entity, action: { operator: field.operator, params: {} }, rule: 'r' } } : {}),
});

describe('planSummary', () => {
  const decision = {
    plans: [
      plan('messages[0].content', [span('PERSON', 'pseudonymize'), span('URL', 'allow'), span('PERSON', 'pseudonymize')]),
      plan('messages[1].content', [span('URL', 'allow')]),
      plan('Contact.Email', [], { entity: 'EMAIL_ADDRESS', operator: 'redact' }),
      plan('messages[0].content', [span('EMAIL_ADDRESS', 'pseudonymize')]),
    ],
  } as unknown as PolicyDecision;

  it('counts per entity and action in order of first appearance, per entity and per action', () => {
    const s = planSummary(decision);
    expect([...s.pairs].map(([key, { n }]) => `${key}=${n}`)).toEqual([
      'PERSON:pseudonymize=2',
      'URL:allow=2',
      'EMAIL_ADDRESS:redact=1',
      'EMAIL_ADDRESS:pseudonymize=1',
    ]);
    expect(s.entityCounts).toEqual({ PERSON: 2, URL: 2, EMAIL_ADDRESS: 2 });
    expect(s.actionCounts).toEqual({ pseudonymize: 3, allow: 2, redact: 1 });
  });

  it('lists each path with a value not allowed once, and is worked out once per decision', () => {
    expect(planSummary(decision).fields).toEqual(['messages[0].content', 'Contact.Email']);
    expect(planSummary(decision)).toBe(planSummary(decision));
  });
});

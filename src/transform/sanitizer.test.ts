import { afterAll, describe, expect, it, vi } from 'vitest';
import { testAirlock } from '../../test/support/airlock.js';

const airlock = await testAirlock();
afterAll(() => airlock.close());

const history = 'Earlier: Maria García (maria.garcia@example.es) asked about invoice 4711 and her card 4111 1111 1111 1111.';

describe('findings of texts seen before', () => {
  it('detects a repeated text once and gives the same findings for it', () => {
    const detect = vi.spyOn(airlock.engine, 'detect');
    try {
      const first = airlock.sanitizer.analyzeItems(history, undefined, [{ path: 'text', text: history }]);
      const calls = detect.mock.calls.length;
      const again = airlock.sanitizer.analyzeItems(history, undefined, [{ path: 'text', text: history }]);
      expect(detect.mock.calls.length).toBe(calls);
      expect(again.items[0]?.findings).toEqual(first.items[0]?.findings);
      expect(first.items[0]?.findings.map((f) => f.entity)).toEqual(expect.arrayContaining(['EMAIL_ADDRESS', 'CREDIT_CARD']));
      // a different text is detected on its own, never answered from another's findings
      const other = `${history} Also: john.smith@example.com.`;
      const changed = airlock.sanitizer.analyzeItems(other, undefined, [{ path: 'text', text: other }]);
      expect(detect.mock.calls.length).toBe(calls + 1);
      expect(changed.items[0]?.findings.length).toBe((first.items[0]?.findings.length ?? 0) + 1);
    } finally {
      detect.mockRestore();
    }
  });

  it('gives every request its own findings: one that changes them changes nobody else’s', () => {
    const first = airlock.sanitizer.analyzeItems(history, undefined, [{ path: 'text', text: history }]).items[0]?.findings ?? [];
    const expected = first.map((f) => ({ ...f }));
    expect(first.length).toBeGreaterThan(0);
    (first[0] as { start: number }).start = 999;
    first.pop();
    const again = airlock.sanitizer.analyzeItems(history, undefined, [{ path: 'text', text: history }]).items[0]?.findings;
    expect(again).toEqual(expected);
  });
});

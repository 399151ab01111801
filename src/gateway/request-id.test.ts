import { describe, expect, it } from 'vitest';
import { requestId } from './request-id.js';

describe('requestId', () => {
  it('is a UUID version 7 carrying the time in milliseconds', () => {
    const now = Date.UTC(2026, 5, 1, 12, 0, 0, 123);
    const id = requestId(now);
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(parseInt(id.slice(0, 8) + id.slice(9, 13), 16)).toBe(now);
  });

  it('sorts by time, and ids of the same millisecond differ', () => {
    const ids = [requestId(1_000), requestId(1_001), requestId(2 ** 32), requestId(2 ** 40 + 5)];
    expect([...ids].sort()).toEqual(ids);
    const same = new Set(Array.from({ length: 2000 }, () => requestId(1_000)));
    expect(same.size).toBe(2000);
  });

  it('clamps times outside 48 bits', () => {
    expect(requestId(-5).slice(0, 13)).toBe('00000000-0000');
    expect(requestId(2 ** 50).slice(0, 13)).toBe('ffffffff-ffff');
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { shannonEntropy } from './entropy.js';

/** The definition, with a map of counts in order of first occurrence. */
function reference(value: string): number {
  if (value.length === 0) return 0;
  const counts = new Map<number, number>();
  for (let i = 0; i < value.length; i++) counts.set(value.charCodeAt(i), (counts.get(value.charCodeAt(i)) ?? 0) + 1);
  let bits = 0;
  for (const n of counts.values()) bits -= (n / value.length) * Math.log2(n / value.length);
  return bits;
}

describe('shannonEntropy', () => {
  it('is 0 for one repeated character and log2(n) for n distinct ones', () => {
    expect(shannonEntropy('')).toBe(0);
    expect(shannonEntropy('aaaa')).toBe(0);
    expect(shannonEntropy('abcd')).toBe(2);
  });

  it('equals the definition for any text, call after call (its counts leave nothing behind)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 80 }), (value) => {
        expect(shannonEntropy(value)).toBe(reference(value));
      }),
      { numRuns: 5000 },
    );
  });
});

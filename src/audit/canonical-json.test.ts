import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalJson } from './canonical-json.js';

describe('canonicalJson', () => {
  it('sorts keys by code unit at every level and writes no whitespace', () => {
    expect(canonicalJson({ b: 1, a: [{ z: true, y: null }], é: 'x', B: 2 })).toBe('{"B":2,"a":[{"y":null,"z":true}],"b":1,"é":"x"}');
  });

  it('leaves out undefined properties and writes numbers as JSON does', () => {
    expect(canonicalJson({ a: undefined, b: -0, c: 1e21, d: 0.1 + 0.2 })).toBe('{"b":0,"c":1e+21,"d":0.30000000000000004}');
  });

  it('refuses what JSON cannot carry faithfully', () => {
    expect(() => canonicalJson({ a: Number.NaN })).toThrow(/non-finite/);
    expect(() => canonicalJson([undefined])).toThrow(/undefined in an array/);
    expect(() => canonicalJson({ a: new Date(0) })).toThrow(/plain object/);
    expect(() => canonicalJson({ a: 1n })).toThrow(/bigint/);
    const cycle: Record<string, unknown> = {};
    cycle['self'] = cycle;
    expect(() => canonicalJson(cycle)).toThrow(/too deep/);
  });

  it('is JSON, and equal for equal values whatever the key order (property)', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const text = canonicalJson(value);
        expect(canonicalJson(JSON.parse(text))).toBe(text);
        const reversed = JSON.parse(text, (_k, v: unknown) =>
          v !== null && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).reverse()) : v,
        ) as unknown;
        expect(canonicalJson(reversed)).toBe(text);
      }),
    );
  });
});

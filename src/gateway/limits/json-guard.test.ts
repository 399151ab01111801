import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AirlockError } from '../../core/errors.js';
import { checkJsonBody } from './json-guard.js';

function codeOf(raw: string | Uint8Array, maxDepth: number, maxBytes = 1 << 30): string | undefined {
  try {
    checkJsonBody(raw, { maxBytes, maxDepth });
    return undefined;
  } catch (error) {
    if (error instanceof AirlockError) return error.code;
    throw error;
  }
}

function depthOf(value: unknown): number {
  if (Array.isArray(value)) return 1 + Math.max(0, ...value.map(depthOf));
  if (typeof value === 'object' && value !== null) return 1 + Math.max(0, ...Object.values(value).map(depthOf));
  return 0;
}

const both = (text: string): Array<string | Uint8Array> => [text, Buffer.from(text, 'utf8')];

describe('checkJsonBody', () => {
  it('stops at the first level too deep on a megabyte of [', () => {
    const attack = '['.repeat(1_000_000);
    const started = performance.now();
    for (const raw of both(attack)) expect(codeOf(raw, 64)).toBe('INPUT_TOO_DEEP');
    expect(performance.now() - started).toBeLessThan(200);
    // and scans the whole megabyte when the limit is not reached
    expect(codeOf(`[${'"x",'.repeat(250_000)}1]`, 1)).toBeUndefined();
  });

  it('counts exactly to the limit', () => {
    for (const raw of both('{"a":[{"b":[1]}]}')) {
      expect(codeOf(raw, 4)).toBeUndefined();
      expect(codeOf(raw, 3)).toBe('INPUT_TOO_DEEP');
    }
  });

  it.each([
    ['brackets in strings', '{"a":"[[[[{{{{"}', 1],
    ['an escaped quote', '["\\"[[[[[["]', 1],
    ['an escaped backslash before the closing quote', '["\\\\", [1]]', 2],
    ['escaped backslash then quote then brackets', '["a\\\\\\"[[[", "]]]]"]', 1],
    ['unicode escapes of brackets', '["\\u005b\\u005b\\u007b"]', 1],
    ['multi-byte text', '{"näme":"Jürgen 😀 [Müller]","x":[{}]}', 3],
    ['closers inside strings', '[["]]]]]]]]"]]', 2],
  ])('ignores %s', (_, text, depth) => {
    for (const raw of both(text)) {
      expect(codeOf(raw, depth)).toBeUndefined();
      expect(codeOf(raw, depth - 1)).toBe('INPUT_TOO_DEEP');
    }
  });

  it('treats an unterminated string as swallowing the rest', () => {
    expect(codeOf('["abc\\"[[[[[[[', 1)).toBeUndefined();
  });

  it('rejects a closer with nothing open', () => {
    for (const raw of both(']][[')) expect(codeOf(raw, 64)).toBe('INPUT_INVALID_JSON');
  });

  it('measures size in bytes, not characters', () => {
    const text = `"${'ü'.repeat(600)}"`; // 602 characters, 1202 bytes
    expect(codeOf(text, 64, 1202)).toBeUndefined();
    expect(codeOf(text, 64, 1201)).toBe('PAYLOAD_TOO_LARGE');
    expect(codeOf(Buffer.from(text), 64, 1201)).toBe('PAYLOAD_TOO_LARGE');
  });

  it('agrees with JSON.parse on the depth of any JSON document', () => {
    fc.assert(
      fc.property(fc.json({ depthSize: 'medium' }), (text) => {
        const depth = depthOf(JSON.parse(text));
        for (const raw of both(text)) {
          expect(codeOf(raw, Math.max(1, depth))).toBeUndefined();
          if (depth > 1) expect(codeOf(raw, depth - 1)).toBe('INPUT_TOO_DEEP');
        }
      }),
      { numRuns: 500 },
    );
  });
});

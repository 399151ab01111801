import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sampleRecord } from '../../test/audit/support.js';
import { canonicalJson } from './canonical-json.js';
import { cefExtensionEscape, cefHeaderEscape, octetCountingFrame, sdParamEscape, toCef, toSyslog } from './formats.js';
import type { StoredRecord } from './store.js';

const GOLDEN = join(import.meta.dirname, '../../test/audit/golden');
const stored = (i: number): StoredRecord => ({ seq: i + 1, prevHash: '0'.repeat(64), hash: 'f'.repeat(64), record: sampleRecord(i) });

/** Undoes CEF extension escaping, as a CEF parser does. */
function cefUnescape(value: string): string {
  return value.replace(/\\([\\=nr])/g, (_, c: string) => (c === 'n' ? '\n' : c === 'r' ? '\r' : c));
}

describe('CEF', () => {
  it('escapes header and extension values per the ArcSight CEF spec', () => {
    expect(cefHeaderEscape('a|b\\c')).toBe('a\\|b\\\\c');
    expect(cefHeaderEscape('line\nbreak')).toBe('line break');
    expect(cefExtensionEscape('a=b\\c|d\ne\rf')).toBe('a\\=b\\\\c|d\\ne\\rf');
  });

  it('round-trips any extension value through escaping', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (s) => {
        const escaped = cefExtensionEscape(s);
        expect(escaped).not.toMatch(/[\r\n]/);
        expect(escaped).not.toMatch(/(^|[^\\])(\\\\)*=/);
        expect(cefUnescape(escaped)).toBe(s);
      }),
    );
  });

  it('writes seven pipe-separated header fields and key=value extensions', () => {
    const line = toCef(stored(3));
    const parts = line.split(/(?<!\\)\|/);
    expect(parts).toHaveLength(8);
    expect(parts.slice(0, 7)).toEqual(['CEF:0', 'Airlock', 'Airlock Gateway', '0.1.0', 'request-end', 'AI request transformed', '3']);
    const ext = parts[7] as string;
    expect(ext).toMatch(/^rt=\d+ externalId=req-00000001 act=transformed /);
    expect(ext).toContain(`cs6Label=hash cs6=${'f'.repeat(64)}`);
  });
});

describe('syslog (RFC 5424)', () => {
  const HEADER = /^<(\d{1,3})>1 (\S+) (\S+) (\S+) (\S+) (\S+) \[(\S+)((?: [^ =\]"]+="(?:[^"\\\]]|\\["\\\]])*")*)\] (.*)$/;

  it('writes a header, one structured-data element and a message', () => {
    const message = toSyslog(stored(7), { hostname: 'gw 1', facility: 13, enterpriseId: 99999 });
    const m = HEADER.exec(message);
    expect(m).not.toBeNull();
    const [, pri, timestamp, host, app, procId, msgId, sdId] = m as RegExpExecArray;
    expect(Number(pri)).toBe(13 * 8 + 4); // facility 13 (log audit), warning: request 3 was blocked
    expect(timestamp).toBe('2026-01-15T09:30:03.420Z');
    expect(host).toBe('gw1'); // PRINTUSASCII only
    expect([app, procId, msgId, sdId]).toEqual(['airlock', '-', 'request-end', 'airlock@99999']);
    expect(message).toContain('fields="messages[0\\].content,messages[1\\].content"');
  });

  it('escapes ", \\ and ] in parameter values', () => {
    expect(sdParamEscape('a"b\\c]d')).toBe('a\\"b\\\\c\\]d');
  });

  it('frames with octet counting (RFC 6587), counting bytes not characters', () => {
    expect(octetCountingFrame('héllo')).toBe('6 héllo');
  });
});

describe('JSON lines', () => {
  it('can be re-verified by anyone with sha256: each line minus its hash is what was hashed', () => {
    const lines = readFileSync(join(GOLDEN, 'export.jsonl'), 'utf8').trim().split('\n');
    let prev: string | undefined;
    for (const line of lines) {
      const { hash, ...rest } = JSON.parse(line) as { hash: string; prevHash: string; record: unknown; seq: number };
      expect(canonicalJson({ hash, ...rest })).toBe(line);
      expect(createHash('sha256').update(canonicalJson(rest)).digest('hex')).toBe(hash);
      if (prev !== undefined) expect(rest.prevHash).toBe(prev);
      prev = hash;
    }
  });
});

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readSse, SseParser, type SseEvent } from './sse.js';

const FIXTURES = join(import.meta.dirname, '../../test/fixtures/sse');
const fixtures = readdirSync(FIXTURES).filter((f) => f.endsWith('.sse'));

async function* chunks(parts: Array<Uint8Array | string>): AsyncGenerator<Uint8Array | string> {
  for (const part of parts) yield part;
}

async function collect(parts: Array<Uint8Array | string>): Promise<SseEvent[]> {
  const out: SseEvent[] = [];
  for await (const event of readSse(chunks(parts))) out.push(event);
  return out;
}

const enc = (s: string): Uint8Array => new TextEncoder().encode(s);

describe('SseParser', () => {
  it('reads data, event and id fields, and skips comments', async () => {
    const events = await collect([enc(': hello\n\nevent: ping\nid: 7\ndata: {"a":1}\n\ndata: x\n\n')]);
    expect(events).toEqual([
      { event: 'ping', data: '{"a":1}', id: '7' },
      { event: 'message', data: 'x', id: '7' },
    ]);
  });

  it('joins multi-line data with \\n and strips only one leading space', async () => {
    const events = await collect([enc('data: one\ndata:  two\ndata:three\ndata\n\n')]);
    expect(events).toEqual([{ event: 'message', data: 'one\n two\nthree\n' }]);
  });

  it('accepts CRLF, CR and LF line ends, also mixed', async () => {
    const events = await collect([enc('data: a\r\n\r\ndata: b\r\rdata: c\n\ndata: d\r\n\n')]);
    expect(events.map((e) => e.data)).toEqual(['a', 'b', 'c', 'd']);
  });

  it('treats a CR at the end of one chunk and an LF at the start of the next as one line break', async () => {
    const events = await collect([enc('data: a\r'), enc('\n\r'), enc('\ndata: b\r'), enc('\r')]);
    expect(events.map((e) => e.data)).toEqual(['a', 'b']);
  });

  it('keeps a multi-byte character split across chunks intact', async () => {
    const bytes = enc('data: 👋🏽é\n\n');
    for (let k = 0; k <= bytes.length; k++) {
      const events = await collect([bytes.slice(0, k), bytes.slice(k)]);
      expect(events).toEqual([{ event: 'message', data: '👋🏽é' }]);
    }
  });

  it('dispatches a complete last event without its blank line, and drops a cut-off last line', async () => {
    expect((await collect([enc('data: [DONE]\n')])).map((e) => e.data)).toEqual(['[DONE]']);
    expect(await collect([enc('data: {"trunc')])).toEqual([]);
  });

  it('ignores events with no data', () => {
    const parser = new SseParser();
    expect(parser.push('event: x\n\nretry: 5\n\n')).toEqual([]);
  });
});

describe.each(fixtures)('fixture %s split at every byte position', (name) => {
  const bytes = readFileSync(join(FIXTURES, name));

  it('yields the same events wherever the chunk boundary falls', async () => {
    const whole = await collect([bytes]);
    expect(whole.length).toBeGreaterThan(2);
    for (const event of whole) {
      if (event.data !== '[DONE]') expect(() => JSON.parse(event.data) as unknown).not.toThrow();
    }
    for (let k = 0; k <= bytes.length; k++) {
      expect(await collect([bytes.subarray(0, k), bytes.subarray(k)])).toEqual(whole);
    }
  });

  it('yields the same events when every byte is its own chunk', async () => {
    const whole = await collect([bytes]);
    const single = Array.from(bytes, (_, i) => bytes.subarray(i, i + 1));
    expect(await collect(single)).toEqual(whole);
  });
});

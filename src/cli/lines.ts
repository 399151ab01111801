import { TextDecoder } from 'node:util';

/**
 * Splits a byte stream into lines without trusting it: each line is decoded as strict
 * UTF-8 on its own, and a line longer than the limit is reported (and skipped) without
 * being buffered whole.
 */
export type Line = { ok: true; text: string } | { ok: false; reason: 'invalid-utf8' | 'too-long' };

export async function* readLines(stream: AsyncIterable<Buffer | string>, maxBytes: number): AsyncGenerator<Line> {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let parts: Buffer[] = [];
  let size = 0;
  let overflow = false;

  const finish = (): Line => {
    const line: Line = overflow ? { ok: false, reason: 'too-long' } : decode(decoder, Buffer.concat(parts, size));
    parts = [];
    size = 0;
    overflow = false;
    return line;
  };

  for await (const chunk of stream) {
    let buf = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk;
    for (;;) {
      const nl = buf.indexOf(0x0a);
      const piece = nl === -1 ? buf : buf.subarray(0, nl);
      if (!overflow) {
        if (size + piece.length > maxBytes) {
          overflow = true;
          parts = [];
        } else {
          parts.push(piece);
          size += piece.length;
        }
      }
      if (nl === -1) break;
      yield finish();
      buf = buf.subarray(nl + 1);
    }
  }
  if (size > 0 || overflow) yield finish();
}

function decode(decoder: InstanceType<typeof TextDecoder>, bytes: Buffer): Line {
  let end = bytes.length;
  if (end > 0 && bytes[end - 1] === 0x0d) end--;
  try {
    return { ok: true, text: decoder.decode(bytes.subarray(0, end)) };
  } catch {
    return { ok: false, reason: 'invalid-utf8' };
  }
}

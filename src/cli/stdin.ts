import { TextDecoder } from 'node:util';
import { AirlockError } from '../core/errors.js';

/** All of stdin as strict UTF-8, refusing more than `maxBytes`. */
export async function readAll(stream: AsyncIterable<Buffer | string>, maxBytes: number): Promise<string> {
  const parts: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream) {
    const buf = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk;
    size += buf.length;
    if (size > maxBytes) throw new AirlockError('PAYLOAD_TOO_LARGE', `input exceeds ${maxBytes} bytes`);
    parts.push(buf);
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(Buffer.concat(parts, size));
  } catch {
    throw new AirlockError('INPUT_INVALID_UTF8', 'input is not valid UTF-8');
  }
}

/** Decodes a byte stream as strict UTF-8, chunk by chunk (characters split across chunks are fine). */
export async function* decodeChunks(stream: AsyncIterable<Buffer | string>): AsyncGenerator<string> {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  try {
    for await (const chunk of stream) {
      yield typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true });
    }
    yield decoder.decode();
  } catch (error) {
    if (error instanceof TypeError) throw new AirlockError('INPUT_INVALID_UTF8', 'input is not valid UTF-8');
    throw error;
  }
}

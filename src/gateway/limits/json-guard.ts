import { AirlockError } from '../../core/errors.js';

export interface JsonGuardOptions {
  maxBytes: number;
  maxDepth: number;
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN_BRACE = 0x7b;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACE = 0x7d;
const CLOSE_BRACKET = 0x5d;

/**
 * Checks a raw request body before anything parses it: PAYLOAD_TOO_LARGE over `maxBytes`,
 * INPUT_TOO_DEEP when objects and arrays nest deeper than `maxDepth`. One pass, no
 * allocation, stopping at the first level too deep, so a megabyte of `[` costs microseconds.
 * Brackets inside strings do not count; a closer with nothing open is INPUT_INVALID_JSON.
 * On bytes, UTF-8 is safe to scan as is: every byte of a multi-byte character is ≥ 0x80.
 */
export function checkJsonBody(raw: string | Uint8Array, options: JsonGuardOptions): void {
  const size = typeof raw === 'string' ? Buffer.byteLength(raw, 'utf8') : raw.length;
  if (size > options.maxBytes) {
    throw new AirlockError('PAYLOAD_TOO_LARGE', `request body is larger than ${options.maxBytes} bytes`);
  }
  const balanced = typeof raw === 'string' ? scanString(raw, options.maxDepth) : scanBytes(raw, options.maxDepth);
  if (!balanced) throw new AirlockError('INPUT_INVALID_JSON', 'request body closes a bracket that was never opened');
}

function tooDeep(maxDepth: number): AirlockError {
  return new AirlockError('INPUT_TOO_DEEP', `JSON nests deeper than ${maxDepth} levels`);
}

// Two copies of one loop, so each stays monomorphic (charCodeAt vs indexing) on hot paths.

function scanString(text: string, maxDepth: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === BACKSLASH) i++;
      else if (c === QUOTE) inString = false;
    } else if (c === QUOTE) {
      inString = true;
    } else if (c === OPEN_BRACE || c === OPEN_BRACKET) {
      if (++depth > maxDepth) throw tooDeep(maxDepth);
    } else if ((c === CLOSE_BRACE || c === CLOSE_BRACKET) && --depth < 0) {
      return false;
    }
  }
  return true;
}

function scanBytes(bytes: Uint8Array, maxDepth: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < bytes.length; i++) {
    const c = bytes[i];
    if (inString) {
      if (c === BACKSLASH) i++;
      else if (c === QUOTE) inString = false;
    } else if (c === QUOTE) {
      inString = true;
    } else if (c === OPEN_BRACE || c === OPEN_BRACKET) {
      if (++depth > maxDepth) throw tooDeep(maxDepth);
    } else if ((c === CLOSE_BRACE || c === CLOSE_BRACKET) && --depth < 0) {
      return false;
    }
  }
  return true;
}

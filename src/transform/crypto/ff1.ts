import { createCipheriv } from 'node:crypto';
import { AirlockError } from '../../core/errors.js';

/**
 * NIST SP 800-38G (Rev. 1) FF1 format-preserving encryption over AES-128/192/256.
 *
 * The alphabet is a string of distinct characters (Unicode code points); its length is the
 * radix (2..65536) and each character's position its numeral value. Only numeral strings
 * whose domain holds at least a million values are accepted (radix^len ≥ 10^6), as the
 * revised standard requires.
 */

const ROUNDS = 10;
const MIN_DOMAIN = 1_000_000n;
const MAX_RADIX = 65_536;
const MAX_LEN = 0xffff_ffff;
const BLOCK = 16;

export function ff1Encrypt(key: Buffer, tweak: Buffer, alphabet: string, text: string): string {
  return ff1(key, tweak, alphabet, text, true);
}

export function ff1Decrypt(key: Buffer, tweak: Buffer, alphabet: string, text: string): string {
  return ff1(key, tweak, alphabet, text, false);
}

function ff1(key: Buffer, tweak: Buffer, alphabet: string, text: string, encrypt: boolean): string {
  const cipherName = aesName(key);
  const symbols = Array.from(alphabet);
  const radix = symbols.length;
  if (radix < 2 || radix > MAX_RADIX) {
    throw new AirlockError('INPUT_INVALID', `FF1 alphabet must have 2..${MAX_RADIX} characters`);
  }
  const index = new Map<string, number>();
  symbols.forEach((ch, i) => index.set(ch, i));
  if (index.size !== radix) throw new AirlockError('INPUT_INVALID', 'FF1 alphabet has repeated characters');

  const numerals = Array.from(text, (ch) => {
    const value = index.get(ch);
    // The message names neither the character nor its position: the text may be sensitive.
    if (value === undefined) throw new AirlockError('INPUT_INVALID', 'FF1 input has characters outside the alphabet');
    return value;
  });
  const n = numerals.length;
  const bigRadix = BigInt(radix);
  if (n < 2 || n > MAX_LEN || bigRadix ** BigInt(n) < MIN_DOMAIN) {
    throw new AirlockError('INPUT_INVALID', 'FF1 input is too short: radix^length must be at least 1000000');
  }
  if (tweak.length > MAX_LEN) throw new AirlockError('INPUT_INVALID', 'FF1 tweak is too long');

  const u = Math.floor(n / 2);
  const v = n - u;
  const modU = bigRadix ** BigInt(u);
  const modV = bigRadix ** BigInt(v);
  // b = ceil(ceil(v·log2 radix) / 8), computed exactly: ceil(log2 N) is the bit length of N-1.
  const b = Math.ceil(bitLength(modV - 1n) / 8);
  const d = 4 * Math.ceil(b / 4) + 4;

  const p = Buffer.alloc(BLOCK);
  p[0] = 1;
  p[1] = 2;
  p[2] = 1;
  p.writeUIntBE(radix, 3, 3);
  p[6] = 10;
  p[7] = u % 256;
  p.writeUInt32BE(n, 8);
  p.writeUInt32BE(tweak.length, 12);

  const padLength = (((-tweak.length - b - 1) % BLOCK) + BLOCK) % BLOCK;
  const q = Buffer.alloc(tweak.length + padLength + 1 + b);
  tweak.copy(q, 0);
  const roundIndexAt = tweak.length + padLength;

  const roundValue = (i: number, half: bigint): bigint => {
    q[roundIndexAt] = i;
    writeBigIntBE(half, q, roundIndexAt + 1, b);
    const r = prf(cipherName, key, Buffer.concat([p, q]));
    return bytesToBigInt(expand(cipherName, key, r, d));
  };

  let a = numeralsToBigInt(numerals.slice(0, u), bigRadix);
  let bHalf = numeralsToBigInt(numerals.slice(u), bigRadix);
  if (encrypt) {
    for (let i = 0; i < ROUNDS; i++) {
      const m = i % 2 === 0 ? modU : modV;
      const c = mod(a + roundValue(i, bHalf), m);
      a = bHalf;
      bHalf = c;
    }
  } else {
    for (let i = ROUNDS - 1; i >= 0; i--) {
      const m = i % 2 === 0 ? modU : modV;
      const c = mod(bHalf - roundValue(i, a), m);
      bHalf = a;
      a = c;
    }
  }
  return toSymbols(a, u, bigRadix, symbols) + toSymbols(bHalf, v, bigRadix, symbols);
}

function aesName(key: Buffer): 'aes-128' | 'aes-192' | 'aes-256' {
  switch (key.length) {
    case 16:
      return 'aes-128';
    case 24:
      return 'aes-192';
    case 32:
      return 'aes-256';
    default:
      throw new AirlockError('CONFIG_INVALID', 'FF1 key must be 16, 24 or 32 bytes');
  }
}

/** CBC-MAC with a zero IV: the last block of the CBC encryption. */
function prf(cipherName: string, key: Buffer, data: Buffer): Buffer {
  const cbc = createCipheriv(`${cipherName}-cbc`, key, Buffer.alloc(BLOCK));
  cbc.setAutoPadding(false);
  const out = Buffer.concat([cbc.update(data), cbc.final()]);
  return out.subarray(out.length - BLOCK);
}

/** S = first d bytes of R || CIPH(R ⊕ [1]^16) || CIPH(R ⊕ [2]^16) || … */
function expand(cipherName: string, key: Buffer, r: Buffer, d: number): Buffer {
  const extra = Math.ceil(d / BLOCK) - 1;
  if (extra <= 0) return r.subarray(0, d);
  const blocks = Buffer.alloc(extra * BLOCK);
  for (let j = 1; j <= extra; j++) {
    const block = blocks.subarray((j - 1) * BLOCK, j * BLOCK);
    r.copy(block);
    block.writeUInt32BE((block.readUInt32BE(12) ^ j) >>> 0, 12);
  }
  const ecb = createCipheriv(`${cipherName}-ecb`, key, null);
  ecb.setAutoPadding(false);
  return Buffer.concat([r, ecb.update(blocks), ecb.final()]).subarray(0, d);
}

function numeralsToBigInt(numerals: readonly number[], radix: bigint): bigint {
  let x = 0n;
  for (const digit of numerals) x = x * radix + BigInt(digit);
  return x;
}

function toSymbols(x: bigint, length: number, radix: bigint, symbols: readonly string[]): string {
  const out = new Array<string>(length);
  let rest = x;
  for (let i = length - 1; i >= 0; i--) {
    out[i] = symbols[Number(rest % radix)] as string;
    rest /= radix;
  }
  return out.join('');
}

function bytesToBigInt(bytes: Buffer): bigint {
  return bytes.length === 0 ? 0n : BigInt(`0x${bytes.toString('hex')}`);
}

function writeBigIntBE(x: bigint, target: Buffer, offset: number, length: number): void {
  let rest = x;
  for (let i = offset + length - 1; i >= offset; i--) {
    target[i] = Number(rest & 0xffn);
    rest >>= 8n;
  }
}

function bitLength(x: bigint): number {
  return x === 0n ? 0 : x.toString(2).length;
}

function mod(x: bigint, m: bigint): bigint {
  return ((x % m) + m) % m;
}

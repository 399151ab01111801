import { createHash, createHmac } from 'node:crypto';

/**
 * HMAC-SHA256 of `label \0 value`, base64url, first 22 characters (132 bits): the
 * fingerprint of a detected value. Findings are short (names, e-mails, ids), and for a
 * message that fits one SHA-256 block (≤ 55 bytes of UTF-8) this computes the HMAC in
 * JavaScript from the key's precomputed inner and outer states: two compressions and no
 * native call, about twice as fast as `createHmac` per value. Longer messages go to
 * `node:crypto`. Both give the same bytes (a property test holds them to it).
 */
export class ShortHmac {
  private readonly key: Buffer;
  private readonly inner: Int32Array;
  private readonly outer: Int32Array;
  private readonly bytes = new Uint8Array(64);
  private readonly words = new Int32Array(64);
  private readonly mid = new Int32Array(8);
  private readonly digest = new Int32Array(8);

  constructor(key: Buffer) {
    this.key = key;
    const block = key.length > 64 ? createHash('sha256').update(key).digest() : key;
    this.inner = this.padState(block, 0x36);
    this.outer = this.padState(block, 0x5c);
  }

  /** The fingerprint of `value` under `label` (the entity type). */
  fingerprint(label: string, value: string): string {
    const { bytes, words } = this;
    let written = asciiInto(label, value, bytes);
    if (written < 0) {
      const message = `${label}\0${value}`;
      const result = encoder.encodeInto(message, bytes.subarray(0, 55));
      if (result.read !== message.length) {
        return createHmac('sha256', this.key).update(message).digest('base64url').slice(0, 22);
      }
      written = result.written;
    }
    bytes.fill(0, written);
    bytes[written] = 0x80;
    const bits = (64 + written) * 8;
    bytes[62] = bits >>> 8;
    bytes[63] = bits & 0xff;
    for (let i = 0; i < 16; i++) {
      words[i] = ((bytes[4 * i] as number) << 24) | ((bytes[4 * i + 1] as number) << 16) | ((bytes[4 * i + 2] as number) << 8) | (bytes[4 * i + 3] as number);
    }
    compress(this.inner, words, this.mid);
    for (let i = 0; i < 8; i++) words[i] = this.mid[i] as number;
    words[8] = 0x80000000 | 0;
    for (let i = 9; i < 15; i++) words[i] = 0;
    words[15] = (64 + 32) * 8;
    compress(this.outer, words, this.digest);
    return base64url22(this.digest);
  }

  private padState(key: Buffer, pad: number): Int32Array {
    const block = Buffer.alloc(64, pad);
    for (let i = 0; i < key.length; i++) block[i] = (block[i] as number) ^ (key[i] as number);
    for (let i = 0; i < 16; i++) this.words[i] = block.readInt32BE(4 * i);
    const state = new Int32Array(8);
    compress(IV, this.words, state);
    return state;
  }
}

const encoder = new TextEncoder();

/**
 * `label \0 value` as bytes when both are ASCII and fit one block (≤ 55 bytes): the count
 * written, else -1 (the caller encodes UTF-8 or goes to node:crypto).
 */
function asciiInto(label: string, value: string, bytes: Uint8Array): number {
  const length = label.length + 1 + value.length;
  if (length > 55) return -1;
  for (let i = 0; i < label.length; i++) {
    const c = label.charCodeAt(i);
    if (c >= 0x80) return -1;
    bytes[i] = c;
  }
  bytes[label.length] = 0;
  const offset = label.length + 1;
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c >= 0x80) return -1;
    bytes[offset + i] = c;
  }
  return length;
}
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

/** The first 22 base64url characters of a digest (its first 132 bits). */
function base64url22(digest: Int32Array): string {
  const codes = BASE64_CODES;
  let acc = 0;
  let bits = 0;
  let byte = 0;
  for (let k = 0; k < 22; k++) {
    if (bits < 6) {
      acc = (acc << 8) | (((digest[byte >> 2] as number) >>> (24 - 8 * (byte & 3))) & 0xff);
      byte++;
      bits += 8;
    }
    bits -= 6;
    codes[k] = ALPHABET.charCodeAt((acc >>> bits) & 63);
    acc &= (1 << bits) - 1;
  }
  return codes.latin1Slice(0, 22);
}
const BASE64_CODES = Buffer.alloc(22) as Buffer & { latin1Slice(start: number, end: number): string };

const IV = Int32Array.from([0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19]);
const K = Int32Array.from([
  0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5, 0xd807aa98, 0x12835b01,
  0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174, 0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc,
  0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da, 0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147,
  0x06ca6351, 0x14292967, 0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
  0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070, 0x19a4c116, 0x1e376c08,
  0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3, 0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208,
  0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
]);

/** One SHA-256 compression of the block in `w[0..15]` (w is used as the schedule) from `state` into `out`. */
function compress(state: Int32Array, w: Int32Array, out: Int32Array): void {
  for (let i = 16; i < 64; i++) {
    const w15 = w[i - 15] as number;
    const w2 = w[i - 2] as number;
    const s0 = ((w15 >>> 7) | (w15 << 25)) ^ ((w15 >>> 18) | (w15 << 14)) ^ (w15 >>> 3);
    const s1 = ((w2 >>> 17) | (w2 << 15)) ^ ((w2 >>> 19) | (w2 << 13)) ^ (w2 >>> 10);
    w[i] = ((w[i - 16] as number) + s0 + (w[i - 7] as number) + s1) | 0;
  }
  let a = state[0] as number;
  let b = state[1] as number;
  let c = state[2] as number;
  let d = state[3] as number;
  let e = state[4] as number;
  let f = state[5] as number;
  let g = state[6] as number;
  let h = state[7] as number;
  for (let i = 0; i < 64; i++) {
    const s1 = ((e >>> 6) | (e << 26)) ^ ((e >>> 11) | (e << 21)) ^ ((e >>> 25) | (e << 7));
    const t1 = (h + s1 + ((e & f) ^ (~e & g)) + (K[i] as number) + (w[i] as number)) | 0;
    const s0 = ((a >>> 2) | (a << 30)) ^ ((a >>> 13) | (a << 19)) ^ ((a >>> 22) | (a << 10));
    const t2 = (s0 + ((a & b) ^ (a & c) ^ (b & c))) | 0;
    h = g;
    g = f;
    f = e;
    e = (d + t1) | 0;
    d = c;
    c = b;
    b = a;
    a = (t1 + t2) | 0;
  }
  out[0] = ((state[0] as number) + a) | 0;
  out[1] = ((state[1] as number) + b) | 0;
  out[2] = ((state[2] as number) + c) | 0;
  out[3] = ((state[3] as number) + d) | 0;
  out[4] = ((state[4] as number) + e) | 0;
  out[5] = ((state[5] as number) + f) | 0;
  out[6] = ((state[6] as number) + g) | 0;
  out[7] = ((state[7] as number) + h) | 0;
}

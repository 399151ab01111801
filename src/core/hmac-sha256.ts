/**
 * HMAC-SHA256 (RFC 2104, FIPS 180-4) for a fixed key, in JavaScript. The key's inner and
 * outer pad blocks are compressed once; each message then costs one compression per
 * 64-byte block plus one for the outer hash — for the short values detection fingerprints
 * (names, numbers, e-mail addresses) that is two compressions, several times cheaper than
 * creating a `node:crypto` Hmac object per value. Output is identical to
 * `createHmac('sha256', key)` (tested against it).
 */

const K = Uint32Array.from([
  0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5, 0xd807aa98, 0x12835b01,
  0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174, 0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc,
  0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da, 0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147,
  0x06ca6351, 0x14292967, 0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
  0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070, 0x19a4c116, 0x1e376c08,
  0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3, 0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208,
  0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
]);
const IV = Uint32Array.from([0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19]);

const W = new Uint32Array(64);

/** One SHA-256 compression of the 64-byte block at `offset` into `state`. */
function compress(state: Uint32Array, block: Uint8Array, offset: number): void {
  for (let i = 0; i < 16; i++) {
    const j = offset + i * 4;
    W[i] = ((block[j] as number) << 24) | ((block[j + 1] as number) << 16) | ((block[j + 2] as number) << 8) | (block[j + 3] as number);
  }
  for (let i = 16; i < 64; i++) {
    const w15 = W[i - 15] as number;
    const w2 = W[i - 2] as number;
    const s0 = ((w15 >>> 7) | (w15 << 25)) ^ ((w15 >>> 18) | (w15 << 14)) ^ (w15 >>> 3);
    const s1 = ((w2 >>> 17) | (w2 << 15)) ^ ((w2 >>> 19) | (w2 << 13)) ^ (w2 >>> 10);
    W[i] = ((W[i - 16] as number) + s0 + (W[i - 7] as number) + s1) | 0;
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
    const S1 = ((e >>> 6) | (e << 26)) ^ ((e >>> 11) | (e << 21)) ^ ((e >>> 25) | (e << 7));
    const ch = (e & f) ^ (~e & g);
    const t1 = (h + S1 + ch + (K[i] as number) + (W[i] as number)) | 0;
    const S0 = ((a >>> 2) | (a << 30)) ^ ((a >>> 13) | (a << 19)) ^ ((a >>> 22) | (a << 10));
    const maj = (a & b) ^ (a & c) ^ (b & c);
    const t2 = (S0 + maj) | 0;
    h = g;
    g = f;
    f = e;
    e = (d + t1) | 0;
    d = c;
    c = b;
    b = a;
    a = (t1 + t2) | 0;
  }
  state[0] = ((state[0] as number) + a) | 0;
  state[1] = ((state[1] as number) + b) | 0;
  state[2] = ((state[2] as number) + c) | 0;
  state[3] = ((state[3] as number) + d) | 0;
  state[4] = ((state[4] as number) + e) | 0;
  state[5] = ((state[5] as number) + f) | 0;
  state[6] = ((state[6] as number) + g) | 0;
  state[7] = ((state[7] as number) + h) | 0;
}

export class HmacSha256 {
  private readonly inner = new Uint32Array(8);
  private readonly outer = new Uint32Array(8);
  private readonly state = new Uint32Array(8);
  private buffer = new Uint8Array(256);
  private readonly outerBlock = new Uint8Array(64);

  constructor(key: Uint8Array) {
    let k = key;
    if (k.length > 64) {
      const hashed = new HmacSha256Plain();
      k = hashed.digest(key);
    }
    const pad = new Uint8Array(64);
    pad.set(k);
    const ipad = pad.map((x) => x ^ 0x36);
    const opad = pad.map((x) => x ^ 0x5c);
    this.inner.set(IV);
    compress(this.inner, ipad, 0);
    this.outer.set(IV);
    compress(this.outer, opad, 0);
  }

  /** HMAC of the UTF-8 bytes of `message`. */
  digest(message: Uint8Array): Uint8Array {
    return this.finish(message, message.length);
  }

  /** HMAC of the UTF-8 encoding of the given strings, concatenated. */
  digestStrings(...parts: string[]): Uint8Array {
    let need = 0;
    for (const p of parts) need += p.length * 3;
    if (this.buffer.length < need + 72) this.buffer = new Uint8Array(Math.max(need + 72, this.buffer.length * 2));
    let length = 0;
    for (const p of parts) length += encodeUtf8(p, this.buffer, length);
    return this.finish(this.buffer, length);
  }

  private finish(message: Uint8Array, length: number): Uint8Array {
    // inner: H((K ^ ipad) || message), the key block already compressed
    const padded = paddedLength(length);
    let block = message;
    if (message !== this.buffer || this.buffer.length < padded) {
      block = new Uint8Array(padded);
      block.set(message.subarray(0, length));
    }
    pad(block, length, 64 + length);
    const state = this.state;
    state.set(this.inner);
    for (let offset = 0; offset < padded; offset += 64) compress(state, block, offset);
    // outer: H((K ^ opad) || inner digest)
    const outerBlock = this.outerBlock;
    writeState(state, outerBlock, 0);
    pad(outerBlock, 32, 96);
    state.set(this.outer);
    compress(state, outerBlock, 0);
    const out = new Uint8Array(32);
    writeState(state, out, 0);
    return out;
  }
}

/** Plain SHA-256, only for keys longer than a block. */
class HmacSha256Plain {
  digest(message: Uint8Array): Uint8Array {
    const padded = paddedLength(message.length);
    const block = new Uint8Array(padded);
    block.set(message);
    pad(block, message.length, message.length);
    const state = Uint32Array.from(IV);
    for (let offset = 0; offset < padded; offset += 64) compress(state, block, offset);
    const out = new Uint8Array(32);
    writeState(state, out, 0);
    return out;
  }
}

const paddedLength = (length: number): number => Math.ceil((length + 9) / 64) * 64;

/** SHA-256 padding after `length` message bytes; `totalLength` counts what came before too. */
function pad(block: Uint8Array, length: number, totalLength: number): void {
  const end = paddedLength(length);
  block[length] = 0x80;
  block.fill(0, length + 1, end - 8);
  const bits = totalLength * 8;
  const high = Math.floor(bits / 0x100000000);
  for (let i = 0; i < 4; i++) block[end - 8 + i] = (high >>> (24 - 8 * i)) & 0xff;
  for (let i = 0; i < 4; i++) block[end - 4 + i] = (bits >>> (24 - 8 * i)) & 0xff;
}

function writeState(state: Uint32Array, out: Uint8Array, offset: number): void {
  for (let i = 0; i < 8; i++) {
    const v = state[i] as number;
    out[offset + i * 4] = v >>> 24;
    out[offset + i * 4 + 1] = (v >>> 16) & 0xff;
    out[offset + i * 4 + 2] = (v >>> 8) & 0xff;
    out[offset + i * 4 + 3] = v & 0xff;
  }
}

/** Writes `text` as UTF-8 at `offset`; returns the byte count (lone surrogates become U+FFFD). */
function encodeUtf8(text: string, out: Uint8Array, offset: number): number {
  let o = offset;
  for (let i = 0; i < text.length; i++) {
    let c = text.charCodeAt(i);
    if (c < 0x80) {
      out[o++] = c;
      continue;
    }
    if (c < 0x800) {
      out[o++] = 0xc0 | (c >> 6);
      out[o++] = 0x80 | (c & 63);
      continue;
    }
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      const low = text.charCodeAt(i + 1);
      if (low >= 0xdc00 && low <= 0xdfff) {
        const cp = 0x10000 + ((c - 0xd800) << 10) + (low - 0xdc00);
        i++;
        out[o++] = 0xf0 | (cp >> 18);
        out[o++] = 0x80 | ((cp >> 12) & 63);
        out[o++] = 0x80 | ((cp >> 6) & 63);
        out[o++] = 0x80 | (cp & 63);
        continue;
      }
    }
    if (c >= 0xd800 && c <= 0xdfff) c = 0xfffd;
    out[o++] = 0xe0 | (c >> 12);
    out[o++] = 0x80 | ((c >> 6) & 63);
    out[o++] = 0x80 | (c & 63);
  }
  return o - offset;
}

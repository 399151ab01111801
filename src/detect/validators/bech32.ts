/**
 * Bech32 (BIP 173) and Bech32m (BIP 350) strings, and SegWit addresses built on them:
 * witness version 0 uses Bech32, versions 1–16 use Bech32m.
 */
const CHARSET = 'qpzry9x8gf2tvdw0s3jn54khce6mua7l';
const CHARSET_INDEX = new Int8Array(128).fill(-1);
for (let i = 0; i < CHARSET.length; i++) CHARSET_INDEX[CHARSET.charCodeAt(i)] = i;

const GENERATOR = [0x3b6a57b2, 0x26508e6d, 0x1ea119fa, 0x3d4233dd, 0x2a1462b3] as const;
const BECH32_CONST = 1;
const BECH32M_CONST = 0x2bc830a3;

export type Bech32Encoding = 'bech32' | 'bech32m';

export interface Bech32Decoded {
  hrp: string;
  /** 5-bit values between the separator and the checksum */
  data: number[];
  encoding: Bech32Encoding;
}

function polymod(values: readonly number[]): number {
  let chk = 1;
  for (const v of values) {
    const top = chk >>> 25;
    chk = ((chk & 0x1ffffff) << 5) ^ v;
    for (let i = 0; i < 5; i++) if ((top >>> i) & 1) chk ^= GENERATOR[i] as number;
  }
  return chk >>> 0;
}

function hrpExpand(hrp: string): number[] {
  const out: number[] = [];
  for (let i = 0; i < hrp.length; i++) out.push(hrp.charCodeAt(i) >> 5);
  out.push(0);
  for (let i = 0; i < hrp.length; i++) out.push(hrp.charCodeAt(i) & 31);
  return out;
}

/** Decodes a Bech32/Bech32m string, or null when its case, characters, length or checksum is wrong. */
export function bech32Decode(text: string): Bech32Decoded | null {
  if (text.length < 8 || text.length > 90) return null;
  const lower = text.toLowerCase();
  // Mixed case is invalid by definition; all-upper is allowed (QR codes).
  if (text !== lower && text !== text.toUpperCase()) return null;
  const sep = lower.lastIndexOf('1');
  if (sep < 1 || sep + 7 > lower.length) return null;
  const hrp = lower.slice(0, sep);
  for (let i = 0; i < hrp.length; i++) {
    const c = hrp.charCodeAt(i);
    if (c < 33 || c > 126) return null;
  }
  const values: number[] = [];
  for (let i = sep + 1; i < lower.length; i++) {
    const c = lower.charCodeAt(i);
    const v = c < 128 ? (CHARSET_INDEX[c] as number) : -1;
    if (v < 0) return null;
    values.push(v);
  }
  const check = polymod([...hrpExpand(hrp), ...values]);
  const encoding: Bech32Encoding | null = check === BECH32_CONST ? 'bech32' : check === BECH32M_CONST ? 'bech32m' : null;
  if (encoding === null) return null;
  return { hrp, data: values.slice(0, -6), encoding };
}

export function bech32Encode(hrp: string, data: readonly number[], encoding: Bech32Encoding): string {
  const constant = encoding === 'bech32' ? BECH32_CONST : BECH32M_CONST;
  const mod = polymod([...hrpExpand(hrp), ...data, 0, 0, 0, 0, 0, 0]) ^ constant;
  let out = `${hrp}1`;
  for (const v of data) out += CHARSET[v];
  for (let i = 0; i < 6; i++) out += CHARSET[(mod >>> (5 * (5 - i))) & 31];
  return out;
}

/** Regroups bits (8→5 or 5→8); null when padding is not allowed and leftover bits are non-zero. */
export function convertBits(data: readonly number[], from: number, to: number, pad: boolean): number[] | null {
  let acc = 0;
  let bits = 0;
  const out: number[] = [];
  const maxv = (1 << to) - 1;
  for (const value of data) {
    if (value < 0 || value >> from !== 0) return null;
    acc = (acc << from) | value;
    bits += from;
    while (bits >= to) {
      bits -= to;
      out.push((acc >> bits) & maxv);
    }
    acc &= (1 << bits) - 1;
  }
  if (pad) {
    if (bits > 0) out.push((acc << (to - bits)) & maxv);
  } else if (bits >= from || ((acc << (to - bits)) & maxv) !== 0) {
    return null;
  }
  return out;
}

/** A SegWit address for `hrp` (`bc` for Bitcoin mainnet) with the right encoding for its version. */
export function segwitAddressValid(address: string, hrp = 'bc'): boolean {
  const decoded = bech32Decode(address);
  if (decoded === null || decoded.hrp !== hrp || decoded.data.length < 1) return false;
  const version = decoded.data[0] as number;
  if (version > 16) return false;
  if (decoded.encoding !== (version === 0 ? 'bech32' : 'bech32m')) return false;
  const program = convertBits(decoded.data.slice(1), 5, 8, false);
  if (program === null || program.length < 2 || program.length > 40) return false;
  return version !== 0 || program.length === 20 || program.length === 32;
}

export function segwitAddressEncode(hrp: string, version: number, program: Uint8Array): string {
  const data = convertBits(Array.from(program), 8, 5, true) as number[];
  return bech32Encode(hrp, [version, ...data], version === 0 ? 'bech32' : 'bech32m');
}

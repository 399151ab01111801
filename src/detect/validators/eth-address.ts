import { keccak256 } from './keccak.js';

const ADDRESS = /^0x[0-9a-fA-F]{40}$/;

/**
 * EIP-55 mixed-case checksum: hex letter i is upper-case when nibble i of
 * keccak256(lower-case hex) is 8 or more. Returns the checksummed form of any 0x address.
 */
export function toChecksumAddress(address: string): string {
  if (!ADDRESS.test(address)) throw new RangeError('not a 0x-prefixed 40-hex-digit address');
  const hex = address.slice(2).toLowerCase();
  const hash = keccak256(hex);
  let out = '0x';
  for (let i = 0; i < 40; i++) {
    const nibble = ((hash[i >> 1] as number) >> (i & 1 ? 0 : 4)) & 0xf;
    const ch = hex[i] as string;
    out += nibble >= 8 ? ch.toUpperCase() : ch;
  }
  return out;
}

/**
 * `valid` / `invalid` for mixed-case addresses (they carry an EIP-55 checksum), `unchecked`
 * for all-lower or all-upper hex (no checksum to test), `malformed` when not an address at all.
 */
export function ethAddressChecksum(address: string): 'valid' | 'invalid' | 'unchecked' | 'malformed' {
  if (!ADDRESS.test(address)) return 'malformed';
  const hex = address.slice(2);
  if (hex === hex.toLowerCase() || hex === hex.toUpperCase()) return 'unchecked';
  return toChecksumAddress(address) === address ? 'valid' : 'invalid';
}

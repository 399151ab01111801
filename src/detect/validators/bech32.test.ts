import { describe, expect, it } from 'vitest';
import { bech32Decode, segwitAddressEncode, segwitAddressValid } from './bech32.js';

describe('bech32Decode', () => {
  // Valid strings from BIP 173 and BIP 350.
  it.each([
    ['A12UEL5L', 'bech32'],
    ['a12uel5l', 'bech32'],
    ['abcdef1qpzry9x8gf2tvdw0s3jn54khce6mua7lmqqqxw', 'bech32'],
    ['split1checkupstagehandshakeupstreamerranterredcaperred2y9e3w', 'bech32'],
    ['A1LQFN3A', 'bech32m'],
    ['abcdef1l7aum6echk45nj3s0wdvt2fg8x9yrzpqzd3ryx', 'bech32m'],
  ])('accepts %s as %s', (text, encoding) => expect(bech32Decode(text)?.encoding).toBe(encoding));

  it.each([
    ['mixed case', 'A12uEL5L'],
    ['no separator', 'pzry9x0s0muk'],
    ['empty human-readable part', '1pzry9x0s0muk'],
    ['invalid data character', 'x1b4n0q5v'],
    ['checksum too short', 'li1dgmt3'],
    ['checksum changed', 'a12uel5m'],
  ])('rejects %s', (_why, text) => expect(bech32Decode(text)).toBeNull());
});

describe('segwitAddressValid', () => {
  // Valid mainnet addresses from BIP 173 / BIP 350.
  it.each([
    'BC1QW508D6QEJXTDG4Y5R3ZARVARY0C5XW7KV8F3T4',
    'bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4',
    'bc1pw508d6qejxtdg4y5r3zarvary0c5xw7kw508d6qejxtdg4y5r3zarvary0c5xw7kt5nd6y',
    'BC1SW50QGDZ25J',
    'bc1zw508d6qejxtdg4y5r3zarvaryvaxxpcs',
    'bc1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vqzk5jj0',
  ])('accepts %s', (address) => expect(segwitAddressValid(address)).toBe(true));

  it.each([
    ['testnet prefix', 'tb1qw508d6qejxtdg4y5r3zarvary0c5xw7kxpjzsx'],
    ['checksum changed', 'bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t5'],
    ['version 1 with a Bech32 checksum', 'bc1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vqh2y7hd'],
    ['version 0 with a Bech32m checksum', 'bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kemeawh'],
    ['mixed case', 'bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kV8F3T4'],
    ['program of 16 bytes for version 0', 'BC1QR508D6QEJXTDG4Y5R3ZARVARYV98GJ9P'],
  ])('rejects %s', (_why, address) => expect(segwitAddressValid(address)).toBe(false));

  it('round-trips encoded programs of each version', () => {
    const program20 = Uint8Array.from({ length: 20 }, (_, i) => (i * 53 + 7) & 0xff);
    const program32 = Uint8Array.from({ length: 32 }, (_, i) => (i * 29 + 3) & 0xff);
    expect(segwitAddressValid(segwitAddressEncode('bc', 0, program20))).toBe(true);
    expect(segwitAddressValid(segwitAddressEncode('bc', 0, program32))).toBe(true);
    expect(segwitAddressValid(segwitAddressEncode('bc', 1, program32))).toBe(true);
  });
});

import { describe, expect, it } from 'vitest';
import {
  base58CheckDecode,
  base58CheckEncode,
  base58Decode,
  base58Encode,
  bitcoinBase58AddressValid,
} from './base58check.js';

const hex = (bytes: Uint8Array | null) => (bytes === null ? null : Buffer.from(bytes).toString('hex'));

describe('base58', () => {
  // Vectors from bitcoin-core's src/test/data/base58_encode_decode.json.
  it.each([
    ['', ''],
    ['61', '2g'],
    ['626262', 'a3gV'],
    ['636363', 'aPEr'],
    ['73696d706c792061206c6f6e6720737472696e67', '2cFupjhnEsSn59qHXstmK2ffpLv2'],
    ['00eb15231dfceb60925886b67d065299925915aeb172c06647', '1NS17iag9jJgTHD1VXjvLCEnZuQ3rJDE9L'],
    ['516b6fcd0f', 'ABnLTmg'],
    ['00000000000000000000', '1111111111'],
  ])('encodes %s as "%s" and back', (bytesHex, text) => {
    expect(base58Encode(Buffer.from(bytesHex, 'hex'))).toBe(text);
    expect(hex(base58Decode(text))).toBe(bytesHex);
  });

  it('rejects characters outside the alphabet', () => {
    for (const bad of ['0', 'O', 'I', 'l', 'é', ' ']) expect(base58Decode(`abc${bad}`)).toBeNull();
  });
});

describe('base58check', () => {
  it('round-trips and detects a changed character', () => {
    const payload = Uint8Array.from([0x00, ...Array.from({ length: 20 }, (_, i) => (i * 37 + 11) & 0xff)]);
    const text = base58CheckEncode(payload);
    expect(hex(base58CheckDecode(text))).toBe(hex(payload));
    const changed = text.slice(0, -1) + (text.endsWith('z') ? 'y' : 'z');
    expect(base58CheckDecode(changed)).toBeNull();
  });
});

describe('bitcoinBase58AddressValid', () => {
  // The genesis-block address and the P2SH example from the Bitcoin wiki / BIP 13.
  it.each(['1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa', '1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN2', '3J98t1WpEZ73CNmQviecrnyiWrnqRhWNLy'])(
    'accepts %s',
    (address) => expect(bitcoinBase58AddressValid(address)).toBe(true),
  );

  it.each([
    ['last character changed', '1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNb'],
    ['testnet version byte', 'mipcBbFg9gMiCh81Kj8tqqdgoZub1ZJRfn'],
    ['too short', '1A1zP1eP5QGefi2DMPTfTL5SLmv7Divf'],
    ['invalid character', '1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfN0'],
  ])('rejects %s', (_why, address) => expect(bitcoinBase58AddressValid(address)).toBe(false));
});

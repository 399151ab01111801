import { describe, expect, it } from 'vitest';
import { ethAddressChecksum, toChecksumAddress } from './eth-address.js';

// Test vectors from EIP-55.
const EIP55 = [
  '0x52908400098527886E0F7030069857D2E4169EE7',
  '0x8617E340B3D01FA5F11F306F4090FD50E238070D',
  '0xde709f2102306220921060314715629080e2fb77',
  '0x27b1fdb04752bbc536007a920d24acb045561c26',
  '0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed',
  '0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359',
  '0xdbF03B407c01E7cD3CBea99509d93f8DDDC8C6FB',
  '0xD1220A0cf47c7B9Be7A2E6BA89F429762e7b9aDb',
];

describe('toChecksumAddress', () => {
  it.each(EIP55)('reproduces %s', (address) => {
    expect(toChecksumAddress(address.toLowerCase().replace('0X', '0x'))).toBe(address);
  });

  it('throws on a malformed address', () => expect(() => toChecksumAddress('0x1234')).toThrow(RangeError));
});

describe('ethAddressChecksum', () => {
  it.each(EIP55.slice(4))('accepts mixed-case %s', (address) => expect(ethAddressChecksum(address)).toBe('valid'));

  it.each(EIP55.slice(0, 4))('has no opinion on single-case %s', (address) =>
    expect(ethAddressChecksum(address)).toBe('unchecked'),
  );

  it('rejects a mixed-case address with one letter flipped', () => {
    expect(ethAddressChecksum('0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAeD')).toBe('invalid');
    expect(ethAddressChecksum('0x5AAeb6053F3E94C9b9A09f33669435E7Ef1BeAed')).toBe('invalid');
  });

  it.each([
    '0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAe',
    '5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed0x',
    '0xZZAeb6053F3E94C9b9A09f33669435E7Ef1BeAed',
  ])(
    'calls %s malformed',
    (address) => expect(ethAddressChecksum(address)).toBe('malformed'),
  );
});

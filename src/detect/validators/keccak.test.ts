import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { keccak256Hex, keccakSponge } from './keccak.js';

describe('keccak256', () => {
  // Published Keccak-256 vectors (as used by Ethereum).
  it.each([
    ['', 'c5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470'],
    ['abc', '4e03657aea45a94fc7d47ba826c8d667c0d1e6e33a64a036ec44f58fa12d6c45'],
    ['The quick brown fox jumps over the lazy dog', '4d741b6f1eb29cb2a9b9911c82f56fa8d73b04959d3d9d222895df6c0b28aa15'],
    // Ethereum's Transfer event topic.
    ['Transfer(address,address,uint256)', 'ddf252ad1be2c89b69c2b068fc378daa952ba7f163c4a11628f55a4df523b3ef'],
  ])('hashes "%s"', (input, digest) => expect(keccak256Hex(input)).toBe(digest));

  it('differs from NIST SHA3-256 only in padding', () => {
    expect(keccak256Hex('')).not.toBe(createHash('sha3-256').update('').digest('hex'));
  });
});

describe('keccakSponge', () => {
  // Same permutation, SHA-3 padding: must equal node's sha3-256 at every length around the
  // 136-byte rate, which exercises multi-block absorption and the padding edge cases.
  it('matches node sha3-256 for lengths 0..300', () => {
    const data = Uint8Array.from({ length: 300 }, (_, i) => (i * 131 + 17) & 0xff);
    for (let n = 0; n <= 300; n++) {
      const slice = data.subarray(0, n);
      const ours = Buffer.from(keccakSponge(slice, 136, 0x06, 32)).toString('hex');
      expect(ours, `length ${n}`).toBe(createHash('sha3-256').update(slice).digest('hex'));
    }
  });

  it('squeezes past one block like shake128', () => {
    const data = Buffer.from('airlock');
    const ours = Buffer.from(keccakSponge(data, 168, 0x1f, 400)).toString('hex');
    expect(ours).toBe(createHash('shake128', { outputLength: 400 }).update(data).digest('hex'));
  });
});

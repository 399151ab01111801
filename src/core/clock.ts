import { randomBytes } from 'node:crypto';

/** Injected time, so hash chains, TTLs and tests are reproducible. */
export interface Clock {
  now(): number;
}

export const systemClock: Clock = { now: () => Date.now() };

export function fixedClock(start: number, step = 0): Clock {
  let t = start;
  return {
    now() {
      const value = t;
      t += step;
      return value;
    },
  };
}

/** Injected randomness, for keys, pseudonyms and request ids. */
export interface Random {
  bytes(n: number): Buffer;
}

export const cryptoRandom: Random = { bytes: (n) => randomBytes(n) };

/** Deterministic randomness for tests and seeded corpora (xorshift128+; not for keys). */
export function seededRandom(seed: number): Random & { next(): number; int(max: number): number } {
  let s0 = (seed >>> 0) ^ 0x9e3779b9;
  let s1 = ((seed * 2654435761) >>> 0) ^ 0x85ebca6b;
  const next32 = (): number => {
    let x = s0;
    const y = s1;
    s0 = y;
    x ^= x << 23;
    x ^= x >>> 17;
    x ^= y ^ (y >>> 26);
    s1 = x >>> 0;
    return (s0 + s1) >>> 0;
  };
  return {
    next: () => next32() / 0x1_0000_0000,
    int: (max: number) => Math.floor((next32() / 0x1_0000_0000) * max),
    bytes: (n: number) => {
      const out = Buffer.alloc(n);
      for (let i = 0; i < n; i++) out[i] = next32() & 0xff;
      return out;
    },
  };
}

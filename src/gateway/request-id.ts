import { randomFillSync } from 'node:crypto';

const HEX: readonly string[] = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

/** Random bytes drawn in blocks: one `randomFillSync` per 512 ids rather than one per id. */
const RANDOM_BYTES = 10;
const pool = Buffer.alloc(RANDOM_BYTES * 512);
let poolAt = pool.length;

/**
 * A request id: a UUID version 7 (RFC 9562) — 48 bits of Unix milliseconds, then 74 random
 * bits. Ids made later sort later, so the audit trail's index on the request id grows at its
 * right edge: a batch of records dirties one index page, where random (version 4) ids dirty
 * about one page per record, each written to the WAL and flushed to disk.
 */
export function requestId(now: number): string {
  if (poolAt === pool.length) {
    randomFillSync(pool);
    poolAt = 0;
  }
  const r = poolAt;
  poolAt += RANDOM_BYTES;
  const ms = Math.min(Math.max(0, Math.trunc(now)), 2 ** 48 - 1);
  const high = Math.floor(ms / 2 ** 32); // 16 bits
  const low = ms >>> 0; // 32 bits
  const hex = (byte: number): string => HEX[byte & 0xff] as string;
  const random = (i: number): string => hex(pool[r + i] as number);
  return (
    hex(high >>> 8) + hex(high) + hex(low >>> 24) + hex(low >>> 16) + '-' + hex(low >>> 8) + hex(low) + '-' +
    hex(0x70 | ((pool[r] as number) & 0x0f)) + random(1) + '-' +
    hex(0x80 | ((pool[r + 2] as number) & 0x3f)) + random(3) + '-' +
    random(4) + random(5) + random(6) + random(7) + random(8) + random(9)
  );
}

/**
 * Where token-bucket levels live. One operation, atomic over all buckets of a call, so a
 * shared store (Redis: one Lua script over a hash per key, using the server's TIME) can stand
 * behind the same interface as the in-process one and several gateways share one budget.
 */

export interface BucketDraw {
  /** bucket name within the key, e.g. `requests` */
  name: string;
  /** the most the bucket holds (and holds when first seen) */
  capacity: number;
  /** refill rate in units per millisecond */
  refillPerMs: number;
  /** the level the bucket must have for the draw to go ahead (0: always goes ahead) */
  need: number;
  /** what is taken when the draw goes ahead; the level may go below zero (debt) */
  take: number;
}

export interface DrawResult {
  /** whether every bucket had its `need` and so every `take` was taken */
  ok: boolean;
  /** levels after refill, and after taking when ok; same order as the draws */
  levels: number[];
}

export interface RateLimitStore {
  /** Refills every bucket of `key` to `now`, then takes from all of them or from none. */
  draw(key: string, draws: readonly BucketDraw[], now: number): Promise<DrawResult>;
}

interface Bucket {
  level: number;
  at: number;
  capacity: number;
  refillPerMs: number;
}

export interface MemoryRateLimitStoreOptions {
  /** beyond this many buckets, full ones (indistinguishable from absent) are dropped */
  maxBuckets?: number;
}

/** The in-process store: exact, and atomic because a draw never awaits. */
export class MemoryRateLimitStore implements RateLimitStore {
  readonly #buckets = new Map<string, Bucket>();
  readonly #maxBuckets: number;
  #sweepAbove: number;

  constructor(options: MemoryRateLimitStoreOptions = {}) {
    this.#maxBuckets = options.maxBuckets ?? 100_000;
    this.#sweepAbove = this.#maxBuckets;
  }

  async draw(key: string, draws: readonly BucketDraw[], now: number): Promise<DrawResult> {
    return this.drawSync(key, draws, now);
  }

  drawSync(key: string, draws: readonly BucketDraw[], now: number): DrawResult {
    const buckets = draws.map((d) => {
      const id = `${key}\u0000${d.name}`;
      const bucket = this.#buckets.get(id) ?? { level: d.capacity, at: now, capacity: d.capacity, refillPerMs: d.refillPerMs };
      // A clock that steps back (NTP) must not refill; levels above a lowered capacity are cut.
      const elapsed = Math.max(0, now - bucket.at);
      bucket.level = Math.min(d.capacity, bucket.level + elapsed * d.refillPerMs);
      bucket.at = Math.max(bucket.at, now);
      bucket.capacity = d.capacity;
      bucket.refillPerMs = d.refillPerMs;
      return { id, bucket, draw: d };
    });
    const ok = buckets.every(({ bucket, draw }) => bucket.level >= draw.need);
    for (const { id, bucket, draw } of buckets) {
      if (ok) bucket.level -= draw.take;
      this.#buckets.set(id, bucket);
    }
    if (this.#buckets.size > this.#sweepAbove) {
      this.#sweep(now);
      // Many busy clients: sweep again only after the map doubles, keeping draws O(1) amortised.
      this.#sweepAbove = Math.max(this.#maxBuckets, 2 * this.#buckets.size);
    }
    return { ok, levels: buckets.map(({ bucket }) => bucket.level) };
  }

  get size(): number {
    return this.#buckets.size;
  }

  #sweep(now: number): void {
    for (const [id, bucket] of this.#buckets) {
      if (bucket.level + Math.max(0, now - bucket.at) * bucket.refillPerMs >= bucket.capacity) this.#buckets.delete(id);
    }
  }
}

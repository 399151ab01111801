import type { LimitsConfig } from './config.js';
import { RateLimitedError } from './rate-limiter.js';

/** Frees a slot; calling it again does nothing, so it is safe in every `finally` and close handler. */
export type Release = () => void;

/**
 * Caps the requests a client has in flight on this gateway instance. Call `acquire` after
 * authentication and release when the response has ended or the connection closed.
 */
export class ConcurrencyLimiter {
  readonly #limits: LimitsConfig;
  readonly #inFlight = new Map<string, number>();

  constructor(options: { limits: LimitsConfig }) {
    this.#limits = options.limits;
  }

  acquire(client: string): Release {
    const current = this.#inFlight.get(client) ?? 0;
    if (current >= this.#limits.forClient(client).maxConcurrent) {
      throw new RateLimitedError('too many concurrent requests', 1);
    }
    this.#inFlight.set(client, current + 1);
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const left = (this.#inFlight.get(client) ?? 1) - 1;
      if (left <= 0) this.#inFlight.delete(client);
      else this.#inFlight.set(client, left);
    };
  }

  inFlight(client: string): number {
    return this.#inFlight.get(client) ?? 0;
  }
}

import type { Clock } from '../../core/clock.js';
import { AirlockError, asAirlockError } from '../../core/errors.js';
import type { ClientLimits, LimitsConfig } from './config.js';
import type { BucketDraw, RateLimitStore } from './rate-limit-store.js';

/**
 * RATE_LIMITED with the number of seconds after which the same request would go through.
 * The gateway sends it as `retry-after`: `if (error instanceof RateLimitedError)
 * reply.header('retry-after', String(error.retryAfterSeconds))`, or `retryAfterOf(error)`.
 */
export class RateLimitedError extends AirlockError {
  readonly retryAfterSeconds: number;

  constructor(message: string, retryAfterSeconds: number) {
    super('RATE_LIMITED', message);
    this.retryAfterSeconds = retryAfterSeconds;
  }

  override toJSON(): { code: 'RATE_LIMITED'; message: string; retryAfterSeconds: number } {
    return { code: 'RATE_LIMITED', message: this.message, retryAfterSeconds: this.retryAfterSeconds };
  }
}

/** `retry-after` seconds for an error, when it has one. */
export function retryAfterOf(error: unknown): number | undefined {
  return error instanceof RateLimitedError ? error.retryAfterSeconds : undefined;
}

export interface RateCost {
  /** default 1 */
  requests?: number;
  /** request body bytes; default 0 */
  bytes?: number;
  /**
   * An estimate of the model tokens the request will use. Not taken here (the real count is
   * charged after the response with `charge`); the token budget must merely hold this many,
   * or at least one token when omitted, so a client in token debt waits.
   */
  tokens?: number;
}

export type Dimension = 'requests' | 'bytes' | 'tokens';

export interface RateLimitDecision {
  /** what is left in each budget after this request, for `x-ratelimit-remaining-*` headers */
  remaining: Record<Dimension, number>;
}

export interface RateLimiterOptions {
  store: RateLimitStore;
  limits: LimitsConfig;
  clock: Clock;
}

const MINUTE_MS = 60_000;
const PER_MINUTE: Record<Dimension, 'requestsPerMinute' | 'bytesPerMinute' | 'tokensPerMinute'> = {
  requests: 'requestsPerMinute',
  bytes: 'bytesPerMinute',
  tokens: 'tokensPerMinute',
};

/**
 * Per-client token buckets: each budget holds one minute's worth and refills continuously,
 * so a client may burst up to its per-minute limit and then goes at the steady rate. A draw
 * larger than a whole bucket goes ahead only when the bucket is full and leaves it in debt,
 * so a big request is slow, never impossible. Fails closed: a store error denies (INTERNAL).
 */
export class RateLimiter {
  readonly #store: RateLimitStore;
  readonly #limits: LimitsConfig;
  readonly #clock: Clock;

  constructor(options: RateLimiterOptions) {
    this.#store = options.store;
    this.#limits = options.limits;
    this.#clock = options.clock;
  }

  /** Takes one request and its bytes from the client's budgets, or throws RateLimitedError. */
  async check(client: string, cost: RateCost = {}): Promise<RateLimitDecision> {
    const requests = amount(cost.requests ?? 1, 'requests');
    const bytes = amount(cost.bytes ?? 0, 'bytes');
    const tokens = amount(cost.tokens ?? 1, 'tokens');
    const limits = this.#limits.forClient(client);
    const draws = [
      bucket('requests', limits, requests, requests),
      bucket('bytes', limits, bytes, bytes),
      bucket('tokens', limits, Math.max(1, tokens), 0),
    ];
    const result = await this.#draw(client, draws);
    const [requestsLeft = 0, bytesLeft = 0, tokensLeft = 0] = result.levels;
    if (!result.ok) {
      let waitMs = 0;
      let worst: string = draws[0]?.name ?? 'requests';
      draws.forEach((draw, i) => {
        const short = draw.need - (result.levels[i] ?? 0);
        const ms = short > 0 ? short / draw.refillPerMs : 0;
        if (ms > waitMs) [waitMs, worst] = [ms, draw.name];
      });
      const seconds = Math.max(1, Math.ceil(waitMs / 1000));
      throw new RateLimitedError(`rate limit exceeded: ${worst} per minute`, seconds);
    }
    return {
      remaining: {
        requests: Math.max(0, Math.floor(requestsLeft)),
        bytes: Math.max(0, Math.floor(bytesLeft)),
        tokens: Math.max(0, Math.floor(tokensLeft)),
      },
    };
  }

  /** Charges the model tokens a response used; may leave the budget in debt. Never throws RATE_LIMITED. */
  async charge(client: string, tokens: number): Promise<void> {
    const used = amount(tokens, 'tokens');
    if (used === 0) return;
    await this.#draw(client, [bucket('tokens', this.#limits.forClient(client), 0, used)]);
  }

  async #draw(client: string, draws: BucketDraw[]): Promise<{ ok: boolean; levels: number[] }> {
    try {
      return await this.#store.draw(client, draws, this.#clock.now());
    } catch (error) {
      throw asAirlockError(error, 'INTERNAL', 'rate limit store unavailable');
    }
  }
}

function bucket(name: Dimension, limits: ClientLimits, need: number, take: number): BucketDraw {
  const capacity = limits[PER_MINUTE[name]];
  return { name, capacity, refillPerMs: capacity / MINUTE_MS, need: Math.min(need, capacity), take };
}

function amount(value: number, what: Dimension): number {
  if (!Number.isSafeInteger(value) || value < 0) throw new AirlockError('INTERNAL', `rate limit ${what} must be a whole number ≥ 0`);
  return value;
}

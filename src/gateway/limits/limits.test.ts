import { describe, expect, it } from 'vitest';
import type { Clock } from '../../core/clock.js';
import { AirlockError } from '../../core/errors.js';
import { DEFAULT_CLIENT_LIMITS, compileLimits } from './config.js';
import { ConcurrencyLimiter } from './concurrency.js';
import { MemoryRateLimitStore, type RateLimitStore } from './rate-limit-store.js';
import { RateLimitedError, RateLimiter, retryAfterOf } from './rate-limiter.js';

function manualClock(start = 1_700_000_000_000): Clock & { advance(ms: number): void } {
  let t = start;
  return { now: () => t, advance: (ms) => void (t += ms) };
}

async function rejection(promise: Promise<unknown>): Promise<RateLimitedError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof RateLimitedError) return error;
    throw error;
  }
  throw new Error('expected RATE_LIMITED');
}

function limiter(limits: Record<string, unknown>, clock = manualClock(), store: RateLimitStore = new MemoryRateLimitStore()) {
  return { clock, rl: new RateLimiter({ store, clock, limits: compileLimits({ defaults: limits }) }) };
}

describe('compileLimits', () => {
  it('layers built-in defaults, configured defaults and per-client values', () => {
    const limits = compileLimits({ defaults: { requestsPerMinute: 100 }, clients: { 'crm-sync': { maxConcurrent: 2 } } });
    expect(limits.forClient('other')).toEqual({ ...DEFAULT_CLIENT_LIMITS, requestsPerMinute: 100 });
    expect(limits.forClient('crm-sync')).toEqual({ ...DEFAULT_CLIENT_LIMITS, requestsPerMinute: 100, maxConcurrent: 2 });
    expect(compileLimits().forClient('x')).toEqual(DEFAULT_CLIENT_LIMITS);
  });

  it.each([
    [{ defaults: { requestsPerMinute: 0 } }, /limits: defaults\.requestsPerMinute/],
    [{ defaults: { requestsPerMinut: 5 } }, /limits: defaults/],
    [{ clients: { a: { maxJsonDepth: 1.5 } } }, /limits: clients\.a\.maxJsonDepth/],
    [{ clients: { a: { totalTimeoutMs: 10, upstreamTimeoutMs: 20 } } }, /limits\.clients\.a: totalTimeoutMs/],
    [{ defaults: { maxBodyBytes: 10, bytesPerMinute: 5 } }, /bytesPerMinute must be at least maxBodyBytes/],
    ['yes', /limits: \(root\)/],
  ])('rejects %j naming the field', (raw, message) => {
    let error: unknown;
    try {
      compileLimits(raw);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(AirlockError);
    expect((error as AirlockError).code).toBe('CONFIG_INVALID');
    expect((error as AirlockError).message).toMatch(message);
  });
});

describe('RateLimiter', () => {
  it('allows a minute of requests at once, then the steady rate, with exact retry-after', async () => {
    const { rl, clock } = limiter({ requestsPerMinute: 60 });
    for (let i = 0; i < 60; i++) await rl.check('a');
    const error = await rejection(rl.check('a'));
    expect(error.code).toBe('RATE_LIMITED');
    expect(error.status).toBe(429);
    expect(error.retryAfterSeconds).toBe(1);
    expect(error.message).toBe('rate limit exceeded: requests per minute');
    expect(retryAfterOf(error)).toBe(1);
    // other clients have their own budget
    await expect(rl.check('b')).resolves.toMatchObject({ remaining: { requests: 59 } });
    clock.advance(999);
    await rejection(rl.check('a'));
    clock.advance(1);
    await expect(rl.check('a')).resolves.toMatchObject({ remaining: { requests: 0 } });
    // a minute of silence refills the whole budget and no more
    clock.advance(10 * 60_000);
    for (let i = 0; i < 60; i++) await rl.check('a');
    await rejection(rl.check('a'));
  });

  it('computes retry-after from the deficit of the scarcest budget', async () => {
    const { rl, clock } = limiter({ requestsPerMinute: 6 });
    for (let i = 0; i < 6; i++) await rl.check('a');
    expect((await rejection(rl.check('a'))).retryAfterSeconds).toBe(10);
    clock.advance(2_500);
    expect((await rejection(rl.check('a'))).retryAfterSeconds).toBe(8); // 7.5 s, rounded up
    clock.advance(7_500);
    await rl.check('a');
  });

  it('limits bytes per minute, letting one oversized draw through only from a full bucket', async () => {
    const { rl, clock } = limiter({ bytesPerMinute: 6_000, maxBodyBytes: 6_000 });
    await rl.check('a', { bytes: 5_000 });
    const error = await rejection(rl.check('a', { bytes: 2_000 }));
    expect(error.message).toMatch(/bytes per minute/);
    expect(error.retryAfterSeconds).toBe(10); // 1000 bytes at 100 bytes/s
    clock.advance(10_000);
    await expect(rl.check('a', { bytes: 2_000 })).resolves.toMatchObject({ remaining: { bytes: 0 } });
  });

  it('charges tokens after the response and makes a client in debt wait', async () => {
    const { rl, clock } = limiter({ tokensPerMinute: 600 });
    await rl.check('a', { tokens: 500 });
    await rl.charge('a', 1_200); // the answer was longer than the budget: debt of 600
    const error = await rejection(rl.check('a'));
    expect(error.message).toMatch(/tokens per minute/);
    expect(error.retryAfterSeconds).toBe(61); // back to 1 token at 10 tokens/s
    clock.advance(60_000);
    await rejection(rl.check('a'));
    clock.advance(100);
    await rl.check('a');
    // an estimate above what is left waits for it; the estimate is not taken
    await rl.charge('a', 0);
    expect((await rejection(rl.check('a', { tokens: 300 }))).retryAfterSeconds).toBe(30);
    clock.advance(30_000);
    await expect(rl.check('a', { tokens: 300 })).resolves.toMatchObject({ remaining: { tokens: 301 } });
  });

  it('takes all budgets or none', async () => {
    const { rl } = limiter({ requestsPerMinute: 10, bytesPerMinute: 1000, maxBodyBytes: 1000 });
    await rl.check('a', { bytes: 1000 });
    for (let i = 0; i < 5; i++) await rejection(rl.check('a', { bytes: 1 }));
    await expect(rl.check('a')).resolves.toMatchObject({ remaining: { requests: 8 } });
  });

  it('does not refill when the clock steps back, and rejects bad amounts', async () => {
    const { rl, clock } = limiter({ requestsPerMinute: 1 });
    await rl.check('a');
    clock.advance(-3_600_000);
    await rejection(rl.check('a'));
    clock.advance(3_600_000);
    await rejection(rl.check('a')); // back where it was: no time has passed for the bucket
    clock.advance(60_000);
    await rl.check('a');
    await expect(rl.check('a', { bytes: -1 })).rejects.toMatchObject({ code: 'INTERNAL' });
    await expect(rl.charge('a', 1.5)).rejects.toMatchObject({ code: 'INTERNAL' });
  });

  it('fails closed when the store fails', async () => {
    const broken: RateLimitStore = { draw: () => Promise.reject(new Error('connection refused')) };
    const { rl } = limiter({}, manualClock(), broken);
    await expect(rl.check('a')).rejects.toMatchObject({ code: 'INTERNAL', message: 'rate limit store unavailable' });
  });

  it('drops full buckets when the store grows large', async () => {
    const store = new MemoryRateLimitStore({ maxBuckets: 30 });
    const { rl, clock } = limiter({}, manualClock(), store);
    for (let i = 0; i < 10; i++) await rl.check(`c${i}`);
    expect(store.size).toBe(30);
    clock.advance(60_000);
    await rl.check('late');
    expect(store.size).toBe(1); // only the request bucket of 'late' is not full
  });
});

describe('ConcurrencyLimiter', () => {
  it('caps requests in flight per client; release is idempotent', () => {
    const cl = new ConcurrencyLimiter({ limits: compileLimits({ defaults: { maxConcurrent: 2 } }) });
    const r1 = cl.acquire('a');
    const r2 = cl.acquire('a');
    const error = (() => {
      try {
        cl.acquire('a');
      } catch (e) {
        return e;
      }
      return undefined;
    })();
    expect(error).toBeInstanceOf(RateLimitedError);
    expect((error as RateLimitedError).retryAfterSeconds).toBe(1);
    expect(cl.inFlight('a')).toBe(2);
    const other = cl.acquire('b');
    r1();
    r1();
    expect(cl.inFlight('a')).toBe(1);
    const r3 = cl.acquire('a');
    expect(() => cl.acquire('a')).toThrow(RateLimitedError);
    r2();
    r3();
    other();
    expect([cl.inFlight('a'), cl.inFlight('b')]).toEqual([0, 0]);
  });
});

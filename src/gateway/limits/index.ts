export { DEFAULT_CLIENT_LIMITS, compileLimits, type ClientLimits, type LimitsConfig, type PartialClientLimits } from './config.js';
export { ConcurrencyLimiter, type Release } from './concurrency.js';
export { checkJsonBody, type JsonGuardOptions } from './json-guard.js';
export { MemoryRateLimitStore, type BucketDraw, type DrawResult, type MemoryRateLimitStoreOptions, type RateLimitStore } from './rate-limit-store.js';
export {
  RateLimitedError,
  RateLimiter,
  retryAfterOf,
  type Dimension,
  type RateCost,
  type RateLimitDecision,
  type RateLimiterOptions,
} from './rate-limiter.js';

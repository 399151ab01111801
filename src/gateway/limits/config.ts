import { z } from 'zod';
import { AirlockError } from '../../core/errors.js';

/** What one client may do. Per-minute budgets refill continuously (token buckets). */
export interface ClientLimits {
  requestsPerMinute: number;
  /** model tokens (prompt + completion), charged after each response */
  tokensPerMinute: number;
  /** request body bytes */
  bytesPerMinute: number;
  /** requests in flight at once, per gateway instance */
  maxConcurrent: number;
  maxBodyBytes: number;
  maxJsonDepth: number;
  /** one upstream call, connect to last byte */
  upstreamTimeoutMs: number;
  /** the whole request through Airlock, detection to last byte out */
  totalTimeoutMs: number;
}

/**
 * Defaults for a CRM integration talking to a possibly slow, self-hosted model: generous on
 * size (records with long text fields), strict on depth (nothing legitimate nests 64 deep).
 */
export const DEFAULT_CLIENT_LIMITS: Readonly<ClientLimits> = Object.freeze({
  requestsPerMinute: 600,
  tokensPerMinute: 200_000,
  bytesPerMinute: 64 * 1024 * 1024,
  maxConcurrent: 32,
  maxBodyBytes: 4 * 1024 * 1024,
  maxJsonDepth: 64,
  upstreamTimeoutMs: 120_000,
  totalTimeoutMs: 180_000,
});

const positive = z.number().int().positive().max(Number.MAX_SAFE_INTEGER);
const partialLimitsSchema = z
  .object({
    requestsPerMinute: positive,
    tokensPerMinute: positive,
    bytesPerMinute: positive,
    maxConcurrent: positive,
    maxBodyBytes: positive,
    maxJsonDepth: z.number().int().min(1).max(10_000),
    upstreamTimeoutMs: positive,
    totalTimeoutMs: positive,
  })
  .partial()
  .strict();

const limitsConfigSchema = z
  .object({
    defaults: partialLimitsSchema.optional(),
    clients: z.record(z.string(), partialLimitsSchema).optional(),
  })
  .strict();

export type PartialClientLimits = z.infer<typeof partialLimitsSchema>;

/** Resolves the limits of a client: built-in defaults < configured defaults < the client's own. */
export interface LimitsConfig {
  forClient(client: string): ClientLimits;
}

/**
 * Validates a limits section once at start-up (`{ defaults?: {...}, clients?: { NAME: {...} } }`)
 * and throws CONFIG_INVALID naming the offending field.
 */
export function compileLimits(raw: unknown = {}): LimitsConfig {
  const parsed = limitsConfigSchema.safeParse(raw);
  if (!parsed.success) {
    const where = parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ');
    throw new AirlockError('CONFIG_INVALID', `limits: ${where}`);
  }
  const defaults = complete(merge(DEFAULT_CLIENT_LIMITS, parsed.data.defaults), 'limits.defaults');
  const clients = new Map<string, ClientLimits>();
  for (const [client, own] of Object.entries(parsed.data.clients ?? {})) {
    clients.set(client, complete(merge(defaults, own), `limits.clients.${client}`));
  }
  return { forClient: (client) => clients.get(client) ?? defaults };
}

function merge(base: Readonly<ClientLimits>, over: PartialClientLimits | undefined): ClientLimits {
  const out: ClientLimits = { ...base };
  for (const [name, value] of Object.entries(over ?? {}) as Array<[keyof ClientLimits, number | undefined]>) {
    if (value !== undefined) out[name] = value;
  }
  return out;
}

function complete(limits: ClientLimits, where: string): ClientLimits {
  if (limits.totalTimeoutMs < limits.upstreamTimeoutMs) {
    throw new AirlockError('CONFIG_INVALID', `${where}: totalTimeoutMs must be at least upstreamTimeoutMs`);
  }
  if (limits.bytesPerMinute < limits.maxBodyBytes) {
    // Otherwise a largest allowed body could never fit in the byte budget.
    throw new AirlockError('CONFIG_INVALID', `${where}: bytesPerMinute must be at least maxBodyBytes`);
  }
  return Object.freeze(limits);
}

import { Pool } from 'undici';
import { AirlockError } from '../core/errors.js';
import type { Endpoint } from '../policy/endpoints.js';

/**
 * The HTTP side shared by the HTTP providers: one keep-alive undici Pool per origin, reused
 * across calls; deadlines; and error mapping. Messages name the endpoint and at most an HTTP
 * status — never the upstream's body, never the request.
 */

/** A non-2xx answer. The status is kept for failover and metrics; the body is discarded. */
export class UpstreamHttpError extends AirlockError {
  readonly upstreamStatus: number;
  /** seconds, when the upstream sent a numeric `retry-after` */
  readonly retryAfter: number | undefined;

  constructor(endpointId: string, upstreamStatus: number, retryAfter: number | undefined) {
    super('UPSTREAM_UNAVAILABLE', `endpoint "${endpointId}": upstream answered HTTP ${upstreamStatus}`);
    this.name = 'UpstreamHttpError';
    this.upstreamStatus = upstreamStatus;
    this.retryAfter = retryAfter;
  }
}

export interface UpstreamRequest {
  endpoint: Endpoint;
  method: 'GET' | 'POST';
  url: URL;
  headers: Record<string, string>;
  body?: string;
  timeoutMs: number;
  signal?: AbortSignal | undefined;
}

export interface UpstreamClientOptions {
  /** sockets per origin (default 64) */
  connections?: number;
  /** idle keep-alive, ms (default 30 s) */
  keepAliveTimeoutMs?: number;
  /** largest whole (non-streamed) answer accepted, bytes (default 32 MiB) */
  maxResponseBytes?: number;
}

/**
 * Aborts a request when the caller's signal fires or when the deadline passes, and
 * remembers which of the two it was.
 */
class Deadline {
  readonly controller = new AbortController();
  timedOut = false;
  private timer: NodeJS.Timeout | undefined;
  private readonly onCallerAbort = (): void => this.controller.abort();

  constructor(
    private readonly ms: number,
    private readonly caller: AbortSignal | undefined,
  ) {
    if (caller?.aborted) this.controller.abort();
    else caller?.addEventListener('abort', this.onCallerAbort, { once: true });
    this.arm();
  }

  get callerAborted(): boolean {
    return this.caller?.aborted === true;
  }

  /** (re)starts the countdown: streams re-arm on every chunk, so it bounds silence */
  arm(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timedOut = true;
      this.controller.abort();
    }, this.ms);
    this.timer.unref?.();
  }

  pause(): void {
    clearTimeout(this.timer);
  }

  clear(): void {
    clearTimeout(this.timer);
    this.caller?.removeEventListener('abort', this.onCallerAbort);
  }
}

export class UpstreamClient {
  private readonly pools = new Map<string, Pool>();
  private readonly connections: number;
  private readonly keepAliveTimeoutMs: number;
  private readonly maxResponseBytes: number;
  private closed = false;

  constructor(options: UpstreamClientOptions = {}) {
    this.connections = options.connections ?? 64;
    this.keepAliveTimeoutMs = options.keepAliveTimeoutMs ?? 30_000;
    this.maxResponseBytes = options.maxResponseBytes ?? 32 * 1024 * 1024;
  }

  private pool(origin: string): Pool {
    if (this.closed) throw new AirlockError('UPSTREAM_UNAVAILABLE', 'the provider is closed');
    let pool = this.pools.get(origin);
    if (!pool) {
      pool = new Pool(origin, { connections: this.connections, keepAliveTimeout: this.keepAliveTimeoutMs, pipelining: 1 });
      this.pools.set(origin, pool);
    }
    return pool;
  }

  /** Sends the request and returns the parsed JSON answer; the deadline covers headers and body. */
  async json(req: UpstreamRequest): Promise<unknown> {
    const deadline = new Deadline(req.timeoutMs, req.signal);
    try {
      const body = await this.open(req, deadline);
      const parts: Buffer[] = [];
      let size = 0;
      for await (const part of body) {
        const buf = part as Buffer;
        size += buf.length;
        if (size > this.maxResponseBytes) {
          body.destroy();
          throw new AirlockError('UPSTREAM_UNAVAILABLE', `endpoint "${req.endpoint.id}": upstream answer exceeds ${this.maxResponseBytes} bytes`);
        }
        parts.push(buf);
      }
      return parseUpstreamJson(Buffer.concat(parts).toString('utf8'), req.endpoint.id);
    } catch (error) {
      throw mapFailure(error, req.endpoint.id, deadline);
    } finally {
      deadline.clear();
    }
  }

  /**
   * Sends the request and yields the body as it arrives. The deadline bounds the wait for
   * the headers and then each silence between chunks (a stream's length depends on the
   * answer's, so a total deadline belongs to the caller). Leaving the loop early releases
   * the connection.
   */
  async *stream(req: UpstreamRequest): AsyncGenerator<Uint8Array, void, undefined> {
    const deadline = new Deadline(req.timeoutMs, req.signal);
    let body: Awaited<ReturnType<UpstreamClient['open']>> | undefined;
    try {
      body = await this.open(req, deadline, true);
      deadline.arm();
      for await (const part of body) {
        // The clock stops while the consumer holds the chunk: a slow reader is not a slow upstream.
        deadline.pause();
        yield part as Uint8Array;
        deadline.arm();
      }
    } catch (error) {
      throw mapFailure(error, req.endpoint.id, deadline);
    } finally {
      deadline.clear();
      if (body && !body.destroyed) body.destroy();
    }
  }

  private async open(req: UpstreamRequest, deadline: Deadline, streaming = false) {
    if (deadline.controller.signal.aborted) throw deadline.controller.signal.reason;
    const { statusCode, headers, body } = await this.pool(req.url.origin).request({
      path: req.url.pathname + req.url.search,
      method: req.method,
      headers: req.headers,
      body: req.body ?? null,
      signal: deadline.controller.signal,
      // undici's own timers as a backstop; ours decide first and say which it was.
      headersTimeout: req.timeoutMs + 1000,
      bodyTimeout: streaming ? 0 : req.timeoutMs + 1000,
    });
    if (statusCode < 200 || statusCode > 299) {
      await body.dump().catch(() => undefined);
      const retry = headers['retry-after'];
      const seconds = typeof retry === 'string' && /^\d+$/.test(retry) ? Number(retry) : undefined;
      throw new UpstreamHttpError(req.endpoint.id, statusCode, seconds);
    }
    return body;
  }

  async close(): Promise<void> {
    this.closed = true;
    const pools = [...this.pools.values()];
    this.pools.clear();
    // Graceful first; a stream stuck on a silent upstream must not hold shutdown for ever.
    await Promise.all(
      pools.map(async (pool) => {
        let timer: NodeJS.Timeout | undefined;
        const grace = new Promise<'late'>((resolve) => (timer = setTimeout(() => resolve('late'), 2_000)));
        const outcome = await Promise.race([pool.close().then(() => 'closed' as const, () => 'late' as const), grace]);
        clearTimeout(timer);
        if (outcome === 'late') await pool.destroy().catch(() => undefined);
      }),
    );
  }
}

export function parseUpstreamJson(text: string, endpointId: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new AirlockError('UPSTREAM_UNAVAILABLE', `endpoint "${endpointId}": upstream sent malformed JSON`, { cause: error });
  }
}

const TIMEOUT_CODES = new Set(['UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT', 'UND_ERR_CONNECT_TIMEOUT', 'ETIMEDOUT']);

function mapFailure(error: unknown, endpointId: string, deadline: Deadline): AirlockError {
  if (deadline.timedOut) return new AirlockError('UPSTREAM_TIMEOUT', `endpoint "${endpointId}": upstream did not answer in time`, { cause: error });
  if (deadline.callerAborted) return abortedError(endpointId, error);
  if (error instanceof AirlockError) return error;
  const code = errorCode(error);
  if (code && TIMEOUT_CODES.has(code)) return new AirlockError('UPSTREAM_TIMEOUT', `endpoint "${endpointId}": upstream did not answer in time`, { cause: error });
  const what = code && /^[A-Z_]{2,40}$/.test(code) ? ` (${code})` : '';
  return new AirlockError('UPSTREAM_UNAVAILABLE', `endpoint "${endpointId}": upstream unreachable${what}`, { cause: error });
}

export function abortedError(endpointId: string, cause?: unknown): AirlockError {
  return new AirlockError('UPSTREAM_UNAVAILABLE', `endpoint "${endpointId}": the call was aborted`, { cause });
}

function errorCode(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string') return code;
  return errorCode((error as { cause?: unknown }).cause);
}

/** Reads an API key from the environment variable named by the endpoint's `apiKeyEnv` option. */
export function apiKeyFrom(endpoint: Endpoint, envName: string | undefined, env: NodeJS.ProcessEnv): string | undefined {
  if (!envName) return undefined;
  const value = env[envName];
  if (!value) {
    throw new AirlockError('CONFIG_INVALID', `endpoint "${endpoint.id}": environment variable ${envName} (options.apiKeyEnv) is not set`);
  }
  return value;
}

/** Static headers plus headers whose values come from environment variables. */
export function extraHeaders(endpoint: Endpoint, headers: Record<string, string> | undefined, fromEnv: Record<string, string> | undefined, env: NodeJS.ProcessEnv): Record<string, string> {
  const out: Record<string, string> = { ...headers };
  for (const [name, variable] of Object.entries(fromEnv ?? {})) {
    const value = env[variable];
    if (!value) throw new AirlockError('CONFIG_INVALID', `endpoint "${endpoint.id}": environment variable ${variable} (options.headersFromEnv.${name}) is not set`);
    out[name] = value;
  }
  return out;
}

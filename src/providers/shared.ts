import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { AirlockError } from '../core/errors.js';
import type { Endpoint } from '../policy/endpoints.js';
import type { ChatMessage } from './types.js';

/** What every provider factory may be handed; tests inject the environment, clock and ids. */
export interface ProviderDeps {
  /** where `apiKeyEnv` and `headersFromEnv` are read (default process.env) */
  env?: NodeJS.ProcessEnv;
  /** ms since the epoch (default Date.now) */
  now?: () => number;
  /** a fresh opaque id for completions the provider has to name itself */
  randomId?: () => string;
}

export interface ResolvedDeps {
  env: NodeJS.ProcessEnv;
  now: () => number;
  randomId: () => string;
}

export function resolveDeps(deps: ProviderDeps = {}): ResolvedDeps {
  return {
    env: deps.env ?? process.env,
    now: deps.now ?? Date.now,
    randomId: deps.randomId ?? (() => randomBytes(12).toString('base64url')),
  };
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Parses an endpoint's `options` once per endpoint object and fails naming the endpoint and
 * the option, never the value.
 */
export function optionsParser<T>(schema: z.ZodType<T>): (endpoint: Endpoint) => T {
  const cache = new WeakMap<Endpoint, T>();
  return (endpoint) => {
    const hit = cache.get(endpoint);
    if (hit !== undefined) return hit;
    const parsed = schema.safeParse(endpoint.options ?? {});
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const where = issue && issue.path.length > 0 ? `options.${issue.path.join('.')}` : 'options';
      throw new AirlockError('CONFIG_INVALID', `endpoint "${endpoint.id}": ${where} is invalid${issue ? ` (${issue.message})` : ''}`);
    }
    cache.set(endpoint, parsed.data);
    return parsed.data;
  };
}

/** The text of a message's content; non-text parts are left out. */
export function messageText(content: ChatMessage['content']): string {
  if (content === null) return '';
  if (typeof content === 'string') return content;
  return content
    .map((part) => (part.type === 'text' && typeof part.text === 'string' ? part.text : ''))
    .filter((text) => text !== '')
    .join('\n');
}

export function requireUrl(endpoint: Endpoint): string {
  if (!endpoint.url) throw new AirlockError('CONFIG_INVALID', `endpoint "${endpoint.id}": url is required for kind ${endpoint.kind}`);
  return endpoint.url;
}

/** Seconds, as OpenAI's `created`. */
export function unixSeconds(now: () => number): number {
  return Math.floor(now() / 1000);
}

/** Joins the configured base URL and an API path; a base already ending in `/v1` is accepted too. */
export function apiUrl(base: string, path: string): URL {
  const url = new URL(base);
  const [pathname = '', query] = path.split('?', 2);
  url.pathname = url.pathname.replace(/\/+$/, '').replace(/\/v1$/, '') + pathname;
  if (query !== undefined) url.search = query;
  return url;
}

/** Builds the stream on first pull, so that set-up failures surface where stream failures do. */
export async function* deferred<T>(make: () => AsyncIterable<T>): AsyncGenerator<T, void, undefined> {
  yield* make();
}

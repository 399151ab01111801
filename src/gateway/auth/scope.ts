import { AirlockError } from '../../core/errors.js';

export const ENVIRONMENTS = ['prod', 'sandbox', 'dev'] as const;
export type Environment = (typeof ENVIRONMENTS)[number];

/**
 * Who is calling, as established by an API key or a token. `routes` and `models` are scope
 * patterns: an exact name, or a prefix ending in `*` (`llama3*`); `['*']` means any.
 */
export interface Principal {
  keyId: string;
  client: string;
  environment: Environment;
  routes: readonly string[];
  models: readonly string[];
  /** ms since the epoch; null when the credential never expires */
  expiresAt: number | null;
  /** how the caller proved itself; only API keys may obtain tokens */
  credential: 'api-key' | 'token';
}

export interface Scope {
  routes: readonly string[];
  models: readonly string[];
}

export const ANY: readonly string[] = Object.freeze(['*']);

/** Model names such as `llama3.1:8b` or `meta-llama/Llama-3.1-8B`, routes such as `/v1/chat/completions`. */
const SCOPE_PATTERN = /^(?:[A-Za-z0-9._:/@+-]{1,200}\*?|\*)$/;
const CLIENT_NAME = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/;
const MAX_SCOPE_ITEMS = 100;
const MAX_SCOPE_TEXT = 4096;

export function isEnvironment(value: unknown): value is Environment {
  return typeof value === 'string' && (ENVIRONMENTS as readonly string[]).includes(value);
}

export function assertClientName(client: string): void {
  if (!CLIENT_NAME.test(client)) {
    throw new AirlockError('INPUT_INVALID', 'client name must be 1-64 characters of [A-Za-z0-9_.-], starting with a letter or digit');
  }
}

/** Validates a list of scope patterns; duplicates go, and a list holding `*` becomes `['*']`. */
export function normalizeScopeList(list: readonly string[], what: 'routes' | 'models'): readonly string[] {
  if (list.length === 0) throw new AirlockError('INPUT_INVALID', `${what} scope must not be empty (omit it to allow any)`);
  if (list.length > MAX_SCOPE_ITEMS) throw new AirlockError('INPUT_INVALID', `${what} scope has more than ${MAX_SCOPE_ITEMS} entries`);
  for (const item of list) {
    if (!SCOPE_PATTERN.test(item)) {
      throw new AirlockError('INPUT_INVALID', `${what} scope entries must be names of [A-Za-z0-9._:/@+-], optionally ending in *`);
    }
  }
  if (list.includes('*')) return ANY;
  return Object.freeze([...new Set(list)]);
}

/** Whether `pattern` allows `value` (a name, or a narrower pattern). */
export function covers(pattern: string, value: string): boolean {
  if (pattern === value) return true;
  return pattern.endsWith('*') && value.startsWith(pattern.slice(0, -1));
}

export function allows(patterns: readonly string[], value: string): boolean {
  return patterns.some((p) => covers(p, value));
}

/** Whether the principal may use `model`; for filtering `GET /v1/models`. */
export function allowsModel(principal: Pick<Principal, 'models'>, model: string): boolean {
  return allows(principal.models, model);
}

/**
 * The scope a token gets: what was asked for, which must lie inside what the key allows.
 * Asking for anything the key lacks is refused rather than silently intersected.
 */
export function narrowScope(granted: Scope, requested: Partial<Scope> | undefined): Scope {
  const narrow = (what: 'routes' | 'models'): readonly string[] => {
    const wanted = requested?.[what];
    if (wanted === undefined) return granted[what];
    const list = normalizeScopeList(wanted, what);
    for (const item of list) {
      if (!allows(granted[what], item)) {
        throw new AirlockError('AUTH_INVALID', `requested ${what} scope exceeds the API key's scope`);
      }
    }
    return list;
  };
  return { routes: narrow('routes'), models: narrow('models') };
}

/**
 * Refuses a request outside the principal's scope. `route` is the gateway's route path
 * (`/v1/chat/completions`, no query string); `model` the model name as the client sent it.
 */
export function authorize(principal: Principal, request: { route: string; model?: string }): void {
  if (!allows(principal.routes, request.route)) {
    throw new AirlockError('AUTH_INVALID', 'this route is outside the client scope');
  }
  if (request.model !== undefined && !allows(principal.models, request.model)) {
    throw new AirlockError('AUTH_INVALID', 'this model is outside the client scope');
  }
}

/** OAuth-style scope text: `models:a,b routes:/v1/chat/completions` (either part optional). */
export function parseScopeText(text: string): Partial<Scope> {
  if (text.length > MAX_SCOPE_TEXT) throw new AirlockError('INPUT_INVALID', 'scope is too long');
  const out: { routes?: string[]; models?: string[] } = {};
  for (const part of text.split(/\s+/)) {
    if (part === '') continue;
    const m = /^(models|routes):(.*)$/.exec(part);
    const what = m?.[1] as 'routes' | 'models' | undefined;
    if (what === undefined) throw new AirlockError('INPUT_INVALID', 'scope entries must be models:<list> or routes:<list>');
    const items = (m?.[2] ?? '').split(',');
    if (items.some((i) => i === '')) throw new AirlockError('INPUT_INVALID', `scope ${what} list has an empty entry`);
    out[what] = [...(out[what] ?? []), ...items];
  }
  return out;
}

export function formatScope(scope: Scope): string {
  return `models:${scope.models.join(',')} routes:${scope.routes.join(',')}`;
}

export function describeScope(scope: Scope): string {
  const part = (list: readonly string[]): string => (list.length === 1 && list[0] === '*' ? 'any' : list.join(','));
  return `routes=${part(scope.routes)} models=${part(scope.models)}`;
}

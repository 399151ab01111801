import { AirlockError } from '../../core/errors.js';
import { looksLikeApiKey, type ApiKeyStore } from './api-keys.js';
import { formatScope, parseScopeText, type Principal } from './scope.js';
import type { TokenService } from './tokens.js';

/** Header values as Node gives them (lower-case names); any case is accepted here. */
export type RequestHeaders = Readonly<Record<string, string | readonly string[] | undefined>>;

export interface TokenResponse {
  access_token: string;
  token_type: 'Bearer';
  expires_in: number;
  scope: string;
}

export interface ClientAuth {
  /** `Bearer <api key>` or `Bearer <token>` → the caller, or AUTH_INVALID. */
  authenticate(authorization: string | undefined): Promise<Principal>;
  /**
   * `POST /v1/auth/token`, client credentials grant. `body` is the parsed JSON object, a
   * parsed form, or the raw `application/x-www-form-urlencoded` text.
   */
  handleTokenRequest(body: unknown, headers: RequestHeaders): Promise<TokenResponse>;
}

export interface ClientAuthOptions {
  keys: ApiKeyStore;
  tokens: TokenService;
}

const MAX_HEADER = 8192;

export function createClientAuth({ keys, tokens }: ClientAuthOptions): ClientAuth {
  return {
    async authenticate(authorization) {
      const credential = bearer(authorization);
      return looksLikeApiKey(credential) ? keys.verify(credential) : tokens.verifyToken(credential);
    },

    async handleTokenRequest(body, headers) {
      const form = formOf(body);
      if (form['grant_type'] !== 'client_credentials') {
        throw new AirlockError('INPUT_INVALID', 'grant_type must be client_credentials');
      }
      const basic = basicCredentials(header(headers, 'authorization'));
      const bodySecret = form['client_secret'];
      // RFC 6749 §2.3: a client uses one authentication method per request.
      if (basic !== undefined && bodySecret !== undefined) {
        throw new AirlockError('AUTH_INVALID', 'send client credentials either in the body or in Basic auth, not both');
      }
      const secret = basic?.secret ?? bodySecret;
      const clientId = basic?.id ?? form['client_id'];
      if (secret === undefined || secret === '') throw new AirlockError('AUTH_INVALID', 'missing client credentials');
      const principal = keys.verify(secret);
      if (clientId !== undefined && clientId !== '' && clientId !== principal.client) {
        throw new AirlockError('AUTH_INVALID', 'client_id does not match the API key');
      }
      const scopeText = form['scope'];
      const issued = await tokens.issueToken(principal, scopeText === undefined ? {} : { scope: parseScopeText(scopeText) });
      return {
        access_token: issued.token,
        token_type: 'Bearer',
        expires_in: issued.expiresIn,
        scope: formatScope(issued.principal),
      };
    },
  };
}

function bearer(authorization: string | undefined): string {
  if (authorization === undefined || authorization === '') throw new AirlockError('AUTH_INVALID', 'missing Authorization header');
  if (authorization.length > MAX_HEADER) throw new AirlockError('AUTH_INVALID', 'malformed Authorization header');
  const m = /^Bearer +(\S+) *$/i.exec(authorization);
  const credential = m?.[1];
  if (credential === undefined) throw new AirlockError('AUTH_INVALID', 'Authorization must be "Bearer <API key or token>"');
  return credential;
}

function basicCredentials(authorization: string | undefined): { id: string; secret: string } | undefined {
  if (authorization === undefined) return undefined;
  const m = authorization.length <= MAX_HEADER ? /^Basic +([A-Za-z0-9+/]+={0,2}) *$/i.exec(authorization) : null;
  const encoded = m?.[1];
  if (encoded === undefined) throw new AirlockError('AUTH_INVALID', 'Authorization must be "Basic <base64(client_id:client_secret)>"');
  const decoded = Buffer.from(encoded, 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 0) throw new AirlockError('AUTH_INVALID', 'malformed Basic credentials');
  // RFC 6749 §2.3.1: both parts are form-urlencoded before base64.
  try {
    return {
      id: decodeURIComponent(decoded.slice(0, colon).replace(/\+/g, ' ')),
      secret: decodeURIComponent(decoded.slice(colon + 1).replace(/\+/g, ' ')),
    };
  } catch {
    throw new AirlockError('AUTH_INVALID', 'malformed Basic credentials');
  }
}

function header(headers: RequestHeaders, name: string): string | undefined {
  for (const [key, value] of Object.entries(headers)) {
    if (key.toLowerCase() !== name) continue;
    if (typeof value === 'string') return value;
    if (value !== undefined) throw new AirlockError('AUTH_INVALID', `more than one ${name} header`);
  }
  return undefined;
}

const FORM_FIELDS = ['grant_type', 'client_id', 'client_secret', 'scope'] as const;
type TokenForm = Partial<Record<(typeof FORM_FIELDS)[number], string>>;

function formOf(body: unknown): TokenForm {
  let source: Record<string, unknown>;
  if (typeof body === 'string') {
    source = Object.fromEntries(new URLSearchParams(body));
  } else if (typeof body === 'object' && body !== null && !Array.isArray(body)) {
    source = body as Record<string, unknown>;
  } else {
    throw new AirlockError('INPUT_INVALID', 'token request body must be a JSON object or a form');
  }
  const form: TokenForm = {};
  for (const field of FORM_FIELDS) {
    const value = Object.hasOwn(source, field) ? source[field] : undefined;
    if (value === undefined) continue;
    if (typeof value !== 'string') throw new AirlockError('INPUT_INVALID', `${field} must be a string`);
    form[field] = value;
  }
  return form;
}

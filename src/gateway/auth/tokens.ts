import { createHash, webcrypto } from 'node:crypto';
import { SignJWT, decodeProtectedHeader, errors as joseErrors, jwtVerify, type CryptoKey as JoseCryptoKey } from 'jose';
import { z } from 'zod';
import type { Clock, Random } from '../../core/clock.js';
import { AirlockError } from '../../core/errors.js';
import type { Keyring } from '../../keys/keyring.js';
import type { ApiKeyStore } from './api-keys.js';
import { ENVIRONMENTS, allows, narrowScope, normalizeScopeList, type Environment, type Principal, type Scope } from './scope.js';

/**
 * Short-lived access tokens: HS256 JWTs signed with `keyring.subkey('jwt', kid)`, the keyring
 * key id in the header, so tokens signed before a `keys rotate` still verify (older keys stay
 * in the keyring). At most 15 minutes, scope only ever narrower than the API key's, and the
 * key is looked up on every verification, so revoking a key also ends its tokens at once.
 * Verification costs ~150 µs the first time a token is seen (WebCrypto HMAC) and a few µs after.
 */

export const MAX_TOKEN_TTL_SECONDS = 900;
export const TOKEN_TYPE = 'at+jwt';
const SUBKEY_PURPOSE = 'jwt';
const ALG = 'HS256';
const MAX_TOKEN_LENGTH = 8192;
const JWT_SHAPE = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/;
/** Tolerated clock skew between gateway instances, for `iat` only; `exp` is strict. */
const IAT_SKEW_SECONDS = 5;
const VERIFIED_CACHE_SIZE = 10_000;

export interface TokenServiceOptions {
  keyring: Keyring;
  keys: ApiKeyStore;
  clock: Clock;
  random: Random;
  issuer?: string;
  audience?: string;
}

export interface IssueTokenOptions {
  /** must lie inside the principal's scope; the principal's scope when omitted */
  scope?: Partial<Scope>;
  /** 1..900, default 900; shortened further so the token never outlives its API key */
  ttlSeconds?: number;
}

export interface IssuedToken {
  token: string;
  /** seconds until expiry */
  expiresIn: number;
  /** what the token holder will be */
  principal: Principal;
}

/** Claims of a token whose signature, issuer, audience, type and lifetime have been checked. */
interface VerifiedClaims {
  sub: string;
  akid: string;
  env: Environment;
  exp: number;
  routes: readonly string[];
  models: readonly string[];
}

const claimsSchema = z.object({
  sub: z.string(),
  akid: z.string(),
  env: z.enum(ENVIRONMENTS),
  routes: z.array(z.string()),
  models: z.array(z.string()),
  iat: z.number().int(),
  exp: z.number().int(),
});

export class TokenService {
  readonly #keyring: Keyring;
  readonly #keys: ApiKeyStore;
  readonly #clock: Clock;
  readonly #random: Random;
  readonly #issuer: string;
  readonly #audience: string;
  readonly #cryptoKeys = new Map<string, Promise<JoseCryptoKey>>();
  readonly #verified = new Map<string, VerifiedClaims>();

  constructor(options: TokenServiceOptions) {
    this.#keyring = options.keyring;
    this.#keys = options.keys;
    this.#clock = options.clock;
    this.#random = options.random;
    this.#issuer = options.issuer ?? 'airlock';
    this.#audience = options.audience ?? 'airlock-gateway';
  }

  async issueToken(principal: Principal, options: IssueTokenOptions = {}): Promise<IssuedToken> {
    // Tokens never mint tokens: a token's lifetime must trace back to one API key check.
    if (principal.credential !== 'api-key') throw new AirlockError('AUTH_INVALID', 'tokens are issued for API keys only');
    const ttl = options.ttlSeconds ?? MAX_TOKEN_TTL_SECONDS;
    if (!Number.isInteger(ttl) || ttl < 1 || ttl > MAX_TOKEN_TTL_SECONDS) {
      throw new AirlockError('INPUT_INVALID', `token lifetime must be 1-${MAX_TOKEN_TTL_SECONDS} seconds`);
    }
    const scope = narrowScope(principal, options.scope);
    const iat = Math.floor(this.#clock.now() / 1000);
    const keyExp = principal.expiresAt === null ? Infinity : Math.floor(principal.expiresAt / 1000);
    const exp = Math.min(iat + ttl, keyExp);
    if (exp <= iat) throw new AirlockError('AUTH_INVALID', 'API key expires too soon to issue a token');

    const kid = this.#keyring.activeKeyId;
    const token = await new SignJWT({
      akid: principal.keyId,
      env: principal.environment,
      routes: [...scope.routes],
      models: [...scope.models],
    })
      .setProtectedHeader({ alg: ALG, typ: TOKEN_TYPE, kid })
      .setIssuer(this.#issuer)
      .setAudience(this.#audience)
      .setSubject(principal.client)
      .setJti(this.#random.bytes(16).toString('base64url'))
      .setIssuedAt(iat)
      .setExpirationTime(exp)
      .sign(await this.#cryptoKey(kid));
    return {
      token,
      expiresIn: exp - iat,
      principal: { ...principal, ...scope, expiresAt: exp * 1000, credential: 'token' },
    };
  }

  /** The principal a token stands for, or AUTH_INVALID (expired, tampered, unknown kid, `alg: none`…). */
  async verifyToken(jwt: string): Promise<Principal> {
    if (jwt.length > MAX_TOKEN_LENGTH || !JWT_SHAPE.test(jwt)) throw new AirlockError('AUTH_INVALID', 'malformed token');
    const nowMs = this.#clock.now();
    // Clients reuse a token for minutes; identical bytes need their signature checked once.
    // Keyed by a digest so bearer tokens are not kept in the heap.
    const digest = createHash('sha256').update(jwt).digest('base64url');
    let claims = this.#verified.get(digest);
    if (claims === undefined) {
      claims = await this.#verifySignedClaims(jwt, nowMs);
      if (this.#verified.size >= VERIFIED_CACHE_SIZE) this.#evictVerified(nowMs);
      this.#verified.set(digest, claims);
    }
    const { sub, akid, env, exp, routes, models } = claims;
    if (exp * 1000 <= nowMs) {
      this.#verified.delete(digest);
      throw new AirlockError('AUTH_INVALID', 'token expired');
    }
    // Looked up every time, so revoking a key ends its tokens at once.
    const key = this.#keys.active(akid);
    if (key === undefined || key.client !== sub || key.environment !== env) {
      throw new AirlockError('AUTH_INVALID', 'token no longer valid: its API key was revoked or has expired');
    }
    // Defence in depth: a token can only be as wide as its key is now.
    if (!routes.every((r) => allows(key.routes, r)) || !models.every((m) => allows(key.models, m))) {
      throw new AirlockError('AUTH_INVALID', 'invalid token');
    }
    return { keyId: akid, client: sub, environment: env, routes, models, expiresAt: exp * 1000, credential: 'token' };
  }

  async #verifySignedClaims(jwt: string, nowMs: number): Promise<VerifiedClaims> {
    let kid: unknown;
    let alg: unknown;
    try {
      ({ kid, alg } = decodeProtectedHeader(jwt));
    } catch {
      throw new AirlockError('AUTH_INVALID', 'malformed token');
    }
    if (alg !== ALG || typeof kid !== 'string' || !this.#keyring.hasKey(kid)) {
      throw new AirlockError('AUTH_INVALID', 'invalid token');
    }
    let payload: unknown;
    try {
      ({ payload } = await jwtVerify(jwt, await this.#cryptoKey(kid), {
        algorithms: [ALG],
        typ: TOKEN_TYPE,
        issuer: this.#issuer,
        audience: this.#audience,
        currentDate: new Date(nowMs),
        maxTokenAge: MAX_TOKEN_TTL_SECONDS,
        requiredClaims: ['exp', 'iat', 'sub', 'jti'],
      }));
    } catch (error) {
      // No cause: jose errors carry the claims set, which is not for logs.
      if (error instanceof joseErrors.JWTExpired) throw new AirlockError('AUTH_INVALID', 'token expired');
      throw new AirlockError('AUTH_INVALID', 'invalid token');
    }
    const parsed = claimsSchema.safeParse(payload);
    if (!parsed.success) throw new AirlockError('AUTH_INVALID', 'invalid token');
    const { sub, akid, env, iat, exp } = parsed.data;
    const now = Math.floor(nowMs / 1000);
    // jose checks exp and the age; this also bounds the lifetime the issuer wrote down.
    if (exp - iat > MAX_TOKEN_TTL_SECONDS || iat > now + IAT_SKEW_SECONDS || exp <= now) {
      throw new AirlockError('AUTH_INVALID', 'invalid token');
    }
    try {
      const routes = normalizeScopeList(parsed.data.routes, 'routes');
      const models = normalizeScopeList(parsed.data.models, 'models');
      return { sub, akid, env, exp, routes, models };
    } catch {
      throw new AirlockError('AUTH_INVALID', 'invalid token');
    }
  }

  #evictVerified(nowMs: number): void {
    for (const [digest, claims] of this.#verified) {
      if (claims.exp * 1000 <= nowMs) this.#verified.delete(digest);
    }
    // Still full of live tokens: drop the oldest (Map keeps insertion order).
    for (const digest of this.#verified.keys()) {
      if (this.#verified.size < VERIFIED_CACHE_SIZE) break;
      this.#verified.delete(digest);
    }
  }

  #cryptoKey(kid: string): Promise<JoseCryptoKey> {
    let key = this.#cryptoKeys.get(kid);
    if (key === undefined) {
      const raw = this.#keyring.subkey(SUBKEY_PURPOSE, kid);
      key = webcrypto.subtle
        .importKey('raw', raw, { name: 'HMAC', hash: 'SHA-256' }, false, ['sign', 'verify'])
        .finally(() => raw.fill(0)) as Promise<JoseCryptoKey>;
      this.#cryptoKeys.set(kid, key);
    }
    return key;
  }
}

import { createHash, timingSafeEqual } from 'node:crypto';
import type { Clock, Random } from '../../core/clock.js';
import { AirlockError } from '../../core/errors.js';
import type { SqliteDatabase } from '../../store/sqlite.js';
import { MAX_DURATION_MS } from './duration.js';
import {
  ANY,
  ENVIRONMENTS,
  assertClientName,
  isEnvironment,
  normalizeScopeList,
  type Environment,
  type Principal,
} from './scope.js';

/**
 * Client API keys: `alk_<env>_<keyId>_<secret>`, shown once at creation.
 *
 * The secret is 32 random bytes written as 43 base62 characters (62^43 > 2^256, so the
 * encoding keeps all 256 bits; base62 because `_` separates the parts). Only
 * SHA-256(domain ‖ keyId ‖ secret) is stored. A plain hash rather than an HMAC with a keyring
 * subkey is deliberate: with a 256-bit uniformly random secret there is nothing to brute-force,
 * so a pepper adds no protection, while tying hashes to the keyring would make every API key
 * depend on the master key (an env-supplied `AIRLOCK_MASTER_KEY` differing between CLI and
 * gateway, or a lost keys.json, would silently invalidate all clients).
 */

export interface CreateApiKeyOptions {
  client: string;
  environment: Environment;
  /** lifetime from now; without it the key never expires */
  ttlMs?: number;
  /** route patterns the key may call; any when omitted */
  routes?: readonly string[];
  /** model patterns the key may use; any when omitted */
  models?: readonly string[];
}

/** What is known about a key; never its secret or hash. Times are ms since the epoch. */
export interface ApiKeyInfo {
  keyId: string;
  client: string;
  environment: Environment;
  routes: readonly string[];
  models: readonly string[];
  createdAt: number;
  expiresAt: number | null;
  revokedAt: number | null;
}

export interface CreatedApiKey {
  /** the plaintext key: hand it to the client now, it cannot be recovered later */
  apiKey: string;
  info: ApiKeyInfo;
}

export interface ApiKeyStoreOptions {
  db: SqliteDatabase;
  clock: Clock;
  random: Random;
}

export const API_KEY_PREFIX = 'alk';
export const API_KEY_SECRET_BYTES = 32;
export const API_KEY_SECRET_CHARS = 43;
const KEY_ID_BYTES = 8;
const KEY_ID_CHARS = 11;
const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
const API_KEY_PATTERN = new RegExp(
  `^${API_KEY_PREFIX}_(${ENVIRONMENTS.join('|')})_([0-9A-Za-z]{${KEY_ID_CHARS}})_([0-9A-Za-z]{${API_KEY_SECRET_CHARS}})$`,
);
const KEY_ID_PATTERN = new RegExp(`^[0-9A-Za-z]{${KEY_ID_CHARS}}$`);
const MAX_API_KEY_LENGTH = 128;
const HASH_DOMAIN = 'airlock:api-key:v1';
/** Compared against when the key id is unknown, so that path does the same work. */
const DUMMY_HASH = Buffer.alloc(32);

/**
 * Keys looked up recently, per connection, valid until any other connection (another process:
 * `airlock keys revoke`) commits to the database, which SQLite's `data_version` tells in one
 * cheap step. Writes through this connection go through `ApiKeyStore`, which updates the cache
 * itself. A verify still hashes the presented secret and compares it in constant time.
 */
interface KeyCache {
  version: number;
  keys: Map<string, { row: ApiKeyRow; info: ApiKeyInfo }>;
}
const keyCaches = new WeakMap<SqliteDatabase, KeyCache>();
const KEY_CACHE_SIZE = 10_000;

interface ApiKeyRow {
  key_id: string;
  client: string;
  environment: string;
  secret_hash: Buffer;
  routes: string;
  models: string;
  created_at: number;
  expires_at: number | null;
  revoked_at: number | null;
}

/** Whether `text` has the shape of an Airlock API key (it says nothing about validity). */
export function looksLikeApiKey(text: string): boolean {
  return text.length <= MAX_API_KEY_LENGTH && text.startsWith(`${API_KEY_PREFIX}_`);
}

export class ApiKeyStore {
  readonly #db: SqliteDatabase;
  readonly #clock: Clock;
  readonly #random: Random;
  readonly #insert;
  readonly #byId;
  readonly #all;
  readonly #revoke;
  readonly #dataVersion;

  constructor(options: ApiKeyStoreOptions) {
    this.#db = options.db;
    this.#clock = options.clock;
    this.#random = options.random;
    this.#db.exec(`
      CREATE TABLE IF NOT EXISTS api_keys (
        key_id TEXT PRIMARY KEY,
        client TEXT NOT NULL,
        environment TEXT NOT NULL CHECK (environment IN ('prod', 'sandbox', 'dev')),
        secret_hash BLOB NOT NULL,
        routes TEXT NOT NULL,
        models TEXT NOT NULL,
        created_at INTEGER NOT NULL,
        expires_at INTEGER,
        revoked_at INTEGER
      );
      CREATE INDEX IF NOT EXISTS api_keys_client ON api_keys (client);
    `);
    this.#insert = this.#db.prepare<[string, string, string, Buffer, string, string, number, number | null]>(
      `INSERT INTO api_keys (key_id, client, environment, secret_hash, routes, models, created_at, expires_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    this.#byId = this.#db.prepare<[string], ApiKeyRow>('SELECT * FROM api_keys WHERE key_id = ?');
    this.#all = this.#db.prepare<[], ApiKeyRow>('SELECT * FROM api_keys ORDER BY created_at, key_id');
    this.#revoke = this.#db.prepare<[number, string]>(
      'UPDATE api_keys SET revoked_at = ? WHERE key_id = ? AND revoked_at IS NULL',
    );
    this.#dataVersion = this.#db.prepare<[], number>('PRAGMA data_version').pluck();
  }

  /** A key's row and record, from the cache while no other connection has written. */
  #lookup(keyId: string): { row: ApiKeyRow; info: ApiKeyInfo } | undefined {
    const version = this.#dataVersion.get() as number;
    let cache = keyCaches.get(this.#db);
    if (cache === undefined || cache.version !== version) {
      cache = { version, keys: new Map() };
      keyCaches.set(this.#db, cache);
    }
    const cached = cache.keys.get(keyId);
    if (cached !== undefined) return cached;
    const row = this.#byId.get(keyId);
    if (row === undefined) return undefined;
    const entry = { row, info: toInfo(row) };
    // unknown ids are never cached, so presenting made-up keys cannot fill it
    if (cache.keys.size < KEY_CACHE_SIZE) cache.keys.set(keyId, entry);
    return entry;
  }

  create(options: CreateApiKeyOptions): CreatedApiKey {
    assertClientName(options.client);
    if (!isEnvironment(options.environment)) {
      throw new AirlockError('INPUT_INVALID', `environment must be one of ${ENVIRONMENTS.join(', ')}`);
    }
    const { ttlMs } = options;
    if (ttlMs !== undefined && !(Number.isSafeInteger(ttlMs) && ttlMs > 0 && ttlMs <= MAX_DURATION_MS)) {
      throw new AirlockError('INPUT_INVALID', 'ttl must be a positive whole number of ms, at most 3650 days');
    }
    const routes = options.routes === undefined ? ANY : normalizeScopeList(options.routes, 'routes');
    const models = options.models === undefined ? ANY : normalizeScopeList(options.models, 'models');
    const createdAt = this.#clock.now();
    const expiresAt = ttlMs === undefined ? null : createdAt + ttlMs;

    const secret = base62(randomBytes(this.#random, API_KEY_SECRET_BYTES), API_KEY_SECRET_CHARS);
    for (let attempt = 0; ; attempt++) {
      const keyId = base62(randomBytes(this.#random, KEY_ID_BYTES), KEY_ID_CHARS);
      try {
        this.#insert.run(
          keyId,
          options.client,
          options.environment,
          secretHash(keyId, secret),
          JSON.stringify(routes),
          JSON.stringify(models),
          createdAt,
          expiresAt,
        );
      } catch (error) {
        const code = (error as { code?: unknown }).code;
        if (code === 'SQLITE_CONSTRAINT_PRIMARYKEY' && attempt < 3) continue;
        throw new AirlockError('CONFIG_INVALID', 'cannot store the new API key', { cause: error });
      }
      const info: ApiKeyInfo = {
        keyId,
        client: options.client,
        environment: options.environment,
        routes,
        models,
        createdAt,
        expiresAt,
        revokedAt: null,
      };
      return { apiKey: `${API_KEY_PREFIX}_${options.environment}_${keyId}_${secret}`, info };
    }
  }

  /**
   * The principal for a presented key, or AUTH_INVALID. Messages never quote the key. The
   * secret is checked before expiry and revocation, so only a holder of the real secret
   * learns why a key stopped working.
   */
  verify(presented: string): Principal {
    const m = presented.length <= MAX_API_KEY_LENGTH ? API_KEY_PATTERN.exec(presented) : null;
    const environment = m?.[1];
    const keyId = m?.[2];
    const secret = m?.[3];
    if (environment === undefined || keyId === undefined || secret === undefined) {
      throw new AirlockError('AUTH_INVALID', 'malformed API key');
    }
    const found = this.#lookup(keyId);
    const row = found?.row;
    const expected = row?.secret_hash.length === DUMMY_HASH.length ? row.secret_hash : DUMMY_HASH;
    const matches = timingSafeEqual(secretHash(keyId, secret), expected);
    if (found === undefined || row === undefined || !matches || row.environment !== environment) {
      throw new AirlockError('AUTH_INVALID', 'invalid API key');
    }
    const { info } = found;
    if (info.revokedAt !== null) throw new AirlockError('AUTH_INVALID', 'API key revoked');
    if (info.expiresAt !== null && this.#clock.now() >= info.expiresAt) throw new AirlockError('AUTH_INVALID', 'API key expired');
    return principalOf(info);
  }

  /** The key's record while it is neither revoked nor expired; tokens are checked against it. */
  active(keyId: string): ApiKeyInfo | undefined {
    if (!KEY_ID_PATTERN.test(keyId)) return undefined;
    const info = this.#lookup(keyId)?.info;
    if (info === undefined) return undefined;
    if (info.revokedAt !== null || (info.expiresAt !== null && this.#clock.now() >= info.expiresAt)) return undefined;
    return info;
  }

  get(keyId: string): ApiKeyInfo | undefined {
    if (!KEY_ID_PATTERN.test(keyId)) return undefined;
    const row = this.#byId.get(keyId);
    return row === undefined ? undefined : toInfo(row);
  }

  list(): ApiKeyInfo[] {
    return this.#all.all().map(toInfo);
  }

  /** Revokes a key; false when it was already revoked. Unknown ids are INPUT_INVALID. */
  revoke(keyId: string): boolean {
    if (this.get(keyId) === undefined) throw new AirlockError('INPUT_INVALID', 'unknown API key id');
    const revoked = this.#revoke.run(this.#clock.now(), keyId).changes === 1;
    keyCaches.get(this.#db)?.keys.delete(keyId);
    return revoked;
  }
}

export function principalOf(info: ApiKeyInfo): Principal {
  return {
    keyId: info.keyId,
    client: info.client,
    environment: info.environment,
    routes: info.routes,
    models: info.models,
    expiresAt: info.expiresAt,
    credential: 'api-key',
  };
}

function toInfo(row: ApiKeyRow): ApiKeyInfo {
  if (!isEnvironment(row.environment)) throw new AirlockError('CONFIG_INVALID', 'api_keys row has an unknown environment');
  return {
    keyId: row.key_id,
    client: row.client,
    environment: row.environment,
    routes: parseList(row.routes),
    models: parseList(row.models),
    createdAt: row.created_at,
    expiresAt: row.expires_at,
    revokedAt: row.revoked_at,
  };
}

function parseList(json: string): readonly string[] {
  const value: unknown = JSON.parse(json);
  if (!Array.isArray(value) || !value.every((v): v is string => typeof v === 'string')) {
    throw new AirlockError('CONFIG_INVALID', 'api_keys row has a malformed scope');
  }
  return Object.freeze(value);
}

function secretHash(keyId: string, secret: string): Buffer {
  return createHash('sha256').update(`${HASH_DOMAIN}\u0000${keyId}\u0000${secret}`, 'utf8').digest();
}

function randomBytes(random: Random, n: number): Buffer {
  const bytes = random.bytes(n);
  if (bytes.length !== n) throw new AirlockError('CONFIG_INVALID', 'random source returned too few bytes');
  return bytes;
}

/** Fixed-width big-endian base62 of `bytes`; a bijection, so no entropy is lost. */
export function base62(bytes: Buffer, width: number): string {
  let n = bytes.length === 0 ? 0n : BigInt(`0x${bytes.toString('hex')}`);
  let out = '';
  for (let i = 0; i < width; i++) {
    out = BASE62.charAt(Number(n % 62n)) + out;
    n /= 62n;
  }
  if (n !== 0n) throw new AirlockError('INTERNAL', 'base62 width too small');
  return out;
}

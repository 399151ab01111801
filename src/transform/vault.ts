import type { Clock, Random } from '../core/clock.js';
import { AirlockError } from '../core/errors.js';
import type BetterSqlite3 from 'better-sqlite3';
import type { SqliteDatabase } from '../store/sqlite.js';
import { surrogate, typedToken, type PseudonymStyle } from './pseudonyms.js';

export interface PseudonymRequest {
  entity: string;
  value: string;
  style: PseudonymStyle;
}

export interface VaultEntry {
  token: string;
  entity: string;
  value: string;
}

/**
 * Reversible mappings, scoped to a conversation. One pseudonym per value per session (a
 * repeated value gets its first pseudonym back), tokens unique within a session, values
 * encrypted at rest, entries expiring after a TTL. Async so that a PostgreSQL
 * implementation can stand behind the same interface.
 */
export interface PseudonymVault {
  pseudonymsFor(sessionId: string, requests: readonly PseudonymRequest[]): Promise<string[]>;
  entries(sessionId: string): Promise<VaultEntry[]>;
  purgeExpired(): Promise<number>;
}

/** Encryption and keyed hashing the vault needs; bound to the keyring by the caller. */
export interface VaultCrypto {
  /** keyed hash for lookups, so no plaintext is needed to find a mapping */
  lookupKey(sessionId: string, entity: string, value: string): string;
  seal(plaintext: string, associatedData: string): string;
  open(sealed: string, associatedData: string): string;
}

export interface SqliteVaultOptions {
  db: SqliteDatabase;
  crypto: VaultCrypto;
  clock: Clock;
  random: Random;
  /** how long a mapping lives after its last use (default 24 h) */
  ttlMs?: number;
}

const MAX_SESSION_ID = 200;

export class SqliteVault implements PseudonymVault {
  private readonly db: SqliteDatabase;
  private readonly crypto: VaultCrypto;
  private readonly clock: Clock;
  private readonly random: Random;
  private readonly ttlMs: number;
  private readonly getOrCreateTx: BetterSqlite3.Transaction<(sessionId: string, requests: readonly PseudonymRequest[]) => string[]>;

  constructor(options: SqliteVaultOptions) {
    this.db = options.db;
    this.crypto = options.crypto;
    this.clock = options.clock;
    this.random = options.random;
    this.ttlMs = options.ttlMs ?? 24 * 60 * 60 * 1000;
    this.db.exec(`
      CREATE TABLE IF NOT EXISTS vault_mappings (
        session TEXT NOT NULL,
        value_key TEXT NOT NULL,
        entity TEXT NOT NULL,
        token TEXT NOT NULL,
        token_key TEXT NOT NULL,
        sealed TEXT NOT NULL,
        expires_at INTEGER NOT NULL,
        PRIMARY KEY (session, value_key),
        UNIQUE (session, token_key)
      );
      CREATE INDEX IF NOT EXISTS vault_mappings_expiry ON vault_mappings (expires_at);
      CREATE TABLE IF NOT EXISTS vault_counters (
        session TEXT NOT NULL,
        entity TEXT NOT NULL,
        next INTEGER NOT NULL,
        PRIMARY KEY (session, entity)
      );
    `);
    const find = this.db.prepare<[string, string, number], { token: string }>(
      'SELECT token FROM vault_mappings WHERE session = ? AND value_key = ? AND expires_at > ?',
    );
    const touch = this.db.prepare<[number, string, string]>(
      'UPDATE vault_mappings SET expires_at = ? WHERE session = ? AND value_key = ?',
    );
    const removeExpired = this.db.prepare<[string, string]>('DELETE FROM vault_mappings WHERE session = ? AND value_key = ?');
    const nextNumber = this.db.prepare<[string, string], { next: number }>(
      `INSERT INTO vault_counters (session, entity, next) VALUES (?, ?, 1)
       ON CONFLICT (session, entity) DO UPDATE SET next = next + 1 RETURNING next`,
    );
    const tokenTaken = this.db.prepare<[string, string], { one: number }>(
      'SELECT 1 AS one FROM vault_mappings WHERE session = ? AND token_key = ?',
    );
    const insert = this.db.prepare<[string, string, string, string, string, string, number]>(
      'INSERT INTO vault_mappings (session, value_key, entity, token, token_key, sealed, expires_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
    );
    // One transaction per request: SQLite serialises writers, so concurrent requests of a
    // session can never give one value two pseudonyms or one pseudonym two values.
    this.getOrCreateTx = this.db.transaction((sessionId: string, requests: readonly PseudonymRequest[]) => {
      const now = this.clock.now();
      const expires = now + this.ttlMs;
      return requests.map((request) => {
        const valueKey = this.crypto.lookupKey(sessionId, request.entity, request.value);
        const existing = find.get(sessionId, valueKey, now);
        if (existing) {
          touch.run(expires, sessionId, valueKey);
          return existing.token;
        }
        removeExpired.run(sessionId, valueKey);
        // surrogates come from a finite pool: after a few collisions a typed token is used
        for (let attempt = 0; attempt < 20; attempt++) {
          const n = (nextNumber.get(sessionId, request.entity) as { next: number }).next;
          const token =
            request.style === 'surrogate' && attempt < 10
              ? surrogate(request.entity, request.value, n, this.random)
              : typedToken(request.entity, n);
          const tokenKey = normaliseToken(token);
          if (tokenTaken.get(sessionId, tokenKey)) continue;
          insert.run(sessionId, valueKey, request.entity, token, tokenKey, this.crypto.seal(request.value, `${sessionId}|${token}`), expires);
          return token;
        }
        throw new AirlockError('TRANSFORM_FAILED', `no free pseudonym for ${request.entity} in this session`);
      });
    });
  }

  async pseudonymsFor(sessionId: string, requests: readonly PseudonymRequest[]): Promise<string[]> {
    checkSession(sessionId);
    if (requests.length === 0) return [];
    try {
      return this.getOrCreateTx.immediate(sessionId, requests);
    } catch (error) {
      if (error instanceof AirlockError) throw error;
      throw new AirlockError('TRANSFORM_FAILED', 'the pseudonym vault is unavailable', { cause: error });
    }
  }

  async entries(sessionId: string): Promise<VaultEntry[]> {
    checkSession(sessionId);
    const rows = this.db
      .prepare<[string, number], { token: string; entity: string; sealed: string }>(
        'SELECT token, entity, sealed FROM vault_mappings WHERE session = ? AND expires_at > ?',
      )
      .all(sessionId, this.clock.now());
    // decrypted when first read: an answer names few of a long conversation's pseudonyms, so a
    // request pays for the values it restores, not for every value the session holds
    return rows.map((row) => sealedEntry(row.token, row.entity, () => this.crypto.open(row.sealed, `${sessionId}|${row.token}`)));
  }

  async purgeExpired(): Promise<number> {
    return this.db.prepare<[number]>('DELETE FROM vault_mappings WHERE expires_at <= ?').run(this.clock.now()).changes;
  }
}

/** An entry whose value is opened on first read (an error then surfaces where the value is needed). */
function sealedEntry(token: string, entity: string, open: () => string): VaultEntry {
  let value: string | undefined;
  return {
    token,
    entity,
    get value(): string {
      value ??= open();
      return value;
    },
  };
}

/** Case and spacing do not distinguish pseudonyms: models change both. */
export function normaliseToken(token: string): string {
  const lower = token.toLowerCase();
  return /\s/.test(lower) ? lower.replace(/\s+/g, ' ').trim() : lower;
}

function checkSession(sessionId: string): void {
  if (sessionId.length === 0 || sessionId.length > MAX_SESSION_ID) {
    throw new AirlockError('INPUT_INVALID', `session id must be 1 to ${MAX_SESSION_ID} characters`);
  }
}

/**
 * Pseudonyms that live for one request only: for calls without a conversation id, where
 * the answer is restored before the request ends and nothing needs to outlive it. Same
 * token rules as the persistent vault; nothing is written anywhere.
 */
export class RequestVault implements PseudonymVault {
  private readonly byValue = new Map<string, string>();
  private readonly byToken = new Map<string, VaultEntry>();
  private readonly counters = new Map<string, number>();

  constructor(private readonly random: Random) {}

  async pseudonymsFor(_sessionId: string, requests: readonly PseudonymRequest[]): Promise<string[]> {
    return requests.map((request) => {
      const key = `${request.entity}\0${request.value}`;
      const existing = this.byValue.get(key);
      if (existing) return existing;
      for (let attempt = 0; attempt < 20; attempt++) {
        const n = (this.counters.get(request.entity) ?? 0) + 1;
        this.counters.set(request.entity, n);
        const token =
          request.style === 'surrogate' && attempt < 10 ? surrogate(request.entity, request.value, n, this.random) : typedToken(request.entity, n);
        const tokenKey = normaliseToken(token);
        if (this.byToken.has(tokenKey)) continue;
        this.byToken.set(tokenKey, { token, entity: request.entity, value: request.value });
        this.byValue.set(key, token);
        return token;
      }
      throw new AirlockError('TRANSFORM_FAILED', `no free pseudonym for ${request.entity} in this request`);
    });
  }

  async entries(): Promise<VaultEntry[]> {
    return [...this.byToken.values()];
  }

  async purgeExpired(): Promise<number> {
    return 0;
  }
}

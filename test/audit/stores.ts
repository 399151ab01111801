import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import { fixedClock, type Clock } from '../../src/core/clock.js';
import { PostgresAuditStore, redactUrl } from '../../src/audit/postgres-store.js';
import { ephemeralSigner, type AuditSigner, type TrustedKeys } from '../../src/audit/signing.js';
import { SqliteAuditStore } from '../../src/audit/sqlite-store.js';
import type { AuditStore } from '../../src/audit/store.js';
import { openSqlite } from '../../src/store/sqlite.js';
import { T0 } from './support.js';

/**
 * The two audit stores behind one test harness, so the store contract runs against both.
 * PostgreSQL tests use a schema of their own (random name) and drop it afterwards, so test
 * files running in parallel never meet.
 */

export const PG_URL = process.env['AIRLOCK_TEST_PG_URL'] ?? 'postgres://postgres@127.0.0.1:5432/test';

export async function postgresAvailable(url = PG_URL): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  client.on('error', () => undefined);
  try {
    await client.connect();
    await client.query('SELECT 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

export interface StoreOptions {
  checkpointEvery?: number;
  maxBatch?: number;
  clock?: Clock;
}

export interface StoreKit {
  store: AuditStore;
  trusted: TrustedKeys;
  signer: AuditSigner;
  clock: Clock;
  /** another writer on the same chain: another connection (SQLite) or another pool, as a second gateway would have */
  another(options?: StoreOptions & { signer?: AuditSigner }): Promise<AuditStore>;
  /** a read-only store on the same chain */
  reader(): Promise<AuditStore>;
  /** raw SQL from outside the store (`$T` is the records table, `$C` the checkpoints table) */
  exec(sql: string): Promise<void>;
  /** records visible to an outside connection */
  count(): Promise<number>;
  /** drops the append-only guards, as an attacker with write access could */
  dropGuards(): Promise<void>;
  close(): Promise<void>;
}

export interface StoreFactory {
  name: 'sqlite' | 'postgres';
  /** how the suite is titled: says what it needs, so a skip is visible by name */
  title: string;
  available: boolean;
  create(options?: StoreOptions): Promise<StoreKit>;
}

export function sqliteFactory(): StoreFactory {
  return {
    name: 'sqlite',
    title: 'SQLite audit store',
    available: true,
    async create(options = {}) {
      const dir = mkdtempSync(join(tmpdir(), 'airlock-audit-contract-'));
      const clock = options.clock ?? fixedClock(T0, 1);
      const { signer, trusted } = ephemeralSigner(clock);
      const opened: AuditStore[] = [];
      const make = (o: StoreOptions & { signer?: AuditSigner | null } = {}) => {
        const s = new SqliteAuditStore({ db: openSqlite(dir), ...commonOptions(o, signer, clock, dir) });
        opened.push(s);
        return s;
      };
      const store = make(options);
      const raw = new Database(join(dir, 'airlock.db'));
      raw.pragma('busy_timeout = 5000');
      return {
        store,
        trusted,
        signer,
        clock,
        another: async (o = {}) => make({ ...options, ...o }),
        reader: async () => make({ signer: null }),
        exec: async (sql) => void raw.exec(sql.replaceAll('$T', 'audit_records').replaceAll('$C', 'audit_checkpoints')),
        count: async () => raw.prepare('SELECT count(*) FROM audit_records').pluck().get() as number,
        dropGuards: async () =>
          void raw.exec(
            'DROP TRIGGER audit_records_no_update; DROP TRIGGER audit_records_no_delete; DROP TRIGGER audit_checkpoints_no_update; DROP TRIGGER audit_checkpoints_no_delete;',
          ),
        async close() {
          for (const s of opened) await s.close().catch(() => undefined);
          raw.close();
          rmSync(dir, { recursive: true, force: true });
        },
      };
    },
  };
}

/** What both stores are given in the contract tests. */
function commonOptions(o: StoreOptions & { signer?: AuditSigner | null }, signer: AuditSigner, clock: Clock, dir: string) {
  return {
    ...(o.signer === null ? {} : { signer: o.signer ?? signer }),
    clock,
    headDir: dir,
    chainId: 'contract-chain',
    checkpointIntervalMs: 0,
    ...(o.checkpointEvery !== undefined ? { checkpointEvery: o.checkpointEvery } : {}),
    ...(o.maxBatch !== undefined ? { maxBatch: o.maxBatch } : {}),
  };
}

export function postgresFactory(available: boolean, url = PG_URL): StoreFactory {
  return {
    name: 'postgres',
    title: `PostgreSQL audit store (needs PostgreSQL at ${redactUrl(url)})`,
    available,
    async create(options = {}) {
      const schema = `airlock_t_${randomBytes(6).toString('hex')}`;
      const dir = mkdtempSync(join(tmpdir(), 'airlock-audit-contract-pg-'));
      const clock = options.clock ?? fixedClock(T0, 1);
      const { signer, trusted } = ephemeralSigner(clock);
      const opened: AuditStore[] = [];
      const make = async (o: StoreOptions & { signer?: AuditSigner | null } = {}) => {
        const s = await PostgresAuditStore.open({ url, schema, ...commonOptions(o, signer, clock, dir) });
        opened.push(s);
        return s;
      };
      const store = await make(options);
      const raw = new pg.Client({ connectionString: url });
      await raw.connect();
      const s = `"${schema}"`;
      return {
        store,
        trusted,
        signer,
        clock,
        another: (o = {}) => make({ ...options, ...o }),
        reader: () => make({ signer: null }),
        exec: async (sql) => void (await raw.query(sql.replaceAll('$T', `${s}.audit_records`).replaceAll('$C', `${s}.audit_checkpoints`))),
        count: async () => Number((await raw.query(`SELECT count(*) AS n FROM ${s}.audit_records`)).rows[0].n),
        dropGuards: async () =>
          void (await raw.query(
            `DROP TRIGGER audit_records_no_update ON ${s}.audit_records; DROP TRIGGER audit_records_no_delete ON ${s}.audit_records; ` +
              `DROP TRIGGER audit_checkpoints_no_update ON ${s}.audit_checkpoints; DROP TRIGGER audit_checkpoints_no_delete ON ${s}.audit_checkpoints;`,
          )),
        async close() {
          for (const st of opened) await st.close().catch(() => undefined);
          await raw.query(`DROP SCHEMA IF EXISTS ${s} CASCADE`);
          await raw.end();
          rmSync(dir, { recursive: true, force: true });
        },
      };
    },
  };
}

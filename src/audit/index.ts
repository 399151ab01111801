import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { systemClock, type Clock } from '../core/clock.js';
import { AirlockError } from '../core/errors.js';
import { openSqlite, type SqliteDatabase } from '../store/sqlite.js';
import { openSigningKey, readHeadFile, readPublicKeys, type HeadFile, type TrustedKeys } from './signing.js';
import { PostgresAuditStore } from './postgres-store.js';
import { SqliteAuditStore, type Durability } from './sqlite-store.js';
import type { AuditStore } from './store.js';

export { canonicalJson } from './canonical-json.js';
export { chainHash, checkpointPayload, genesisHash, type Checkpoint } from './chain.js';
export * from './formats.js';
export { AuditForwarder, type ForwarderOptions, type ForwarderStatus } from './forward/forwarder.js';
export { httpSink, type HttpSinkOptions } from './forward/http-sink.js';
export { syslogSink, type SyslogSinkOptions } from './forward/syslog-sink.js';
export type { ForwardSink } from './forward/sink.js';
export { pruneAudit, type PruneAuditOptions } from './prune.js';
export { parseAuditDate, queryAudit, summarizeAudit, SUMMARY_DIMENSIONS } from './query.js';
export * from './record.js';
export * from './signing.js';
export { SqliteAuditStore, type Durability, type SqliteAuditStoreOptions } from './sqlite-store.js';
export { PostgresAuditStore, redactUrl, type PostgresAuditStoreOptions } from './postgres-store.js';
export type * from './store.js';
export { AuditTrail } from './trail.js';
export { formatVerifyReport, verifyChain, type ProblemKind, type VerifyOptions, type VerifyProblem, type VerifyReport } from './verify.js';

export interface OpenAuditOptions {
  dataDir: string;
  /** where the signing key, its public list and the head file live (default: dataDir) */
  keyDir?: string;
  env?: Readonly<Record<string, string | undefined>>;
  clock?: Clock;
  durability?: Durability;
  /** open for verify / query / export only: no key is created, nothing is written */
  readOnly?: boolean;
  checkpointEvery?: number;
  checkpointIntervalMs?: number;
  /**
   * postgres:// URL of a shared audit chain (`--audit-url`); default AIRLOCK_AUDIT_DATABASE_URL,
   * else AIRLOCK_DATABASE_URL. Unset: the SQLite file in the data directory.
   */
  url?: string;
  /** PostgreSQL schema of the chain (default AIRLOCK_AUDIT_SCHEMA, else "airlock_audit") */
  schema?: string;
  /**
   * SQLite only: an open connection to the data directory's `airlock.db` to write the chain
   * through (the gateway's own), left open when the store closes. Default: a connection of
   * the store's own.
   */
  db?: SqliteDatabase;
}

export interface OpenedAudit {
  store: AuditStore;
  trusted: TrustedKeys;
  headFile: HeadFile | undefined;
  keyDir: string;
}

/** The PostgreSQL URL the audit trail is configured for, if any. */
export function auditDatabaseUrl(options: Pick<OpenAuditOptions, 'url' | 'env'>): string | undefined {
  const env = options.env ?? process.env;
  const url = options.url ?? (env['AIRLOCK_AUDIT_DATABASE_URL'] || undefined) ?? (env['AIRLOCK_DATABASE_URL'] || undefined);
  if (url !== undefined && !/^postgres(?:ql)?:\/\//.test(url)) {
    throw new AirlockError('CONFIG_INVALID', 'the audit database URL must be a postgres:// URL');
  }
  return url;
}

/**
 * Opens the configured audit trail: the shared PostgreSQL chain when a URL is configured
 * (see `auditDatabaseUrl`), else the SQLite file of the data directory. Either way the
 * signing key and head file live in `keyDir`.
 */
export async function openAuditStore(options: OpenAuditOptions): Promise<OpenedAudit> {
  const url = auditDatabaseUrl(options);
  if (url === undefined) return openAudit(options);
  const env = options.env ?? process.env;
  const clock = options.clock ?? systemClock;
  const keyDir = options.keyDir ?? env['AIRLOCK_AUDIT_KEY_DIR'] ?? options.dataDir;
  const signer = options.readOnly ? undefined : openSigningKey(keyDir, clock);
  const schema = options.schema ?? (env['AIRLOCK_AUDIT_SCHEMA'] || undefined);
  const store = await PostgresAuditStore.open({
    url,
    ...(schema !== undefined ? { schema } : {}),
    ...(signer ? { signer } : {}),
    clock,
    headDir: keyDir,
    ...(options.checkpointEvery !== undefined ? { checkpointEvery: options.checkpointEvery } : {}),
    ...(options.checkpointIntervalMs !== undefined ? { checkpointIntervalMs: options.checkpointIntervalMs } : {}),
  });
  return { store, trusted: readPublicKeys(keyDir), headFile: readHeadFile(keyDir), keyDir };
}

/**
 * Opens the audit trail of a data directory: the SQLite store on its own connection to
 * `airlock.db` (or on `options.db`), the signing key from `keyDir`. Synchronous, so SQLite only: with a
 * PostgreSQL URL configured it refuses (use `openAuditStore`) rather than silently write a
 * second, local chain.
 */
export function openAudit(options: OpenAuditOptions): OpenedAudit {
  const env = options.env ?? process.env;
  if (auditDatabaseUrl(options) !== undefined) {
    throw new AirlockError('CONFIG_INVALID', 'a PostgreSQL audit database is configured; it is opened asynchronously (openAuditStore)');
  }
  const clock = options.clock ?? systemClock;
  const keyDir = options.keyDir ?? env['AIRLOCK_AUDIT_KEY_DIR'] ?? options.dataDir;
  if (options.readOnly) {
    if (!existsSync(join(options.dataDir, 'airlock.db'))) {
      const headFile = readHeadFile(keyDir);
      throw new AirlockError(
        headFile ? 'AUDIT_FAILED' : 'CONFIG_INVALID',
        headFile
          ? `the audit database in ${options.dataDir} is gone, but ${keyDir}/audit-head.json says chain ${headFile.chainId} had signed records through seq ${headFile.checkpoint.seq}`
          : `no audit trail in ${options.dataDir}`,
      );
    }
  }
  const db = options.db ?? openSqlite(options.dataDir);
  try {
    const signer = options.readOnly ? undefined : openSigningKey(keyDir, clock);
    const store = new SqliteAuditStore({
      db,
      ...(signer ? { signer } : {}),
      clock,
      headDir: keyDir,
      ...(options.durability ? { durability: options.durability } : {}),
      ...(options.checkpointEvery !== undefined ? { checkpointEvery: options.checkpointEvery } : {}),
      ...(options.checkpointIntervalMs !== undefined ? { checkpointIntervalMs: options.checkpointIntervalMs } : {}),
      ownsDb: options.db === undefined,
    });
    return { store, trusted: readPublicKeys(keyDir), headFile: readHeadFile(keyDir), keyDir };
  } catch (error) {
    if (options.db === undefined) db.close();
    const headFile = options.readOnly ? readHeadFile(keyDir) : undefined;
    if (headFile !== undefined && error instanceof AirlockError && error.code === 'CONFIG_INVALID') {
      throw new AirlockError(
        'AUDIT_FAILED',
        `the audit trail in ${options.dataDir} is gone, but ${keyDir}/audit-head.json says chain ${headFile.chainId} had signed records through seq ${headFile.checkpoint.seq}`,
      );
    }
    throw error;
  }
}

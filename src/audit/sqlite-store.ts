import { randomBytes } from 'node:crypto';
import { closeSync, fdatasync, openSync } from 'node:fs';
import { createRequire } from 'node:module';
import { resolve as resolvePath } from 'node:path';
import { Worker } from 'node:worker_threads';
import Database from 'better-sqlite3';
import type BetterSqlite3 from 'better-sqlite3';
import { systemClock, type Clock } from '../core/clock.js';
import { AirlockError, asAirlockError } from '../core/errors.js';
import type { SqliteDatabase } from '../store/sqlite.js';
import { chainHash, checkpointPayload, genesisHash, HASHED_TEXT_SQL, type Checkpoint } from './chain.js';
import { decodeAuditRecord, encodeAuditRecord, type AuditRecord } from './record.js';
import { readHeadFile, writeHeadFile, type AuditSigner } from './signing.js';
import { bodyToAppend, notifyCommit, startCheckpointTimer } from './store-common.js';
import { createSegmentChecker, type SegmentResult, type SegmentTask } from './verify-segment.js';
import type {
  Appended,
  AuditQuery,
  AuditStore,
  ChainPosition,
  ChainRow,
  HashedRow,
  PruneOptions,
  PruneResult,
  SeqRange,
  StoredRecord,
  SummaryDimension,
  SummaryRow,
} from './store.js';

/**
 * The embedded audit store: the chain in SQLite (WAL), written with group commit.
 *
 * `append` validates and serialises the record at once, then queues it. The queue is
 * written in one BEGIN IMMEDIATE transaction per batch (at the next turn of the event loop,
 * or at once when `maxBatch` records wait); the tip is re-read inside that transaction, so
 * several stores on one file — other connections, other processes — extend one chain and
 * never fork it. With durability "fsync" (the default for a file) the transaction commits
 * without a sync (synchronous=NORMAL) and the WAL is then fdatasync'ed on the libuv thread
 * pool: one flush covers every batch committed before it started, and the event loop never
 * waits on the disk. Each append resolves only after the flush that covers it.
 */

export type Durability = 'fsync' | 'commit';

export interface SqliteAuditStoreOptions {
  db: SqliteDatabase;
  /** absent: a read-only store (verify, query, export) */
  signer?: AuditSigner;
  clock?: Clock;
  /** directory of audit-head.json (normally the signing key's directory); absent: none kept */
  headDir?: string;
  /**
   * "fsync" (default for a file): an acknowledged record survives power loss.
   * "commit": it survives a process crash, not necessarily power loss.
   */
  durability?: Durability;
  /** most records per transaction (default 1000) */
  maxBatch?: number;
  /** wait this long for more records before writing a batch (default 0: next event-loop turn) */
  flushDelayMs?: number;
  /** sign a checkpoint after this many records (default 1000) */
  checkpointEvery?: number;
  /** and at least this often while records arrive (default 1000 ms; 0: never by time) */
  checkpointIntervalMs?: number;
  /** chain id for a new chain (default random); ignored for an existing chain */
  chainId?: string;
  /** close the database when the store closes (default true) */
  ownsDb?: boolean;
}

const SCHEMA = `
  CREATE TABLE IF NOT EXISTS audit_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) STRICT;
  CREATE TABLE IF NOT EXISTS audit_records (
    seq INTEGER PRIMARY KEY,
    prev_hash TEXT NOT NULL,
    hash TEXT NOT NULL,
    body TEXT NOT NULL,
    type TEXT GENERATED ALWAYS AS (json_extract(body, '$.type')) VIRTUAL,
    phase TEXT GENERATED ALWAYS AS (json_extract(body, '$.phase')) VIRTUAL,
    at INTEGER GENERATED ALWAYS AS (json_extract(body, '$.at')) VIRTUAL,
    request_id TEXT GENERATED ALWAYS AS (json_extract(body, '$.requestId')) VIRTUAL,
    client_id TEXT GENERATED ALWAYS AS (json_extract(body, '$.clientId')) VIRTUAL,
    decision TEXT GENERATED ALWAYS AS (json_extract(body, '$.decision')) VIRTUAL,
    endpoint_id TEXT GENERATED ALWAYS AS (json_extract(body, '$.endpoint.id')) VIRTUAL,
    jurisdiction TEXT GENERATED ALWAYS AS (json_extract(body, '$.endpoint.jurisdiction')) VIRTUAL
  ) STRICT;
  CREATE INDEX IF NOT EXISTS audit_records_at ON audit_records (at);
  CREATE INDEX IF NOT EXISTS audit_records_request ON audit_records (request_id);
  CREATE TABLE IF NOT EXISTS audit_checkpoints (
    seq INTEGER PRIMARY KEY,
    hash TEXT NOT NULL,
    at INTEGER NOT NULL,
    prev_seq INTEGER NOT NULL,
    key_id TEXT NOT NULL,
    signature TEXT NOT NULL
  ) STRICT;
  CREATE TABLE IF NOT EXISTS audit_cursors (name TEXT PRIMARY KEY, seq INTEGER NOT NULL, updated_at INTEGER NOT NULL) STRICT;
  CREATE TRIGGER IF NOT EXISTS audit_records_no_update BEFORE UPDATE ON audit_records
    BEGIN SELECT RAISE(ABORT, 'audit records are append-only'); END;
  CREATE TRIGGER IF NOT EXISTS audit_records_no_delete BEFORE DELETE ON audit_records
    WHEN old.seq > coalesce((SELECT CAST(value AS INTEGER) FROM audit_meta WHERE key = 'anchor_seq'), 0)
    BEGIN SELECT RAISE(ABORT, 'audit records are deleted only by prune, up to a signed checkpoint'); END;
  CREATE TRIGGER IF NOT EXISTS audit_checkpoints_no_update BEFORE UPDATE ON audit_checkpoints
    BEGIN SELECT RAISE(ABORT, 'audit checkpoints are append-only'); END;
  CREATE TRIGGER IF NOT EXISTS audit_checkpoints_no_delete BEFORE DELETE ON audit_checkpoints
    WHEN old.seq >= coalesce((SELECT CAST(value AS INTEGER) FROM audit_meta WHERE key = 'anchor_seq'), 0)
    BEGIN SELECT RAISE(ABORT, 'audit checkpoints are deleted only by prune'); END;
`;

const PAGE = 8192;
/** Rows per INSERT statement when writing a batch: fewer statement runs, same transaction. */
const ROWS_PER_INSERT = 16;
/**
 * Rows per read in the verification walk: small enough that a batch of ~1 KB strings dies
 * young (a large batch outlives a scavenge and gets copied), large enough to amortise a step.
 */
const WALK_PAGE = 512;
const WALK_PAGE_LITERAL = String(WALK_PAGE);
const WALK_SQL = `SELECT seq, prev_hash, hash, ${HASHED_TEXT_SQL} FROM audit_records WHERE seq >= ? AND seq <= ? ORDER BY seq LIMIT ?`;
const AUDIT_TABLES = ['audit_meta', 'audit_records', 'audit_checkpoints', 'audit_cursors'];

/**
 * A verification worker (CommonJS, evaluated): the shared segment checker, fed from its own
 * read-only connection. `__name` is a no-op for transpilers that insert it.
 */
const SEGMENT_WORKER_SOURCE = `
'use strict';
var __name = function (f) { return f; };
const { parentPort, workerData } = require('node:worker_threads');
const { hash } = require('node:crypto');
const Database = require(workerData.driver);
const db = new Database(workerData.file, { readonly: true, fileMustExist: true });
// A read-only walk over the whole file: map it rather than copy every page through read().
db.pragma('mmap_size = 2147418112');
const page = db.prepare(workerData.sql).raw(true);
const sha256Hex = (text) => hash('sha256', text, 'hex');
const createSegmentChecker = (${createSegmentChecker.toString()});
parentPort.on('message', (task) => {
  try {
    const checker = createSegmentChecker(task, sha256Hex);
    let from = task.from;
    for (;;) {
      const rows = page.all(from, task.to, ${WALK_PAGE_LITERAL});
      if (rows.length === 0) break;
      checker.feed(rows);
      if (rows.length < ${WALK_PAGE_LITERAL}) break;
      from = rows[rows.length - 1][0] + 1;
    }
    parentPort.postMessage({ ok: true, result: checker.finish() });
  } catch (error) {
    parentPort.postMessage({ ok: false, error: String((error && error.message) || error) });
  }
});
`;
const ENTITY = /^[A-Z][A-Z0-9_]{0,63}$/;

interface Pending {
  body: string;
  /** set inside the write transaction */
  seq: number;
  hash: string;
  resolve(value: Appended): void;
  reject(error: unknown): void;
}

const noop = (): void => undefined;

interface Committed {
  waiters: readonly Pending[];
  checkpoint?: Checkpoint;
  headSeq: number;
}

type CheckpointRow = [seq: number, hash: string, at: number, prevSeq: number, keyId: string, signature: string];

export class SqliteAuditStore implements AuditStore {
  readonly kind = 'sqlite' as const;
  readonly chainId: string;
  readonly #db: SqliteDatabase;
  readonly #signer: AuditSigner | undefined;
  readonly #clock: Clock;
  readonly #headDir: string | undefined;
  readonly #durability: Durability;
  readonly #maxBatch: number;
  readonly #flushDelayMs: number;
  readonly #checkpointEvery: number;
  readonly #ownsDb: boolean;
  readonly #genesis: string;
  readonly #listeners = new Set<(headSeq: number) => void>();
  readonly #stmt: Statements;
  readonly #writeTx: BetterSqlite3.Transaction<(batch: readonly Pending[]) => { headSeq: number; checkpoint?: Checkpoint }>;

  /** one multi-row INSERT's parameters, reused */
  readonly #insertParams: unknown[] = new Array<unknown>(4 * ROWS_PER_INSERT);
  #queue: Pending[] = [];
  #timer: { immediate: NodeJS.Immediate } | { timeout: NodeJS.Timeout } | undefined;
  #checkpointTimer: NodeJS.Timeout | undefined;
  #walFd: number | undefined;
  #syncing = false;
  #awaitingSync: Committed[] = [];
  #syncWaiters: Array<() => void> = [];
  #closed = false;
  #failure: AirlockError | undefined;

  constructor(options: SqliteAuditStoreOptions) {
    this.#db = options.db;
    this.#signer = options.signer;
    this.#clock = options.clock ?? systemClock;
    this.#headDir = options.headDir;
    this.#maxBatch = positiveInt(options.maxBatch ?? 1000, 'maxBatch');
    this.#flushDelayMs = Math.max(0, options.flushDelayMs ?? 0);
    this.#checkpointEvery = positiveInt(options.checkpointEvery ?? 1000, 'checkpointEvery');
    this.#ownsDb = options.ownsDb ?? true;

    const db = this.#db;
    const fileBacked = !db.memory && db.name !== '' && db.name !== ':memory:';
    const wal = fileBacked && String(db.pragma('journal_mode', { simple: true })).toLowerCase() === 'wal';
    const wanted = options.durability ?? (fileBacked ? 'fsync' : 'commit');
    if (wanted === 'fsync' && fileBacked && !wal) {
      // Not WAL: let SQLite sync each commit itself; the result is just as durable.
      db.pragma('synchronous = FULL');
      this.#durability = 'commit';
    } else {
      this.#durability = wanted === 'fsync' && wal ? 'fsync' : 'commit';
    }

    try {
      if (this.#signer !== undefined) db.exec(SCHEMA);
      else if (!tableExists(db, 'audit_records')) {
        throw new AirlockError('CONFIG_INVALID', 'no audit trail in this database');
      }
      this.chainId = this.#ensureChainId(options.chainId);
    } catch (error) {
      throw asAirlockError(error, 'AUDIT_FAILED', 'cannot open the audit store');
    }
    this.#genesis = genesisHash(this.chainId);
    this.#stmt = prepareStatements(db);
    this.#writeTx = db.transaction((batch: readonly Pending[]) => this.#writeBatch(batch));

    if (this.#signer !== undefined && this.#headDir !== undefined) {
      const head = readHeadFile(this.#headDir);
      if (head !== undefined && head.chainId !== this.chainId) {
        throw new AirlockError(
          'AUDIT_FAILED',
          `${this.#headDir}/audit-head.json belongs to audit chain ${head.chainId}, which this database does not hold ` +
            `(was the database replaced?); restore it, or move the head file away to start a new chain`,
        );
      }
    }

    this.#checkpointTimer = startCheckpointTimer(
      this.#signer !== undefined,
      options.checkpointIntervalMs,
      () => this.checkpoint(),
      (error) => this.#fail(error),
    );
  }

  // --- writing ---

  append(record: AuditRecord): Promise<Appended> {
    let body: string;
    try {
      body = bodyToAppend(record, { writable: this.#signer !== undefined, closed: this.#closed, failure: this.#failure });
    } catch (error) {
      return Promise.reject(error);
    }
    return new Promise<Appended>((resolve, reject) => {
      this.#queue.push({ body, seq: 0, hash: '', resolve, reject });
      if (this.#queue.length >= this.#maxBatch) this.#flushQueue();
      else this.#schedule();
    });
  }

  async flush(): Promise<void> {
    this.#flushQueue();
    await this.#durable();
  }

  async checkpoint(): Promise<Checkpoint | undefined> {
    if (this.#signer === undefined) throw new AirlockError('AUDIT_FAILED', 'the audit store is read-only');
    this.#flushQueue();
    let created: Checkpoint | undefined;
    try {
      created = this.#db.transaction(() => {
        const tip = this.#tip();
        return tip.seq > this.#lastCheckpointSeq() ? this.#signCheckpoint(tip) : undefined;
      }).immediate();
    } catch (error) {
      throw asAirlockError(error, 'AUDIT_FAILED', 'cannot write an audit checkpoint');
    }
    if (created !== undefined) {
      this.#committed({ waiters: [], checkpoint: created, headSeq: created.seq });
      await this.#durable();
    }
    return created;
  }

  onCommit(listener: (headSeq: number) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  #schedule(): void {
    if (this.#timer !== undefined) return;
    this.#timer =
      this.#flushDelayMs > 0
        ? { timeout: setTimeout(() => this.#flushQueue(), this.#flushDelayMs) }
        : { immediate: setImmediate(() => this.#flushQueue()) };
  }

  #flushQueue(): void {
    const timer = this.#timer;
    if (timer !== undefined) {
      if ('timeout' in timer) clearTimeout(timer.timeout);
      else clearImmediate(timer.immediate);
      this.#timer = undefined;
    }
    // After a failed flush nothing more is written: records queued before the failure was
    // known are refused like the ones after it
    const failure = this.#failure;
    if (failure !== undefined) {
      const refused = this.#queue;
      this.#queue = [];
      for (const p of refused) p.reject(failure);
      return;
    }
    while (this.#queue.length > 0) {
      const batch = this.#queue.length <= this.#maxBatch ? this.#queue : this.#queue.slice(0, this.#maxBatch);
      this.#queue = batch === this.#queue ? [] : this.#queue.slice(this.#maxBatch);
      let result: { headSeq: number; checkpoint?: Checkpoint };
      try {
        result = this.#writeTx.immediate(batch);
      } catch (error) {
        const failed = asAirlockError(error, 'AUDIT_FAILED', 'cannot write audit records');
        for (const p of batch) p.reject(failed);
        continue;
      }
      this.#committed({ waiters: batch, ...result });
    }
  }

  /** Inside the write transaction: chain the bodies onto the tip as it is now. */
  #writeBatch(batch: readonly Pending[]): { headSeq: number; checkpoint?: Checkpoint } {
    let { seq, hash } = this.#tip();
    let lastCheckpoint = this.#lastCheckpointSeq();
    let checkpoint: Checkpoint | undefined;
    const insert = this.#stmt.insert;
    const params = this.#insertParams;
    let filled = 0;
    for (const pending of batch) {
      const prev = hash;
      seq += 1;
      hash = chainHash(prev, seq, pending.body);
      params[filled++] = seq;
      params[filled++] = prev;
      params[filled++] = hash;
      params[filled++] = pending.body;
      if (filled === params.length) {
        this.#stmt.insertMany.run(params);
        filled = 0;
      }
      pending.body = ''; // written: do not keep it alive while the flush runs
      pending.seq = seq;
      pending.hash = hash;
      if (seq - lastCheckpoint >= this.#checkpointEvery) {
        checkpoint = this.#signCheckpoint({ seq, hash });
        lastCheckpoint = seq;
      }
    }
    for (let i = 0; i < filled; i += 4) insert.run(params[i], params[i + 1], params[i + 2], params[i + 3]);
    params.fill(undefined);
    return checkpoint !== undefined ? { headSeq: seq, checkpoint } : { headSeq: seq };
  }

  #signCheckpoint(tip: ChainPosition): Checkpoint {
    const signer = this.#signer;
    if (signer === undefined) throw new AirlockError('AUDIT_FAILED', 'the audit store is read-only');
    const unsigned = { seq: tip.seq, hash: tip.hash, at: this.#clock.now(), prevSeq: this.#lastCheckpointSeq(), keyId: signer.keyId };
    const checkpoint: Checkpoint = { ...unsigned, signature: signer.sign(checkpointPayload(this.chainId, unsigned)) };
    this.#stmt.insertCheckpoint.run(
      checkpoint.seq,
      checkpoint.hash,
      checkpoint.at,
      checkpoint.prevSeq,
      checkpoint.keyId,
      checkpoint.signature,
    );
    return checkpoint;
  }

  #tip(): ChainPosition {
    const row = this.#stmt.tip.get() as [number, string] | undefined;
    if (row !== undefined) return { seq: row[0], hash: row[1] };
    return this.#anchorSync() ?? { seq: 0, hash: this.#genesis };
  }

  #lastCheckpointSeq(): number {
    return (this.#stmt.lastCheckpoint.get() as number | undefined) ?? 0;
  }

  #anchorSync(): ChainPosition | undefined {
    const seq = this.#stmt.meta.get('anchor_seq') as string | undefined;
    const hash = this.#stmt.meta.get('anchor_hash') as string | undefined;
    return seq !== undefined && hash !== undefined ? { seq: Number(seq), hash } : undefined;
  }

  /** After a commit: make it durable, then acknowledge (never once a flush has failed). */
  #committed(batch: Committed): void {
    if (this.#failure !== undefined) {
      for (const w of batch.waiters) w.reject(this.#failure);
      this.#notifySyncWaiters();
      return;
    }
    if (this.#durability === 'commit') {
      this.#acknowledge([batch]);
      return;
    }
    this.#awaitingSync.push(batch);
    this.#startSync();
  }

  #startSync(): void {
    if (this.#syncing || this.#awaitingSync.length === 0) return;
    let fd: number;
    try {
      fd = this.#walFd ??= openSync(`${this.#db.name}-wal`, 'r+');
    } catch (error) {
      this.#rejectAwaiting(asAirlockError(error, 'AUDIT_FAILED', 'cannot open the audit WAL to flush it'));
      return;
    }
    const covered = this.#awaitingSync;
    this.#awaitingSync = [];
    this.#syncing = true;
    fdatasync(fd, (error) => {
      this.#syncing = false;
      if (error) {
        // A failed flush may have dropped dirty pages: this store must not acknowledge again.
        const failed = new AirlockError('AUDIT_FAILED', 'flushing the audit log to disk failed', { cause: error });
        this.#fail(failed);
        for (const b of covered) for (const w of b.waiters) w.reject(failed);
        this.#rejectAwaiting(failed);
      } else {
        this.#acknowledge(covered);
      }
      this.#startSync();
      if (!this.#syncing) this.#notifySyncWaiters();
    });
  }

  #acknowledge(batches: readonly Committed[]): void {
    let newest: Checkpoint | undefined;
    let headSeq = 0;
    for (const b of batches) {
      if (b.checkpoint !== undefined) newest = b.checkpoint;
      headSeq = Math.max(headSeq, b.headSeq);
    }
    // Only after the checkpoint is durable in the database may the head file name it.
    if (newest !== undefined && this.#headDir !== undefined) {
      try {
        writeHeadFile(this.#headDir, this.chainId, newest);
      } catch (error) {
        this.#fail(error);
      }
    }
    for (const b of batches) for (const w of b.waiters) w.resolve({ seq: w.seq, hash: w.hash });
    notifyCommit(this.#listeners, headSeq);
  }

  #rejectAwaiting(error: AirlockError): void {
    const batches = this.#awaitingSync;
    this.#awaitingSync = [];
    for (const b of batches) for (const w of b.waiters) w.reject(error);
    this.#notifySyncWaiters();
  }

  #durable(): Promise<void> {
    if (!this.#syncing && this.#awaitingSync.length === 0) return Promise.resolve();
    return new Promise((resolve) => this.#syncWaiters.push(resolve));
  }

  #notifySyncWaiters(): void {
    if (this.#syncing || this.#awaitingSync.length > 0) return;
    const waiters = this.#syncWaiters;
    this.#syncWaiters = [];
    for (const w of waiters) w();
  }

  #fail(error: unknown): void {
    this.#failure ??= asAirlockError(error, 'AUDIT_FAILED', 'the audit store failed');
  }

  // --- reading ---

  async head(): Promise<ChainPosition> {
    return this.#tip();
  }

  async anchor(): Promise<ChainPosition | undefined> {
    return this.#anchorSync();
  }

  rows(range: SeqRange): AsyncIterable<ChainRow[]> {
    return pages<ChainRow>(this.#stmt.page, PAGE, range);
  }

  hashedRows(range: SeqRange): AsyncIterable<HashedRow[]> {
    return pages<HashedRow>(this.#stmt.walk, WALK_PAGE, range);
  }

  /**
   * Verification workers: each opens its own read-only connection and runs the same segment
   * checker as the main thread, on tasks handed out one at a time.
   */
  checkSegments(tasks: readonly SegmentTask[], parallelism: number): Promise<SegmentResult[]> {
    const db = this.#db;
    if (db.memory || db.name === '' || db.name === ':memory:') {
      return Promise.reject(new Error('an in-memory database cannot be shared with workers'));
    }
    const workerData = {
      driver: createRequire(import.meta.url).resolve('better-sqlite3'),
      file: resolvePath(db.name),
      sql: WALK_SQL,
    };
    const results: SegmentResult[] = new Array<SegmentResult>(tasks.length);
    let next = 0;
    let running = 0;
    return new Promise<SegmentResult[]>((resolve, reject) => {
      const workers: Worker[] = [];
      let failed = false;
      const fail = (error: unknown) => {
        if (failed) return;
        failed = true;
        for (const w of workers) void w.terminate();
        reject(error instanceof Error ? error : new Error(String(error)));
      };
      const give = (worker: Worker, id: { task: number }) => {
        if (next >= tasks.length) {
          running--;
          void worker.terminate();
          if (running === 0 && !failed) resolve(results);
          return;
        }
        id.task = next++;
        worker.postMessage(tasks[id.task]);
      };
      const count = Math.max(1, Math.min(parallelism, tasks.length));
      for (let i = 0; i < count; i++) {
        const worker = new Worker(SEGMENT_WORKER_SOURCE, { eval: true, workerData });
        workers.push(worker);
        running++;
        const id = { task: -1 };
        worker.on('message', (message: { ok: true; result: SegmentResult } | { ok: false; error: string }) => {
          if (!message.ok) return fail(new Error(`verification worker failed: ${message.error}`));
          results[id.task] = message.result;
          give(worker, id);
        });
        worker.on('error', fail);
        give(worker, id);
      }
    });
  }

  async checkpoints(range: SeqRange = {}): Promise<Checkpoint[]> {
    const rows = this.#stmt.checkpoints.all(range.from ?? 0, range.to ?? Number.MAX_SAFE_INTEGER) as CheckpointRow[];
    return rows.map(([seq, hash, at, prevSeq, keyId, signature]) => ({ seq, hash, at, prevSeq, keyId, signature }));
  }

  async seqOfHash(hash: string, near: Required<SeqRange>): Promise<number | undefined> {
    return this.#stmt.seqOfHash.get(near.from, near.to, hash) as number | undefined;
  }

  async pruneRecords(): Promise<StoredRecord[]> {
    const out: StoredRecord[] = [];
    for await (const r of this.records({ type: 'prune' })) out.push(r);
    return out;
  }

  async schemaProblems(): Promise<string[]> {
    const expected = new Database(':memory:');
    try {
      expected.exec(SCHEMA);
      const read = (db: SqliteDatabase) =>
        new Map(
          (
            db
              .prepare(
                `SELECT type, name, sql FROM sqlite_master WHERE tbl_name IN (${AUDIT_TABLES.map(() => '?').join(', ')})`,
              )
              .all(...AUDIT_TABLES) as Array<{ type: string; name: string; sql: string | null }>
          ).map((r) => [`${r.type} ${r.name}`, r.sql ?? '']),
        );
      const want = read(expected);
      const have = read(this.#db);
      const problems: string[] = [];
      for (const [name, sql] of want) {
        if (!have.has(name)) problems.push(`${name} is missing`);
        else if (have.get(name) !== sql) problems.push(`${name} was altered`);
      }
      for (const name of have.keys()) if (!want.has(name)) problems.push(`${name} was added`);
      return problems;
    } finally {
      expected.close();
    }
  }

  async *records(query: AuditQuery): AsyncIterable<StoredRecord> {
    const { where, params } = whereOf(query);
    const statement = this.#db
      .prepare(`SELECT seq, prev_hash, hash, body FROM audit_records WHERE seq > ? AND ${where} ORDER BY seq LIMIT ?`)
      .raw(true);
    let after = query.afterSeq ?? 0;
    let left = query.limit ?? Number.POSITIVE_INFINITY;
    while (left > 0) {
      const rows = statement.all(after, ...params, Math.min(1000, left)) as ChainRow[];
      for (const [seq, prevHash, hash, body] of rows) yield { seq, prevHash, hash, record: decodeAuditRecord(body) };
      if (rows.length < Math.min(1000, left)) return;
      left -= rows.length;
      after = (rows[rows.length - 1] as ChainRow)[0];
    }
  }

  async summarize(query: AuditQuery, by: SummaryDimension): Promise<SummaryRow[]> {
    const key = {
      day: "strftime('%Y-%m-%d', at / 1000, 'unixepoch')",
      jurisdiction: "coalesce(jurisdiction, 'none')",
      decision: "coalesce(decision, 'unknown')",
    }[by];
    const { where, params } = whereOf({ ...query, type: 'request', phase: 'end' });
    const sql =
      `SELECT ${key} AS key, count(*) AS requests, ` +
      `coalesce(sum((SELECT sum(value) FROM json_each(body, '$.entityCounts'))), 0) AS findings ` +
      `FROM audit_records WHERE ${where} GROUP BY 1 ORDER BY 1`;
    return this.#db.prepare(sql).all(...params) as SummaryRow[];
  }

  // --- retention ---

  async pruneThrough(checkpointSeq: number, options: PruneOptions): Promise<PruneResult> {
    if (this.#signer === undefined) throw new AirlockError('AUDIT_FAILED', 'the audit store is read-only');
    await this.flush();
    const before = options.before;
    const result = this.#db
      .transaction((): PruneResult & { headSeq?: number; checkpoint?: Checkpoint } => {
        const anchor = this.#anchorSync();
        if (anchor !== undefined && checkpointSeq <= anchor.seq) return { deleted: 0, note: `already pruned through seq ${anchor.seq}` };
        const cp = (this.#stmt.checkpoints.all(checkpointSeq, checkpointSeq) as CheckpointRow[])[0];
        if (cp === undefined) throw new AirlockError('INPUT_INVALID', `seq ${checkpointSeq} is not a signed checkpoint`);
        if (!options.force) {
          const behind = this.#db
            .prepare('SELECT name, seq FROM audit_cursors WHERE seq < ? ORDER BY name')
            .all(checkpointSeq) as Array<{ name: string; seq: number }>;
          if (behind.length > 0) {
            const who = behind.map((c) => `${c.name} (shipped through seq ${c.seq})`).join(', ');
            return { deleted: 0, note: `not pruned: forwarder ${who} has not shipped seq ${checkpointSeq} yet; use --force to prune anyway` };
          }
        }
        const hash = cp[1];
        const body = encodeAuditRecord({ v: 1, type: 'prune', at: this.#clock.now(), throughSeq: checkpointSeq, anchorHash: hash, before });
        const written = this.#writeBatch([{ body, seq: 0, hash: '', resolve: noop, reject: noop }]);
        this.#stmt.setMeta.run('anchor_seq', String(checkpointSeq));
        this.#stmt.setMeta.run('anchor_hash', hash);
        const deleted = this.#db.prepare('DELETE FROM audit_records WHERE seq <= ?').run(checkpointSeq).changes;
        this.#db.prepare('DELETE FROM audit_checkpoints WHERE seq < ?').run(checkpointSeq);
        return { anchor: { seq: checkpointSeq, hash }, deleted, ...written };
      })
      .immediate();
    if (result.headSeq !== undefined) {
      this.#committed({ waiters: [], headSeq: result.headSeq, ...(result.checkpoint ? { checkpoint: result.checkpoint } : {}) });
      await this.#durable();
    }
    const { headSeq: _headSeq, checkpoint: _checkpoint, ...out } = result;
    return out;
  }

  // --- forwarder cursors ---

  async cursor(name: string): Promise<number> {
    return (this.#stmt.cursor.get(name) as number | undefined) ?? 0;
  }

  async setCursor(name: string, seq: number): Promise<void> {
    this.#stmt.setCursor.run(name, seq, this.#clock.now());
  }

  async cursors(): Promise<Array<{ name: string; seq: number; updatedAt: number }>> {
    return this.#db
      .prepare('SELECT name, seq, updated_at AS updatedAt FROM audit_cursors ORDER BY name')
      .all() as Array<{ name: string; seq: number; updatedAt: number }>;
  }

  async close(): Promise<void> {
    if (this.#closed) return;
    if (this.#checkpointTimer !== undefined) clearInterval(this.#checkpointTimer);
    try {
      this.#flushQueue();
      if (this.#signer !== undefined && this.#failure === undefined) await this.checkpoint();
      await this.#durable();
    } finally {
      this.#closed = true;
      if (this.#walFd !== undefined) closeSync(this.#walFd);
      this.#walFd = undefined;
      if (this.#ownsDb) this.#db.close();
    }
  }

  #ensureChainId(wanted: string | undefined): string {
    const existing = this.#db.prepare("SELECT value FROM audit_meta WHERE key = 'chain_id'").pluck().get() as string | undefined;
    if (existing !== undefined) return existing;
    if (this.#signer === undefined) throw new AirlockError('CONFIG_INVALID', 'the audit trail has no chain id');
    const chainId = wanted ?? randomBytes(16).toString('hex');
    this.#db.prepare("INSERT INTO audit_meta (key, value) VALUES ('chain_id', ?) ON CONFLICT (key) DO NOTHING").run(chainId);
    return this.#db.prepare("SELECT value FROM audit_meta WHERE key = 'chain_id'").pluck().get() as string;
  }
}

function prepareStatements(db: SqliteDatabase) {
  return {
    insert: db.prepare('INSERT INTO audit_records (seq, prev_hash, hash, body) VALUES (?, ?, ?, ?)'),
    insertMany: db.prepare(
      `INSERT INTO audit_records (seq, prev_hash, hash, body) VALUES ${Array.from({ length: ROWS_PER_INSERT }, () => '(?, ?, ?, ?)').join(', ')}`,
    ),
    tip: db.prepare('SELECT seq, hash FROM audit_records ORDER BY seq DESC LIMIT 1').raw(true),
    lastCheckpoint: db.prepare('SELECT seq FROM audit_checkpoints ORDER BY seq DESC LIMIT 1').pluck(),
    insertCheckpoint: db.prepare(
      'INSERT INTO audit_checkpoints (seq, hash, at, prev_seq, key_id, signature) VALUES (?, ?, ?, ?, ?, ?)',
    ),
    meta: db.prepare('SELECT value FROM audit_meta WHERE key = ?').pluck(),
    setMeta: db.prepare('INSERT INTO audit_meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value'),
    page: db
      .prepare('SELECT seq, prev_hash, hash, body FROM audit_records WHERE seq >= ? AND seq <= ? ORDER BY seq LIMIT ?')
      .raw(true),
    walk: db.prepare(WALK_SQL).raw(true),
    checkpoints: db
      .prepare('SELECT seq, hash, at, prev_seq, key_id, signature FROM audit_checkpoints WHERE seq >= ? AND seq <= ? ORDER BY seq')
      .raw(true),
    seqOfHash: db.prepare('SELECT seq FROM audit_records WHERE seq >= ? AND seq <= ? AND hash = ? ORDER BY seq LIMIT 1').pluck(),
    cursor: db.prepare('SELECT seq FROM audit_cursors WHERE name = ?').pluck(),
    setCursor: db.prepare(
      'INSERT INTO audit_cursors (name, seq, updated_at) VALUES (?, ?, ?) ' +
        'ON CONFLICT (name) DO UPDATE SET seq = max(seq, excluded.seq), updated_at = excluded.updated_at',
    ),
  };
}

type Statements = ReturnType<typeof prepareStatements>;

function whereOf(query: AuditQuery): { where: string; params: unknown[] } {
  const clauses: string[] = ['1 = 1'];
  const params: unknown[] = [];
  const eq = (column: string, value: unknown) => {
    clauses.push(`${column} = ?`);
    params.push(value);
  };
  if (query.since !== undefined) {
    clauses.push('at >= ?');
    params.push(query.since);
  }
  if (query.until !== undefined) {
    clauses.push('at < ?');
    params.push(query.until);
  }
  if (query.clientId !== undefined) eq('client_id', query.clientId);
  if (query.endpointId !== undefined) eq('endpoint_id', query.endpointId);
  if (query.jurisdiction !== undefined) eq('jurisdiction', query.jurisdiction);
  if (query.decision !== undefined) eq('decision', query.decision);
  if (query.requestId !== undefined) eq('request_id', query.requestId);
  if (query.phase !== undefined) eq('phase', query.phase);
  if (query.type !== undefined) eq('type', query.type);
  if (query.entity !== undefined) {
    if (!ENTITY.test(query.entity)) throw new AirlockError('INPUT_INVALID', 'entity must be an UPPER_SNAKE entity id');
    clauses.push('json_extract(body, ?) > 0');
    params.push(`$.entityCounts.${query.entity}`);
  }
  return { where: clauses.join(' AND '), params };
}

function tableExists(db: SqliteDatabase, name: string): boolean {
  return db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(name) !== undefined;
}

function positiveInt(n: number, name: string): number {
  if (!Number.isInteger(n) || n < 1) throw new AirlockError('CONFIG_INVALID', `audit store option ${name} must be a positive integer`);
  return n;
}

/** Rows of `range` in pages of `size`, in order of seq (each row's first column). */
async function* pages<T extends [number, ...unknown[]]>(
  statement: { all(from: number, to: number, limit: number): unknown[] },
  size: number,
  range: SeqRange,
): AsyncIterable<T[]> {
  let from = range.from ?? 1;
  const to = range.to ?? Number.MAX_SAFE_INTEGER;
  while (from <= to) {
    const rows = statement.all(from, to, size) as T[];
    if (rows.length === 0) return;
    yield rows;
    from = (rows[rows.length - 1] as T)[0] + 1;
    if (rows.length < size) return;
  }
}

import { createHash, randomBytes } from 'node:crypto';
import pg from 'pg';
import { systemClock, type Clock } from '../core/clock.js';
import { AirlockError, asAirlockError } from '../core/errors.js';
import { chainHash, checkpointPayload, genesisHash, HASHED_TEXT_SQL, type Checkpoint } from './chain.js';
import { decodeAuditRecord, encodeAuditRecord, type AuditRecord } from './record.js';
import { readHeadFile, writeHeadFile, type AuditSigner } from './signing.js';
import { bodyToAppend, notifyCommit, startCheckpointTimer } from './store-common.js';
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
 * The audit store for many gateway instances: one chain per schema in PostgreSQL, shared by
 * every instance that points at it.
 *
 * Each store keeps its own group-commit queue (like the SQLite store) and writes a batch in
 * one transaction that first takes `pg_advisory_xact_lock(<chain key>)`, re-reads the tip,
 * inserts the batch with the next seqs and hashes (one statement), signs a checkpoint when
 * due, notifies the other instances and commits. The lock is held for one batch, so
 * instances take turns per batch and the chain never forks. `synchronous_commit` is set to
 * `on` for the store's sessions, so a resolved `append` is on the server's disk.
 *
 * Triggers make the tables append-only (UPDATE and TRUNCATE refused; DELETE only below the
 * prune anchor). Query fields are read from the body (expression indexes on `at` and
 * `requestId`), so they cannot be edited apart from it. `schemaProblems` compares the
 * schema's catalog — tables, columns, indexes, constraints, triggers (and whether they are
 * enabled), trigger functions, rules and row-level security — with a scratch copy created
 * and rolled back in one transaction.
 */

export interface PostgresAuditStoreOptions {
  /** postgres:// URL */
  url: string;
  /** schema holding the chain's tables (default "airlock_audit"); one chain per schema */
  schema?: string;
  /** absent: a read-only store (verify, query, export) */
  signer?: AuditSigner;
  clock?: Clock;
  /** directory of audit-head.json (normally the signing key's directory); absent: none kept */
  headDir?: string;
  /** most records per transaction (default 1000) */
  maxBatch?: number;
  /** sign a checkpoint after this many records (default 1000) */
  checkpointEvery?: number;
  /** and at least this often while records arrive (default 1000 ms; 0: never by time) */
  checkpointIntervalMs?: number;
  /** chain id for a new chain (default random); ignored for an existing chain */
  chainId?: string;
  /** connections in the pool (default 4) */
  poolSize?: number;
  /** give up connecting after this long (default 5000 ms) */
  connectTimeoutMs?: number;
}

const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;
const ENTITY = /^[A-Z][A-Z0-9_]{0,63}$/;
const WALK_PAGE = 5000;
const PAGE = 1000;
const INT8_OID = 20;
const NUMERIC_OID = 1700;

/** The DDL of one chain, in schema `s` (already validated and quoted). */
function ddl(s: string): string {
  return `
  CREATE TABLE ${s}.audit_meta (key text PRIMARY KEY, value text NOT NULL);
  CREATE TABLE ${s}.audit_records (
    seq bigint PRIMARY KEY CHECK (seq > 0),
    prev_hash text NOT NULL,
    hash text NOT NULL,
    body text NOT NULL
  );
  CREATE INDEX audit_records_at ON ${s}.audit_records (((body::jsonb ->> 'at')::bigint));
  CREATE INDEX audit_records_request ON ${s}.audit_records ((body::jsonb ->> 'requestId'));
  CREATE TABLE ${s}.audit_checkpoints (
    seq bigint PRIMARY KEY,
    hash text NOT NULL,
    at bigint NOT NULL,
    prev_seq bigint NOT NULL,
    key_id text NOT NULL,
    signature text NOT NULL
  );
  CREATE TABLE ${s}.audit_cursors (name text PRIMARY KEY, seq bigint NOT NULL, updated_at bigint NOT NULL);
  CREATE FUNCTION ${s}.audit_refuse() RETURNS trigger LANGUAGE plpgsql AS $fn$
    BEGIN RAISE EXCEPTION 'audit % are append-only', TG_TABLE_NAME; END $fn$;
  CREATE FUNCTION ${s}.audit_guard_record_delete() RETURNS trigger LANGUAGE plpgsql AS $fn$
    BEGIN
      IF OLD.seq > coalesce((SELECT value::bigint FROM ${s}.audit_meta WHERE key = 'anchor_seq'), 0) THEN
        RAISE EXCEPTION 'audit records are deleted only by prune, up to a signed checkpoint';
      END IF;
      RETURN OLD;
    END $fn$;
  CREATE FUNCTION ${s}.audit_guard_checkpoint_delete() RETURNS trigger LANGUAGE plpgsql AS $fn$
    BEGIN
      IF OLD.seq >= coalesce((SELECT value::bigint FROM ${s}.audit_meta WHERE key = 'anchor_seq'), 0) THEN
        RAISE EXCEPTION 'audit checkpoints are deleted only by prune';
      END IF;
      RETURN OLD;
    END $fn$;
  CREATE TRIGGER audit_records_no_update BEFORE UPDATE ON ${s}.audit_records FOR EACH ROW EXECUTE FUNCTION ${s}.audit_refuse();
  CREATE TRIGGER audit_records_no_delete BEFORE DELETE ON ${s}.audit_records FOR EACH ROW EXECUTE FUNCTION ${s}.audit_guard_record_delete();
  CREATE TRIGGER audit_records_no_truncate BEFORE TRUNCATE ON ${s}.audit_records FOR EACH STATEMENT EXECUTE FUNCTION ${s}.audit_refuse();
  CREATE TRIGGER audit_checkpoints_no_update BEFORE UPDATE ON ${s}.audit_checkpoints FOR EACH ROW EXECUTE FUNCTION ${s}.audit_refuse();
  CREATE TRIGGER audit_checkpoints_no_delete BEFORE DELETE ON ${s}.audit_checkpoints FOR EACH ROW EXECUTE FUNCTION ${s}.audit_guard_checkpoint_delete();
  CREATE TRIGGER audit_checkpoints_no_truncate BEFORE TRUNCATE ON ${s}.audit_checkpoints FOR EACH STATEMENT EXECUTE FUNCTION ${s}.audit_refuse();
  `;
}

/** Everything `schemaProblems` compares, as "kind name" → definition, schema names replaced by `$S`. */
const CATALOG_SQL = `
  SELECT 'relation ' || c.relname AS name, c.relkind::text || ' rls=' || c.relrowsecurity || '/' || c.relforcerowsecurity AS def
    FROM pg_class c WHERE c.relnamespace = $1::regnamespace
  UNION ALL
  SELECT 'column ' || c.relname || '.' || a.attname,
         format_type(a.atttypid, a.atttypmod) || ' notnull=' || a.attnotnull || ' generated=' || a.attgenerated::text
           || ' default=' || coalesce(pg_get_expr(d.adbin, d.adrelid), '')
    FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid
    LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
    WHERE c.relnamespace = $1::regnamespace AND c.relkind = 'r' AND a.attnum > 0 AND NOT a.attisdropped
  UNION ALL
  SELECT 'index ' || indexname, indexdef FROM pg_indexes WHERE schemaname = $2
  UNION ALL
  SELECT 'constraint ' || c.relname || '.' || k.conname, pg_get_constraintdef(k.oid)
    FROM pg_constraint k JOIN pg_class c ON c.oid = k.conrelid WHERE c.relnamespace = $1::regnamespace
  UNION ALL
  SELECT 'trigger ' || t.tgname, pg_get_triggerdef(t.oid) || ' enabled=' || t.tgenabled::text
    FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid WHERE c.relnamespace = $1::regnamespace AND NOT t.tgisinternal
  UNION ALL
  SELECT 'function ' || p.proname, p.prosrc || ' security_definer=' || p.prosecdef FROM pg_proc p WHERE p.pronamespace = $1::regnamespace
  UNION ALL
  SELECT 'rule ' || rulename, definition FROM pg_rules WHERE schemaname = $2
  UNION ALL
  SELECT 'policy ' || policyname, coalesce(qual, '') || ' ' || coalesce(with_check, '') FROM pg_policies WHERE schemaname = $2
`;

interface Pending {
  body: string;
  seq: number;
  hash: string;
  resolve(value: Appended): void;
  reject(error: unknown): void;
}

type Client = pg.PoolClient;

/** bigint and numeric results as numbers (seqs and counts stay far below 2^53). */
const types = {
  getTypeParser(oid: number, format?: 'text' | 'binary') {
    if (oid === INT8_OID || oid === NUMERIC_OID) return (value: string) => Number(value);
    return pg.types.getTypeParser(oid, format);
  },
};

export class PostgresAuditStore implements AuditStore {
  readonly kind = 'postgres' as const;
  readonly chainId: string;
  readonly schema: string;
  readonly #s: string;
  readonly #pool: pg.Pool;
  readonly #signer: AuditSigner | undefined;
  readonly #clock: Clock;
  readonly #headDir: string | undefined;
  readonly #maxBatch: number;
  readonly #checkpointEvery: number;
  readonly #genesis: string;
  /** the advisory lock key of this chain (a signed 64-bit integer, as text) */
  readonly #lockKey: string;
  readonly #channel: string;
  readonly #listeners = new Set<(headSeq: number) => void>();
  #listenClient: pg.Client | undefined;
  #listening: Promise<void> | undefined;
  #queue: Pending[] = [];
  #writing: Promise<void> | undefined;
  #scheduled = false;
  #checkpointTimer: NodeJS.Timeout | undefined;
  #closed = false;
  #failure: AirlockError | undefined;
  readonly #url: string;

  private constructor(options: PostgresAuditStoreOptions, pool: pg.Pool, schema: string, chainId: string) {
    this.#url = options.url;
    this.#pool = pool;
    this.schema = schema;
    this.#s = `"${schema}"`;
    this.#signer = options.signer;
    this.#clock = options.clock ?? systemClock;
    this.#headDir = options.headDir;
    this.#maxBatch = positiveInt(options.maxBatch ?? 1000, 'maxBatch');
    this.#checkpointEvery = positiveInt(options.checkpointEvery ?? 1000, 'checkpointEvery');
    this.chainId = chainId;
    this.#genesis = genesisHash(chainId);
    this.#lockKey = lockKeyOf(schema);
    this.#channel = `airlock_audit_${createHash('sha256').update(schema).digest('hex').slice(0, 16)}`;
    this.#checkpointTimer = startCheckpointTimer(
      this.#signer !== undefined,
      options.checkpointIntervalMs,
      () => this.checkpoint(),
      (error) => this.#fail(error),
    );
  }

  /** Connects, creates the schema when writing (once, under the chain's lock), and reads the chain id. */
  static async open(options: PostgresAuditStoreOptions): Promise<PostgresAuditStore> {
    const schema = options.schema ?? 'airlock_audit';
    if (!SCHEMA_NAME.test(schema)) {
      throw new AirlockError('CONFIG_INVALID', 'the audit schema name must be lower-case letters, digits and "_" (at most 63)');
    }
    positiveInt(options.maxBatch ?? 1000, 'maxBatch');
    positiveInt(options.checkpointEvery ?? 1000, 'checkpointEvery');
    const pool = new pg.Pool({
      connectionString: options.url,
      max: options.poolSize ?? 4,
      connectionTimeoutMillis: options.connectTimeoutMs ?? 5000,
      types,
      // an acknowledged record must be on the server's disk, whatever the server's default
      options: '-c synchronous_commit=on',
    });
    // An idle client's error (server restart) must not crash the process; the next query fails instead.
    pool.on('error', () => undefined);
    const s = `"${schema}"`;
    let chainId: string;
    try {
      const client = await pool.connect();
      try {
        if (options.signer !== undefined) {
          await client.query('BEGIN');
          await client.query('SELECT pg_advisory_xact_lock($1::bigint)', [lockKeyOf(schema)]);
          const exists = await client.query('SELECT 1 FROM pg_namespace WHERE nspname = $1', [schema]);
          const tables = await client.query(
            "SELECT 1 FROM pg_class WHERE relnamespace = (SELECT oid FROM pg_namespace WHERE nspname = $1) AND relname = 'audit_records'",
            [schema],
          );
          if (tables.rowCount === 0) {
            if (exists.rowCount === 0) await client.query(`CREATE SCHEMA ${s}`);
            await client.query(ddl(s));
          }
          await client.query(`INSERT INTO ${s}.audit_meta (key, value) VALUES ('chain_id', $1) ON CONFLICT (key) DO NOTHING`, [
            options.chainId ?? randomBytes(16).toString('hex'),
          ]);
          await client.query('COMMIT');
        }
        const found = await client.query<{ value: string }>(
          `SELECT value FROM ${s}.audit_meta WHERE key = 'chain_id'`,
        ).catch((error: unknown) => {
          throw new AirlockError('CONFIG_INVALID', `no audit trail in PostgreSQL schema ${schema}`, { cause: error });
        });
        const id = found.rows[0]?.value;
        if (id === undefined) throw new AirlockError('CONFIG_INVALID', `the audit trail in schema ${schema} has no chain id`);
        chainId = id;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    } catch (error) {
      await pool.end().catch(() => undefined);
      if (error instanceof AirlockError) throw error;
      throw new AirlockError('AUDIT_FAILED', `cannot open the PostgreSQL audit store at ${redactUrl(options.url)}`, { cause: error });
    }
    if (options.signer !== undefined && options.headDir !== undefined) {
      const head = readHeadFile(options.headDir);
      if (head !== undefined && head.chainId !== chainId) {
        await pool.end().catch(() => undefined);
        throw new AirlockError(
          'AUDIT_FAILED',
          `${options.headDir}/audit-head.json belongs to audit chain ${head.chainId}, which this database does not hold ` +
            `(was the database replaced?); restore it, or move the head file away to start a new chain`,
        );
      }
    }
    return new PostgresAuditStore(options, pool, schema, chainId);
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
      this.#schedule();
    });
  }

  async flush(): Promise<void> {
    while (this.#queue.length > 0 || this.#writing !== undefined) {
      if (this.#writing !== undefined) await this.#writing;
      else this.#startWriting();
    }
  }

  async checkpoint(): Promise<Checkpoint | undefined> {
    if (this.#signer === undefined) throw new AirlockError('AUDIT_FAILED', 'the audit store is read-only');
    await this.flush();
    let created: Checkpoint | undefined;
    try {
      created = await this.#transaction(async (client) => {
        const tip = await this.#tip(client);
        const last = await this.#lastCheckpointSeq(client);
        return tip.seq > last ? this.#signCheckpoint(client, tip, last) : undefined;
      });
    } catch (error) {
      throw asAirlockError(error, 'AUDIT_FAILED', 'cannot write an audit checkpoint');
    }
    if (created !== undefined) this.#afterCommit(created.seq, created);
    return created;
  }

  onCommit(listener: (headSeq: number) => void): () => void {
    this.#listeners.add(listener);
    this.#listen();
    return () => this.#listeners.delete(listener);
  }

  #schedule(): void {
    if (this.#scheduled || this.#writing !== undefined) return;
    this.#scheduled = true;
    setImmediate(() => {
      this.#scheduled = false;
      if (this.#writing === undefined) this.#startWriting();
    });
  }

  /** One batch in flight; what arrives meanwhile waits and goes in the next batch (group commit). */
  #startWriting(): void {
    if (this.#queue.length === 0) return;
    const batch = this.#queue.length <= this.#maxBatch ? this.#queue : this.#queue.slice(0, this.#maxBatch);
    this.#queue = batch === this.#queue ? [] : this.#queue.slice(this.#maxBatch);
    this.#writing = this.#writeBatch(batch).finally(() => {
      this.#writing = undefined;
      if (this.#queue.length > 0) this.#startWriting();
    });
  }

  async #writeBatch(batch: Pending[]): Promise<void> {
    let result: { headSeq: number; checkpoint?: Checkpoint };
    try {
      result = await this.#transaction((client) => this.#chain(client, batch));
    } catch (error) {
      const failed = asAirlockError(error, 'AUDIT_FAILED', 'cannot write audit records');
      for (const p of batch) p.reject(failed);
      return;
    }
    this.#afterCommit(result.headSeq, result.checkpoint);
    for (const p of batch) p.resolve({ seq: p.seq, hash: p.hash });
  }

  /** Inside the locked transaction: chain the bodies onto the tip as it is now. */
  async #chain(client: Client, batch: Pending[]): Promise<{ headSeq: number; checkpoint?: Checkpoint }> {
    let { seq, hash } = await this.#tip(client);
    let lastCheckpoint = await this.#lastCheckpointSeq(client);
    const due: Array<{ at: ChainPosition; prevSeq: number }> = [];
    const seqs: number[] = [];
    const prevs: string[] = [];
    const hashes: string[] = [];
    const bodies: string[] = [];
    for (const pending of batch) {
      const prev = hash;
      seq += 1;
      hash = chainHash(prev, seq, pending.body);
      seqs.push(seq);
      prevs.push(prev);
      hashes.push(hash);
      bodies.push(pending.body);
      pending.seq = seq;
      pending.hash = hash;
      if (seq - lastCheckpoint >= this.#checkpointEvery) {
        due.push({ at: { seq, hash }, prevSeq: lastCheckpoint });
        lastCheckpoint = seq;
      }
    }
    await client.query(
      `INSERT INTO ${this.#s}.audit_records (seq, prev_hash, hash, body) SELECT * FROM unnest($1::bigint[], $2::text[], $3::text[], $4::text[])`,
      [seqs, prevs, hashes, bodies],
    );
    let checkpoint: Checkpoint | undefined;
    for (const d of due) checkpoint = await this.#signCheckpoint(client, d.at, d.prevSeq);
    await client.query('SELECT pg_notify($1, $2)', [this.#channel, String(seq)]);
    return checkpoint !== undefined ? { headSeq: seq, checkpoint } : { headSeq: seq };
  }

  async #signCheckpoint(client: Client, tip: ChainPosition, prevSeq: number): Promise<Checkpoint> {
    const signer = this.#signer;
    if (signer === undefined) throw new AirlockError('AUDIT_FAILED', 'the audit store is read-only');
    const unsigned = { seq: tip.seq, hash: tip.hash, at: this.#clock.now(), prevSeq, keyId: signer.keyId };
    const checkpoint: Checkpoint = { ...unsigned, signature: signer.sign(checkpointPayload(this.chainId, unsigned)) };
    await client.query(
      `INSERT INTO ${this.#s}.audit_checkpoints (seq, hash, at, prev_seq, key_id, signature) VALUES ($1, $2, $3, $4, $5, $6)`,
      [checkpoint.seq, checkpoint.hash, checkpoint.at, checkpoint.prevSeq, checkpoint.keyId, checkpoint.signature],
    );
    return checkpoint;
  }

  /** Runs `fn` in a transaction holding the chain's advisory lock. */
  async #transaction<T>(fn: (client: Client) => Promise<T>): Promise<T> {
    const client = await this.#pool.connect();
    let broken: Error | undefined;
    try {
      await client.query('BEGIN');
      await client.query('SELECT pg_advisory_xact_lock($1::bigint)', [this.#lockKey]);
      const result = await fn(client);
      await client.query('COMMIT');
      return result;
    } catch (error) {
      try {
        await client.query('ROLLBACK');
      } catch (rollbackError) {
        broken = rollbackError instanceof Error ? rollbackError : new Error(String(rollbackError));
      }
      throw error;
    } finally {
      client.release(broken);
    }
  }

  async #tip(client: Client | pg.Pool): Promise<ChainPosition> {
    const r = await client.query({ text: `SELECT seq, hash FROM ${this.#s}.audit_records ORDER BY seq DESC LIMIT 1`, rowMode: 'array' });
    const row = r.rows[0] as [number, string] | undefined;
    if (row !== undefined) return { seq: row[0], hash: row[1] };
    return (await this.#anchorOf(client)) ?? { seq: 0, hash: this.#genesis };
  }

  async #lastCheckpointSeq(client: Client | pg.Pool): Promise<number> {
    const r = await client.query({ text: `SELECT seq FROM ${this.#s}.audit_checkpoints ORDER BY seq DESC LIMIT 1`, rowMode: 'array' });
    return (r.rows[0] as [number] | undefined)?.[0] ?? 0;
  }

  async #anchorOf(client: Client | pg.Pool): Promise<ChainPosition | undefined> {
    const r = await client.query<{ key: string; value: string }>(
      `SELECT key, value FROM ${this.#s}.audit_meta WHERE key IN ('anchor_seq', 'anchor_hash')`,
    );
    const seq = r.rows.find((x) => x.key === 'anchor_seq')?.value;
    const hash = r.rows.find((x) => x.key === 'anchor_hash')?.value;
    return seq !== undefined && hash !== undefined ? { seq: Number(seq), hash } : undefined;
  }

  #afterCommit(headSeq: number, checkpoint: Checkpoint | undefined): void {
    if (checkpoint !== undefined && this.#headDir !== undefined) {
      try {
        writeHeadFile(this.#headDir, this.chainId, checkpoint);
      } catch (error) {
        this.#fail(error);
      }
    }
    notifyCommit(this.#listeners, headSeq);
  }

  /** Commits by other instances arrive by NOTIFY; without it the forwarder still polls. */
  #listen(): void {
    if (this.#listening !== undefined || this.#closed) return;
    const client = new pg.Client({ connectionString: this.#url, types });
    client.on('error', () => {
      this.#listenClient = undefined;
      this.#listening = undefined;
    });
    client.on('notification', (message) => {
      const seq = Number(message.payload);
      if (Number.isSafeInteger(seq)) notifyCommit(this.#listeners, seq);
    });
    this.#listenClient = client;
    this.#listening = client
      .connect()
      .then(() => client.query(`LISTEN ${this.#channel}`))
      .then(() => undefined)
      .catch(() => {
        this.#listenClient = undefined;
        void client.end().catch(() => undefined);
      });
  }

  #fail(error: unknown): void {
    this.#failure ??= asAirlockError(error, 'AUDIT_FAILED', 'the audit store failed');
  }

  // --- reading ---

  async head(): Promise<ChainPosition> {
    return this.#read(() => this.#tip(this.#pool));
  }

  async anchor(): Promise<ChainPosition | undefined> {
    return this.#read(() => this.#anchorOf(this.#pool));
  }

  async *rows(range: SeqRange): AsyncIterable<ChainRow[]> {
    yield* this.#pages<ChainRow>(`SELECT seq, prev_hash, hash, body FROM ${this.#s}.audit_records`, range, PAGE);
  }

  async *hashedRows(range: SeqRange): AsyncIterable<HashedRow[]> {
    yield* this.#pages<HashedRow>(`SELECT seq, prev_hash, hash, ${HASHED_TEXT_SQL} FROM ${this.#s}.audit_records`, range, WALK_PAGE);
  }

  /**
   * Pages by seq windows, not LIMIT: with an open upper bound and stale statistics the planner
   * may scan and sort the whole range for every page; a window of `size` seqs is always one
   * short primary-key range scan. Gaps only make a window shorter.
   */
  async *#pages<Row extends [number, ...unknown[]]>(select: string, range: SeqRange, size: number): AsyncIterable<Row[]> {
    const bounds = await this.#read(async () => {
      const r = await this.#pool.query({
        text: `SELECT min(seq), max(seq) FROM ${this.#s}.audit_records WHERE seq >= $1 AND seq <= $2`,
        values: [range.from ?? 1, range.to ?? Number.MAX_SAFE_INTEGER],
        rowMode: 'array',
      });
      return r.rows[0] as [number | null, number | null];
    });
    if (bounds[0] === null || bounds[1] === null) return;
    const last = bounds[1];
    for (let from = bounds[0]; from <= last; from += size) {
      const to = Math.min(last, from + size - 1);
      const rows = await this.#read(async () => {
        const r = await this.#pool.query({ text: `${select} WHERE seq >= $1 AND seq <= $2 ORDER BY seq`, values: [from, to], rowMode: 'array' });
        return r.rows as Row[];
      });
      if (rows.length > 0) yield rows;
    }
  }

  async checkpoints(range: SeqRange = {}): Promise<Checkpoint[]> {
    return this.#read(async () => {
      const r = await this.#pool.query({
        text: `SELECT seq, hash, at, prev_seq, key_id, signature FROM ${this.#s}.audit_checkpoints WHERE seq >= $1 AND seq <= $2 ORDER BY seq`,
        values: [range.from ?? 0, range.to ?? Number.MAX_SAFE_INTEGER],
        rowMode: 'array',
      });
      return (r.rows as Array<[number, string, number, number, string, string]>).map(([seq, hash, at, prevSeq, keyId, signature]) => ({
        seq,
        hash,
        at,
        prevSeq,
        keyId,
        signature,
      }));
    });
  }

  async seqOfHash(hash: string, near: Required<SeqRange>): Promise<number | undefined> {
    return this.#read(async () => {
      const r = await this.#pool.query({
        text: `SELECT seq FROM ${this.#s}.audit_records WHERE seq >= $1 AND seq <= $2 AND hash = $3 ORDER BY seq LIMIT 1`,
        values: [near.from, near.to, hash],
        rowMode: 'array',
      });
      return (r.rows[0] as [number] | undefined)?.[0];
    });
  }

  async pruneRecords(): Promise<StoredRecord[]> {
    const out: StoredRecord[] = [];
    for await (const r of this.records({ type: 'prune' })) out.push(r);
    return out;
  }

  async schemaProblems(): Promise<string[]> {
    return this.#read(async () => {
      const client = await this.#pool.connect();
      const scratch = `airlock_check_${randomBytes(6).toString('hex')}`;
      try {
        await client.query('BEGIN');
        try {
          await client.query(`CREATE SCHEMA "${scratch}"`);
          await client.query(ddl(`"${scratch}"`));
        } catch (error) {
          // Fail closed, but say why: a verifier without CREATE cannot build the reference copy.
          const code = (error as { code?: unknown }).code;
          return [`the schema could not be checked: creating a scratch copy failed${typeof code === 'string' ? ` (SQLSTATE ${code})` : ''}`];
        }
        const read = async (schema: string) => {
          const r = await client.query<{ name: string; def: string }>(CATALOG_SQL, [`"${schema}"`, schema]);
          // only qualified references name the schema
          const normalise = (def: string) => def.split(`"${schema}".`).join('$S.').split(`${schema}.`).join('$S.');
          return new Map(r.rows.map((x) => [x.name, normalise(x.def ?? '')]));
        };
        const want = await read(scratch);
        const have = await read(this.schema);
        const problems: string[] = [];
        for (const [name, def] of want) {
          if (!have.has(name)) problems.push(`${name} is missing`);
          else if (have.get(name) !== def) problems.push(`${name} was altered`);
        }
        for (const name of have.keys()) if (!want.has(name)) problems.push(`${name} was added`);
        return problems.sort();
      } finally {
        await client.query('ROLLBACK').catch(() => undefined);
        client.release();
      }
    });
  }

  async *records(query: AuditQuery): AsyncIterable<StoredRecord> {
    const { where, params } = whereOf(query, 3);
    const text = `SELECT seq, prev_hash, hash, body FROM ${this.#s}.audit_records WHERE seq > $1 AND ${where} ORDER BY seq LIMIT $2`;
    let after = query.afterSeq ?? 0;
    let left = query.limit ?? Number.POSITIVE_INFINITY;
    while (left > 0) {
      const size = Math.min(PAGE, left);
      const rows = await this.#read(async () => {
        const r = await this.#pool.query({ text, values: [after, size, ...params], rowMode: 'array' });
        return r.rows as ChainRow[];
      });
      for (const [seq, prevHash, hash, body] of rows) yield { seq, prevHash, hash, record: decodeAuditRecord(body) };
      if (rows.length < size) return;
      left -= rows.length;
      after = (rows[rows.length - 1] as ChainRow)[0];
    }
  }

  async summarize(query: AuditQuery, by: SummaryDimension): Promise<SummaryRow[]> {
    const key = {
      day: `to_char(to_timestamp(floor(${AT} / 1000)) AT TIME ZONE 'UTC', 'YYYY-MM-DD')`,
      jurisdiction: `coalesce(body::jsonb -> 'endpoint' ->> 'jurisdiction', 'none')`,
      decision: `coalesce(body::jsonb ->> 'decision', 'unknown')`,
    }[by];
    const { where, params } = whereOf({ ...query, type: 'request', phase: 'end' }, 1);
    const text =
      `SELECT ${key} AS key, count(*)::bigint AS requests, ` +
      `coalesce(sum((SELECT sum(value::numeric) FROM jsonb_each_text(coalesce(body::jsonb -> 'entityCounts', '{}'::jsonb)))), 0)::bigint AS findings ` +
      `FROM ${this.#s}.audit_records WHERE ${where} GROUP BY 1 ORDER BY (${key}) COLLATE "C"`;
    return this.#read(async () => (await this.#pool.query<SummaryRow>(text, params)).rows);
  }

  // --- retention ---

  async pruneThrough(checkpointSeq: number, options: PruneOptions): Promise<PruneResult> {
    if (this.#signer === undefined) throw new AirlockError('AUDIT_FAILED', 'the audit store is read-only');
    await this.flush();
    let result: PruneResult & { headSeq?: number; checkpoint?: Checkpoint };
    try {
      result = await this.#transaction(async (client) => {
        const anchor = await this.#anchorOf(client);
        if (anchor !== undefined && checkpointSeq <= anchor.seq) return { deleted: 0, note: `already pruned through seq ${anchor.seq}` };
        const cp = await client.query<{ hash: string }>(`SELECT hash FROM ${this.#s}.audit_checkpoints WHERE seq = $1`, [checkpointSeq]);
        const hash = cp.rows[0]?.hash;
        if (hash === undefined) throw new AirlockError('INPUT_INVALID', `seq ${checkpointSeq} is not a signed checkpoint`);
        if (!options.force) {
          const behind = await client.query<{ name: string; seq: number }>(
            `SELECT name, seq FROM ${this.#s}.audit_cursors WHERE seq < $1 ORDER BY name COLLATE "C"`,
            [checkpointSeq],
          );
          if (behind.rows.length > 0) {
            const who = behind.rows.map((c) => `${c.name} (shipped through seq ${c.seq})`).join(', ');
            return { deleted: 0, note: `not pruned: forwarder ${who} has not shipped seq ${checkpointSeq} yet; use --force to prune anyway` };
          }
        }
        const body = encodeAuditRecord({ v: 1, type: 'prune', at: this.#clock.now(), throughSeq: checkpointSeq, anchorHash: hash, before: options.before });
        const noop = (): void => undefined;
        const written = await this.#chain(client, [{ body, seq: 0, hash: '', resolve: noop, reject: noop }]);
        const setMeta = `INSERT INTO ${this.#s}.audit_meta (key, value) VALUES ($1, $2) ON CONFLICT (key) DO UPDATE SET value = excluded.value`;
        await client.query(setMeta, ['anchor_seq', String(checkpointSeq)]);
        await client.query(setMeta, ['anchor_hash', hash]);
        const deleted = await client.query(`DELETE FROM ${this.#s}.audit_records WHERE seq <= $1`, [checkpointSeq]);
        await client.query(`DELETE FROM ${this.#s}.audit_checkpoints WHERE seq < $1`, [checkpointSeq]);
        return { anchor: { seq: checkpointSeq, hash }, deleted: deleted.rowCount ?? 0, ...written };
      });
    } catch (error) {
      throw asAirlockError(error, 'AUDIT_FAILED', 'cannot prune the audit trail');
    }
    if (result.headSeq !== undefined) this.#afterCommit(result.headSeq, result.checkpoint);
    const { headSeq: _headSeq, checkpoint: _checkpoint, ...out } = result;
    return out;
  }

  // --- forwarder cursors ---

  async cursor(name: string): Promise<number> {
    return this.#read(async () => {
      const r = await this.#pool.query({ text: `SELECT seq FROM ${this.#s}.audit_cursors WHERE name = $1`, values: [name], rowMode: 'array' });
      return (r.rows[0] as [number] | undefined)?.[0] ?? 0;
    });
  }

  async setCursor(name: string, seq: number): Promise<void> {
    await this.#read(() =>
      this.#pool.query(
        `INSERT INTO ${this.#s}.audit_cursors (name, seq, updated_at) VALUES ($1, $2, $3) ` +
          `ON CONFLICT (name) DO UPDATE SET seq = greatest(${this.#s}.audit_cursors.seq, excluded.seq), updated_at = excluded.updated_at`,
        [name, seq, this.#clock.now()],
      ),
    );
  }

  async cursors(): Promise<Array<{ name: string; seq: number; updatedAt: number }>> {
    return this.#read(
      async () =>
        (
          await this.#pool.query<{ name: string; seq: number; updatedAt: number }>(
            `SELECT name, seq, updated_at AS "updatedAt" FROM ${this.#s}.audit_cursors ORDER BY name COLLATE "C"`,
          )
        ).rows,
    );
  }

  async close(): Promise<void> {
    if (this.#closed) return;
    if (this.#checkpointTimer !== undefined) clearInterval(this.#checkpointTimer);
    try {
      await this.flush();
      if (this.#signer !== undefined && this.#failure === undefined) await this.checkpoint();
    } finally {
      this.#closed = true;
      const listener = this.#listenClient;
      this.#listenClient = undefined;
      await this.#listening;
      if (listener !== undefined) await listener.end().catch(() => undefined);
      await this.#pool.end().catch(() => undefined);
    }
  }

  /** Reads fail closed with a coded error that names no value. */
  async #read<T>(fn: () => Promise<T>): Promise<T> {
    try {
      return await fn();
    } catch (error) {
      throw asAirlockError(error, 'AUDIT_FAILED', 'cannot read the PostgreSQL audit store');
    }
  }
}

const AT = `((body::jsonb ->> 'at')::bigint)`;

/** The same filters as the SQLite store, on the body; placeholders numbered from `first`. */
function whereOf(query: AuditQuery, first: number): { where: string; params: unknown[] } {
  const clauses: string[] = ['true'];
  const params: unknown[] = [];
  const next = (value: unknown) => {
    params.push(value);
    return `$${first + params.length - 1}`;
  };
  const eq = (expression: string, value: unknown) => clauses.push(`${expression} = ${next(value)}`);
  if (query.since !== undefined) clauses.push(`${AT} >= ${next(query.since)}`);
  if (query.until !== undefined) clauses.push(`${AT} < ${next(query.until)}`);
  if (query.clientId !== undefined) eq(`(body::jsonb ->> 'clientId')`, query.clientId);
  if (query.endpointId !== undefined) eq(`(body::jsonb -> 'endpoint' ->> 'id')`, query.endpointId);
  if (query.jurisdiction !== undefined) eq(`(body::jsonb -> 'endpoint' ->> 'jurisdiction')`, query.jurisdiction);
  if (query.decision !== undefined) eq(`(body::jsonb ->> 'decision')`, query.decision);
  if (query.requestId !== undefined) eq(`(body::jsonb ->> 'requestId')`, query.requestId);
  if (query.phase !== undefined) eq(`(body::jsonb ->> 'phase')`, query.phase);
  if (query.type !== undefined) eq(`(body::jsonb ->> 'type')`, query.type);
  if (query.entity !== undefined) {
    if (!ENTITY.test(query.entity)) throw new AirlockError('INPUT_INVALID', 'entity must be an UPPER_SNAKE entity id');
    clauses.push(`coalesce((body::jsonb -> 'entityCounts' ->> ${next(query.entity)})::numeric, 0) > 0`);
  }
  return { where: clauses.join(' AND '), params };
}

/** The chain's advisory lock key: 64 bits of SHA-256 of the schema name, as a signed integer. */
function lockKeyOf(schema: string): string {
  return createHash('sha256').update(`airlock-audit:${schema}`).digest().readBigInt64BE(0).toString();
}

/** A URL for messages: never the password. */
export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password !== '') u.password = '***';
    return u.toString();
  } catch {
    return 'the configured URL';
  }
}

function positiveInt(n: number, name: string): number {
  if (!Number.isInteger(n) || n < 1) throw new AirlockError('CONFIG_INVALID', `audit store option ${name} must be a positive integer`);
  return n;
}

import type { Checkpoint } from './chain.js';
import type { AuditDecision, AuditRecord } from './record.js';
import type { SegmentResult, SegmentTask } from './verify-segment.js';

/**
 * The audit store contract. Async throughout so that the PostgreSQL store can stand behind
 * it unchanged; the SQLite store implements it over a synchronous driver.
 *
 * Invariants every implementation keeps:
 * - one sequence per chain: seq 1, 2, 3, … with no gaps, assigned under the store's write
 *   lock (SQLite: BEGIN IMMEDIATE; PostgreSQL: a transaction-scoped advisory lock), with the
 *   tip re-read inside that lock, so concurrent writers — in one process or many — never fork;
 * - `append` resolves only once its record is committed (and, with durability "fsync",
 *   flushed to stable storage), and rejects with AUDIT_FAILED otherwise;
 * - records are never updated; they are deleted only by `prune`, and only up to a signed
 *   checkpoint, which then anchors the chain.
 */
export interface AuditStore {
  readonly kind: 'sqlite' | 'postgres';
  readonly chainId: string;

  append(record: AuditRecord): Promise<Appended>;
  /** Resolves when everything appended so far is durable. */
  flush(): Promise<void>;
  /** Signs a checkpoint at the current head now (undefined when the head is already signed). */
  checkpoint(): Promise<Checkpoint | undefined>;
  /** Called after each commit with the new head seq (for forwarders); returns an unsubscribe. */
  onCommit(listener: (headSeq: number) => void): () => void;

  head(): Promise<ChainPosition>;
  anchor(): Promise<ChainPosition | undefined>;
  /** Raw rows in seq order, in batches. */
  rows(range: SeqRange): AsyncIterable<ChainRow[]>;
  /**
   * The verification walk's rows, in seq order, in batches: each with the exact text its hash
   * covers, concatenated by the database from the stored columns (`hashedTextSql`), so the
   * verifier hashes one string per row and never rebuilds it.
   */
  hashedRows(range: SeqRange): AsyncIterable<HashedRow[]>;
  /**
   * Optional: checks segments of the chain in parallel (SQLite: worker threads on their own
   * read-only connections). The result is the same as feeding `hashedRows` to
   * `createSegmentChecker`.
   */
  checkSegments?(tasks: readonly SegmentTask[], parallelism: number): Promise<SegmentResult[]>;
  checkpoints(range?: SeqRange): Promise<Checkpoint[]>;
  /** The seq within `near` whose stored hash is `hash`, if any (explains a broken link). */
  seqOfHash(hash: string, near: Required<SeqRange>): Promise<number | undefined>;
  /** Prune records, in seq order, as recorded. */
  pruneRecords(): Promise<StoredRecord[]>;
  /** Differences between the store's schema (tables, triggers) and what it should be. */
  schemaProblems(): Promise<string[]>;

  /** Records matching the query, in seq order. */
  records(query: AuditQuery): AsyncIterable<StoredRecord>;
  summarize(query: AuditQuery, by: SummaryDimension): Promise<SummaryRow[]>;

  /**
   * Deletes records 1..`checkpointSeq` (which must be a signed checkpoint) in one transaction
   * that also appends a prune record and makes that checkpoint the anchor. Refuses to delete
   * records a forwarder has not shipped unless `force`. Use `pruneAudit`, which picks the
   * checkpoint and verifies the chain up to it first.
   */
  pruneThrough(checkpointSeq: number, options: PruneOptions): Promise<PruneResult>;

  /** Forwarder cursors: the last seq shipped, by forwarder name. */
  cursor(name: string): Promise<number>;
  setCursor(name: string, seq: number): Promise<void>;
  cursors(): Promise<Array<{ name: string; seq: number; updatedAt: number }>>;

  close(): Promise<void>;
}

export interface Appended {
  seq: number;
  hash: string;
}

export interface ChainPosition {
  seq: number;
  hash: string;
}

export interface SeqRange {
  from?: number;
  to?: number;
}

/** [seq, prevHash, hash, body] — a tuple, not an object: verification reads millions. */
export type ChainRow = [seq: number, prevHash: string, hash: string, body: string];

/**
 * [seq, prevHash, hash, hashed]: `hashed` is `{"prevHash":"<prevHash>","record":<body>,"seq":<seq>}`
 * as the database concatenated it (null when a column was NULL, which no intact row has).
 */
export type HashedRow = [seq: number, prevHash: string, hash: string, hashed: string | null];

export interface StoredRecord {
  seq: number;
  prevHash: string;
  hash: string;
  record: AuditRecord;
}

export interface AuditQuery {
  /** epoch ms, inclusive */
  since?: number;
  /** epoch ms, exclusive */
  until?: number;
  afterSeq?: number;
  clientId?: string;
  /** records with at least one finding of this entity */
  entity?: string;
  endpointId?: string;
  jurisdiction?: string;
  decision?: AuditDecision;
  requestId?: string;
  phase?: 'begin' | 'end';
  type?: AuditRecord['type'];
  limit?: number;
}

export type SummaryDimension = 'day' | 'jurisdiction' | 'decision';

/** Per group: requests (counted by their "end" record) and findings (sum of entity counts). */
export interface SummaryRow {
  key: string;
  requests: number;
  findings: number;
}

export interface PruneOptions {
  /** epoch ms: records older than this may go */
  before: number;
  /** prune even past what a forwarder has not shipped yet */
  force?: boolean;
}

export interface PruneResult {
  /** the signed checkpoint that is the new genesis; undefined when nothing could be pruned */
  anchor?: ChainPosition;
  deleted: number;
  /** why nothing (or less than asked) was pruned */
  note?: string;
}

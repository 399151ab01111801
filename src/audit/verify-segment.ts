import type { HashedRow } from './store.js';

/**
 * The hot loop of verification, shared by the walk on the main thread and the verification
 * workers (which receive this factory's source text: it must reference nothing but its
 * parameters). Fed rows in seq order — each with the exact text its hash covers, built by the
 * store from the stored columns — it hashes that text once, compares the stored hash and the
 * link to the row before, and notes gaps, rows that fail (by seq, for later explanation) and
 * the stored hashes at the checkpoint positions. Links across segment boundaries are the
 * caller's to check.
 */
export interface SegmentTask {
  from: number;
  to: number;
  /** seqs whose stored hash the caller wants (checkpoint positions), ascending */
  hashesAt: number[];
  maxSuspects: number;
}

export interface Suspect {
  /** "hash": the row's content does not match its hash; "link": it is not chained to the row before */
  kind: 'hash' | 'link';
  seq: number;
}

export interface SegmentResult {
  from: number;
  to: number;
  records: number;
  /** first row's seq and stored prevHash */
  first: [number, string] | null;
  /** last row's seq and stored hash */
  last: [number, string] | null;
  gaps: Array<[number, number]>;
  suspects: Suspect[];
  suspectsDropped: number;
  hashesAt: Array<[number, string]>;
}

export interface SegmentChecker {
  feed(rows: readonly HashedRow[]): void;
  finish(): SegmentResult;
}

/** `sha256Hex(text)`: lower-case hex SHA-256 of the UTF-8 of `text`. */
export function createSegmentChecker(task: SegmentTask, sha256Hex: (text: string) => string): SegmentChecker {
  let expectedSeq = task.from;
  let expectedPrev: string | null = null;
  let first: [number, string] | null = null;
  let records = 0;
  let suspectsDropped = 0;
  const gaps: Array<[number, number]> = [];
  const suspects: Suspect[] = [];
  const hashesAt: Array<[number, string]> = [];
  const wanted = task.hashesAt;
  let wantedIndex = 0;
  let nextWanted = wanted.length > 0 ? (wanted[0] as number) : Number.POSITIVE_INFINITY;
  return {
    feed(rows) {
      for (let i = 0; i < rows.length; i++) {
        const row = rows[i] as HashedRow;
        const seq = row[0];
        const prev = row[1];
        const hash = row[2];
        const text = row[3];
        if (first === null) first = [seq, prev];
        let linkKnown = expectedPrev !== null;
        if (seq !== expectedSeq) {
          gaps.push([expectedSeq, seq - 1]);
          linkKnown = false;
        }
        // A NULL column makes the database's concatenation NULL: that row cannot match.
        if (text === null || sha256Hex(text) !== hash) {
          if (suspects.length < task.maxSuspects) suspects.push({ kind: 'hash', seq });
          else suspectsDropped++;
        } else if (linkKnown && prev !== expectedPrev) {
          if (suspects.length < task.maxSuspects) suspects.push({ kind: 'link', seq });
          else suspectsDropped++;
        }
        while (seq >= nextWanted) {
          if (seq === nextWanted) hashesAt.push([seq, hash]);
          wantedIndex++;
          nextWanted = wantedIndex < wanted.length ? (wanted[wantedIndex] as number) : Number.POSITIVE_INFINITY;
        }
        expectedPrev = hash;
        expectedSeq = seq + 1;
        records++;
      }
    },
    finish() {
      if (expectedSeq <= task.to) gaps.push([expectedSeq, task.to]);
      const last: [number, string] | null = expectedPrev === null ? null : [expectedSeq - 1, expectedPrev];
      return { from: task.from, to: task.to, records, first, last, gaps, suspects, suspectsDropped, hashesAt };
    },
  };
}

import type { ChainRow } from './store.js';

/**
 * The hot loop of verification, shared by the walk on the main thread and the verification
 * workers (which receive this factory's source text: it must reference nothing but its
 * parameters). Fed rows in seq order, it checks each row's hash and each link inside the
 * segment and notes gaps, rows that fail (for later explanation) and the stored hashes at
 * the checkpoint positions. Links across segment boundaries are the caller's to check.
 */
export interface SegmentTask {
  from: number;
  to: number;
  /** seqs whose stored hash the caller wants (checkpoint positions), ascending */
  hashesAt: number[];
  maxSuspects: number;
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
  suspects: Array<{ kind: 'hash' | 'link'; row: ChainRow }>;
  suspectsDropped: number;
  hashesAt: Array<[number, string]>;
}

export interface SegmentChecker {
  feed(rows: readonly ChainRow[]): void;
  finish(): SegmentResult;
}

export function createSegmentChecker(task: SegmentTask, chainHash: (prev: string, seq: number, body: string) => string): SegmentChecker {
  let expectedSeq = task.from;
  let expectedPrev: string | null = null;
  let first: [number, string] | null = null;
  let records = 0;
  let suspectsDropped = 0;
  const gaps: Array<[number, number]> = [];
  const suspects: Array<{ kind: 'hash' | 'link'; row: ChainRow }> = [];
  const hashesAt: Array<[number, string]> = [];
  const wanted = task.hashesAt;
  let wantedIndex = 0;
  let nextWanted = wanted.length > 0 ? (wanted[0] as number) : Number.POSITIVE_INFINITY;
  return {
    feed(rows) {
      for (let i = 0; i < rows.length; i++) {
        const row = rows[i] as ChainRow;
        const seq = row[0];
        const prev = row[1];
        const hash = row[2];
        if (first === null) first = [seq, prev];
        let linkKnown = expectedPrev !== null;
        if (seq !== expectedSeq) {
          gaps.push([expectedSeq, seq - 1]);
          linkKnown = false;
        }
        if (chainHash(prev, seq, row[3]) !== hash) {
          if (suspects.length < task.maxSuspects) suspects.push({ kind: 'hash', row });
          else suspectsDropped++;
        } else if (linkKnown && prev !== expectedPrev) {
          if (suspects.length < task.maxSuspects) suspects.push({ kind: 'link', row });
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

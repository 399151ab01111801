import { availableParallelism } from 'node:os';
import { performance } from 'node:perf_hooks';
import { chainHash, checkpointPayload, genesisHash, sha256Hex, type Checkpoint } from './chain.js';
import type { HeadFile, TrustedKeys } from './signing.js';
import type { AuditStore, ChainPosition, ChainRow } from './store.js';
import { createSegmentChecker, type SegmentResult, type SegmentTask, type Suspect } from './verify-segment.js';

/**
 * Walks the chain and says exactly what is wrong with it. The walk itself hashes one string
 * per record (the hashed text, concatenated by the database) and allocates nothing else on
 * the happy path; rows that fail are set aside by seq and explained afterwards (looking up where a link points, trying
 * nearby sequence numbers), so a damaged chain costs time only where it is damaged.
 */

export type ProblemKind =
  /** a record's content no longer matches its hash */
  | 'modified'
  /** records missing from the sequence */
  | 'deleted'
  /** a record stored at another position than it was written at */
  | 'reordered'
  /** records that are not part of the chain as written */
  | 'inserted'
  /** records re-hashed consistently, caught by a signed checkpoint */
  | 'rewritten'
  | 'checkpoint-signature'
  | 'checkpoint-missing'
  /** records after a signed checkpoint are gone (or the database was replaced) */
  | 'truncated'
  | 'anchor'
  | 'schema';

export interface VerifyProblem {
  kind: ProblemKind;
  /** first affected seq (0: not about one record) */
  seq: number;
  /** last affected seq, for ranges */
  lastSeq?: number;
  detail: string;
}

export interface VerifyReport {
  ok: boolean;
  chainId: string;
  /** the records walked */
  from: number;
  to: number;
  records: number;
  checkpointsChecked: number;
  /** newest checkpoint with a good signature that matches its record */
  lastSignedSeq: number;
  anchor?: ChainPosition;
  head: ChainPosition;
  /** records after the newest signed checkpoint: chained, not yet signed */
  unsigned?: { from: number; to: number };
  firstBadSeq?: number;
  problems: VerifyProblem[];
  /** problems found but not listed (beyond maxProblems) */
  moreProblems: number;
  elapsedMs: number;
}

export interface VerifyOptions {
  from?: number;
  to?: number;
  trusted: TrustedKeys;
  /** the head file kept next to the signing key, if any */
  headFile?: HeadFile | undefined;
  maxProblems?: number;
  /** worker threads for the walk (default: all CPUs, up to 8, for ranges of 200,000 records or more) */
  parallelism?: number;
  /** records per worker task (default: the range split into 4 tasks per worker, at least 1,000 each) */
  segmentSize?: number;
}

/** What one failed row turned out to be. */
type Finding =
  | { kind: 'modified'; seq: number; detail: string }
  | { kind: 'reordered'; seq: number; writtenAs: number }
  | { kind: 'links-back'; seq: number; linked: number }
  | { kind: 'links-forward'; seq: number; linked: number };

const REORDER_WINDOW = 64;
const MAX_SUSPECTS = 1000;
/** ranges at least this long are checked by parallel workers when the store offers them */
const PARALLEL_FROM = 200_000;

export async function verifyChain(store: AuditStore, options: VerifyOptions): Promise<VerifyReport> {
  const started = performance.now();
  const maxProblems = options.maxProblems ?? 50;
  const problems: VerifyProblem[] = [];
  let moreProblems = 0;
  const report = (p: VerifyProblem) => {
    if (problems.length < maxProblems) problems.push(p);
    else moreProblems++;
  };

  const chainId = store.chainId;
  const head = await store.head();
  const anchor = await store.anchor();
  const base = anchor?.seq ?? 0;

  for (const p of await store.schemaProblems()) {
    report({ kind: 'schema', seq: 0, detail: p });
  }

  // --- checkpoints: signatures and their own chain ---
  const allCheckpoints = await store.checkpoints();
  const goodSignature = new Set<number>();
  let previousCp: Checkpoint | undefined;
  for (const cp of allCheckpoints) {
    const check = options.trusted.check(cp.keyId, checkpointPayload(chainId, cp), cp.signature);
    if (check === 'ok') goodSignature.add(cp.seq);
    else {
      report({
        kind: 'checkpoint-signature',
        seq: cp.seq,
        detail:
          check === 'unknown-key'
            ? `checkpoint ${cp.seq} is signed by key ${cp.keyId}, which is not a trusted audit signing key`
            : `checkpoint ${cp.seq} has an invalid signature (the checkpoint row was altered or forged)`,
      });
    }
    if (previousCp !== undefined && cp.prevSeq !== previousCp.seq) {
      report({
        kind: 'checkpoint-missing',
        seq: Math.min(cp.prevSeq, previousCp.seq + 1),
        lastSeq: cp.seq,
        detail: `checkpoint ${cp.seq} follows checkpoint ${cp.prevSeq}, but the previous checkpoint stored is ${previousCp.seq}`,
      });
    }
    previousCp = cp;
  }
  const lastCheckpoint = allCheckpoints[allCheckpoints.length - 1];
  if (lastCheckpoint !== undefined && lastCheckpoint.seq > head.seq) {
    report({
      kind: 'truncated',
      seq: head.seq + 1,
      lastSeq: lastCheckpoint.seq,
      detail: `records ${head.seq + 1}..${lastCheckpoint.seq} were covered by signed checkpoint ${lastCheckpoint.seq} and are gone`,
    });
  }

  // --- the anchor left by prune ---
  if (anchor !== undefined) {
    const cp = allCheckpoints.find((c) => c.seq === anchor.seq);
    if (cp === undefined || cp.hash !== anchor.hash || !goodSignature.has(cp.seq)) {
      report({
        kind: 'anchor',
        seq: anchor.seq,
        detail: `the chain starts after seq ${anchor.seq}, but no validly signed checkpoint vouches for that anchor`,
      });
    }
    const prunes = await store.pruneRecords();
    const recorded = prunes.some(
      (r) => r.record.type === 'prune' && r.record.throughSeq === anchor.seq && r.record.anchorHash === anchor.hash,
    );
    if (!recorded) {
      report({
        kind: 'anchor',
        seq: anchor.seq,
        detail: `records up to ${anchor.seq} are gone, and no prune record in the chain says they were pruned`,
      });
    }
  }

  // --- the head file kept outside the database ---
  const headFile = options.headFile;
  if (headFile !== undefined) {
    if (headFile.chainId !== chainId) {
      report({
        kind: 'truncated',
        seq: 1,
        detail: `the head file belongs to chain ${headFile.chainId}, not to this database's chain ${chainId}: the database was replaced`,
      });
    } else if (headFile.checkpoint.seq > base) {
      const stored = allCheckpoints.find((c) => c.seq === headFile.checkpoint.seq);
      const headOk = options.trusted.check(
        headFile.checkpoint.keyId,
        checkpointPayload(chainId, headFile.checkpoint),
        headFile.checkpoint.signature,
      );
      if (headOk === 'ok' && (stored === undefined || stored.hash !== headFile.checkpoint.hash)) {
        report({
          kind: head.seq < headFile.checkpoint.seq ? 'truncated' : 'checkpoint-missing',
          seq: Math.min(head.seq + 1, headFile.checkpoint.seq),
          lastSeq: headFile.checkpoint.seq,
          detail: `signed checkpoint ${headFile.checkpoint.seq} (recorded in the head file) is missing from the database`,
        });
      }
    }
  }

  // --- the walk: every record's hash, every link, the stored hash at every checkpoint ---
  const from = Math.max(options.from ?? 1, base + 1);
  const to = Math.min(options.to ?? head.seq, head.seq);
  let before: [number, string] | null = null;
  if (from === base + 1) before = [base, anchor?.hash ?? genesisHash(chainId)];
  else {
    for await (const batch of store.rows({ from: from - 1, to: from - 1 })) {
      const row = batch[0];
      if (row !== undefined) before = [row[0], row[2]];
    }
  }
  const cps = allCheckpoints.filter((c) => c.seq >= from && c.seq <= to);
  const segments = await walk(store, from, to, cps.map((c) => c.seq), options);

  let records = 0;
  let suspectsDropped = 0;
  const suspects: Suspect[] = [];
  const storedAt = new Map<number, string>();
  let previous = before;
  for (const segment of segments) {
    records += segment.records;
    for (const [a, b] of segment.gaps) {
      report({ kind: 'deleted', seq: a, lastSeq: b, detail: a === b ? `record ${a} is missing` : `records ${a}..${b} are missing` });
    }
    // The link into the segment (segments check only their own links).
    const first = segment.first;
    if (first !== null && previous !== null && first[0] === previous[0] + 1 && first[1] !== previous[1]) {
      if (!segment.suspects.some((x) => x.seq === first[0])) suspects.push({ kind: 'link', seq: first[0] });
    }
    suspects.push(...segment.suspects);
    suspectsDropped += segment.suspectsDropped;
    for (const [seq, hash] of segment.hashesAt) storedAt.set(seq, hash);
    if (segment.last !== null) previous = segment.last;
  }
  suspects.sort((a, b) => a.seq - b.seq);

  let lastMatchedCp = base;
  let lastSignedSeq = base;
  let checkpointsChecked = 0;
  /** checkpoints whose record no longer has the signed hash, with the range that changed */
  const mismatched: Array<{ first: number; seq: number }> = [];
  for (const cp of cps) {
    const stored = storedAt.get(cp.seq);
    if (stored === undefined) continue; // the record is gone: reported as deleted
    checkpointsChecked++;
    if (stored !== cp.hash) mismatched.push({ first: lastMatchedCp + 1, seq: cp.seq });
    else if (goodSignature.has(cp.seq)) lastSignedSeq = cp.seq;
    lastMatchedCp = cp.seq;
  }

  const findings: Finding[] = [];
  for (const suspect of suspects) {
    const row = await rowAt(store, suspect.seq);
    if (row !== undefined) findings.push(await explain(store, suspect.kind, row));
  }
  const recordProblems = interpret(findings, new Set(suspects.map((x) => x.seq)), from, to);
  for (const p of recordProblems) report(p);
  // A checkpoint mismatch needs its own report only when nothing found in its range explains it.
  const explained = (first: number, last: number) =>
    [...problems, ...recordProblems].some(
      (p) => p.kind !== 'schema' && p.seq <= last && (p.lastSeq ?? p.seq) >= first && p.kind !== 'checkpoint-signature',
    );
  for (const m of mismatched) {
    if (explained(m.first, m.seq)) continue;
    report({
      kind: 'rewritten',
      seq: m.first,
      lastSeq: m.seq,
      detail: `record ${m.seq} no longer has the hash signed in checkpoint ${m.seq}: records ${m.first}..${m.seq} were rewritten and re-hashed`,
    });
  }
  if (suspectsDropped > 0) {
    report({
      kind: 'modified',
      seq: (suspects[suspects.length - 1]?.seq ?? from) + 1,
      detail: `${suspectsDropped} more record(s) after this point fail their hash or link (not analysed)`,
    });
  }

  problems.sort((a, b) => a.seq - b.seq);
  const firstBad = problems.find((p) => p.kind !== 'schema') ?? problems[0];
  const unsignedFrom = lastSignedSeq + 1;
  const ok = problems.length === 0 && moreProblems === 0;
  return {
    ok,
    chainId,
    from,
    to,
    records,
    checkpointsChecked,
    lastSignedSeq,
    ...(anchor !== undefined ? { anchor } : {}),
    head,
    ...(to === head.seq && head.seq >= unsignedFrom ? { unsigned: { from: unsignedFrom, to: head.seq } } : {}),
    ...(firstBad !== undefined ? { firstBadSeq: firstBad.seq } : {}),
    problems,
    moreProblems,
    elapsedMs: performance.now() - started,
  };
}

/**
 * Runs the segment checker over [from, to]: in parallel workers when the store can and the
 * range is large, else on this thread. Either way the same checker code does the work.
 */
async function walk(
  store: AuditStore,
  from: number,
  to: number,
  checkpointSeqs: readonly number[],
  options: Pick<VerifyOptions, 'parallelism' | 'segmentSize'>,
): Promise<SegmentResult[]> {
  const count = to - from + 1;
  if (count <= 0) return [];
  const workers = options.parallelism ?? (count >= PARALLEL_FROM ? Math.min(availableParallelism(), 8) : 1);
  if (workers > 1 && store.checkSegments !== undefined) {
    const size = Math.max(1, options.segmentSize ?? Math.max(1000, Math.ceil(count / (workers * 4))));
    const tasks: SegmentTask[] = [];
    for (let a = from; a <= to; a += size) {
      const b = Math.min(to, a + size - 1);
      tasks.push({ from: a, to: b, hashesAt: checkpointSeqs.filter((s) => s >= a && s <= b), maxSuspects: MAX_SUSPECTS });
    }
    try {
      return await store.checkSegments(tasks, workers);
    } catch {
      // workers unavailable (no file, no threads): walk here instead
    }
  }
  const checker = createSegmentChecker({ from, to, hashesAt: [...checkpointSeqs], maxSuspects: MAX_SUSPECTS }, sha256Hex);
  for await (const batch of store.hashedRows({ from, to })) checker.feed(batch);
  return [checker.finish()];
}

async function rowAt(store: AuditStore, seq: number): Promise<ChainRow | undefined> {
  for await (const batch of store.rows({ from: seq, to: seq })) if (batch[0] !== undefined) return batch[0];
  return undefined;
}

/** Finds out what happened to a row that failed. Off the hot path. */
async function explain(store: AuditStore, kind: Suspect['kind'], row: ChainRow): Promise<Finding> {
  const [seq, prev, hash, body] = row;
  const linked = await store.seqOfHash(prev, { from: seq - 4 * REORDER_WINDOW, to: seq + 4 * REORDER_WINDOW });
  if (kind === 'hash') {
    // Was it written at another position? Its own hash says which.
    const candidates = new Set<number>();
    if (linked !== undefined) candidates.add(linked + 1);
    for (let d = 1; d <= REORDER_WINDOW; d++) candidates.add(seq - d).add(seq + d);
    for (const candidate of candidates) {
      if (candidate >= 1 && candidate !== seq && chainHash(prev, candidate, body) === hash) {
        return { kind: 'reordered', seq, writtenAs: candidate };
      }
    }
    return { kind: 'modified', seq, detail: `record ${seq} was modified: its content no longer matches its hash` };
  }
  // Intact itself, but its predecessor is not the record it was chained to.
  if (linked === undefined) {
    return {
      kind: 'modified',
      seq: seq - 1,
      detail: `record ${seq - 1} was replaced or re-hashed: record ${seq} was chained to a record that is not stored near it`,
    };
  }
  return linked < seq ? { kind: 'links-back', seq, linked } : { kind: 'links-forward', seq, linked };
}

/**
 * Turns findings into problems: runs of records moved by the same offset become one range;
 * a record that occupies a position another (intact, moved) record was written at, or that
 * the chain skips over, was inserted.
 */
function interpret(findings: readonly Finding[], suspectSeqs: ReadonlySet<number>, from: number, to: number): VerifyProblem[] {
  const problems: VerifyProblem[] = [];
  const moved = new Set<number>();
  for (const f of findings) if (f.kind === 'reordered') moved.add(f.seq);
  const inserted = new Set<number>();

  let run: { first: number; last: number; delta: number } | undefined;
  const flush = () => {
    if (run === undefined) return;
    const { first, last, delta } = run;
    problems.push({
      kind: 'reordered',
      seq: first,
      ...(last !== first ? { lastSeq: last } : {}),
      detail:
        last === first
          ? `record ${first} was written as record ${first + delta} and moved (its content is intact)`
          : `records ${first}..${last} were each written ${Math.abs(delta)} position(s) ${delta < 0 ? 'earlier' : 'later'} and renumbered (content intact)`,
    });
    run = undefined;
  };

  for (const f of findings) {
    if (f.kind === 'reordered') {
      const delta = f.writtenAs - f.seq;
      if (run !== undefined && run.delta === delta && run.last + 1 === f.seq) run.last = f.seq;
      else {
        flush();
        run = { first: f.seq, last: f.seq, delta };
      }
      // Two records written as the same position: the one that stayed, intact, is the intruder.
      const occupant = f.writtenAs;
      if (occupant >= from && occupant <= to && !suspectSeqs.has(occupant) && !moved.has(occupant)) inserted.add(occupant);
      continue;
    }
    flush();
    if (f.kind === 'modified') problems.push({ kind: 'modified', seq: f.seq, detail: f.detail });
    else if (f.kind === 'links-back') {
      for (let s = f.linked + 1; s < f.seq; s++) if (!moved.has(s)) inserted.add(s);
    } else {
      problems.push({ kind: 'reordered', seq: f.seq, detail: `record ${f.seq} is chained to record ${f.linked}, which is stored after it` });
    }
  }
  flush();

  const ins = [...inserted].sort((a, b) => a - b);
  for (let i = 0; i < ins.length; ) {
    let j = i;
    while (j + 1 < ins.length && (ins[j + 1] as number) === (ins[j] as number) + 1) j++;
    const first = ins[i] as number;
    const last = ins[j] as number;
    problems.push({
      kind: 'inserted',
      seq: first,
      ...(last !== first ? { lastSeq: last } : {}),
      detail: last === first ? `record ${first} was inserted: it is not part of the chain as written` : `records ${first}..${last} were inserted: they are not part of the chain as written`,
    });
    i = j + 1;
  }
  return problems;
}

/** A report for people. */
export function formatVerifyReport(r: VerifyReport): string {
  const lines: string[] = [];
  lines.push(`audit chain ${r.chainId}`);
  lines.push(
    `  records ${r.from}..${r.to} (${r.records} walked) in ${(r.elapsedMs / 1000).toFixed(2)} s` +
      (r.records > 0 && r.elapsedMs > 0 ? ` (${Math.round(r.records / (r.elapsedMs / 1000)).toLocaleString('en-US')} records/s)` : ''),
  );
  lines.push(`  head seq ${r.head.seq}${r.anchor ? `, pruned through seq ${r.anchor.seq} (anchored by a signed checkpoint)` : ''}`);
  lines.push(`  checkpoints checked: ${r.checkpointsChecked}, newest signed: seq ${r.lastSignedSeq}`);
  if (r.ok && r.unsigned) lines.push(`  records ${r.unsigned.from}..${r.unsigned.to} are chained but not yet covered by a signed checkpoint`);
  if (r.ok) {
    lines.push('INTACT: every record matches its hash, every link and every checkpoint signature holds');
  } else {
    lines.push(`TAMPERED: ${r.problems.length + r.moreProblems} problem(s); first bad seq ${r.firstBadSeq ?? '-'}`);
    for (const p of r.problems) {
      const where = p.seq === 0 ? '' : p.lastSeq !== undefined && p.lastSeq !== p.seq ? ` seq ${p.seq}..${p.lastSeq}` : ` seq ${p.seq}`;
      lines.push(`  ${p.kind}${where}: ${p.detail}`);
    }
    if (r.moreProblems > 0) lines.push(`  … and ${r.moreProblems} more`);
  }
  return `${lines.join('\n')}\n`;
}

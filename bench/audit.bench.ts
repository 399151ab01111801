/**
 * npm run bench:audit — the audit trail's two hot numbers, each against a baseline in the
 * same run, on the same machine and disk:
 *
 *   append: sustained records/s through SqliteAuditStore (group commit, each append
 *           acknowledged only after its batch is committed and fdatasync'ed) with many appends
 *           in flight, against the naive way: one synchronous transaction per record with
 *           synchronous=FULL (a flush per record). Also the acknowledgement latency.
 *   verify: records/s of verifyChain over a chain of BENCH_AUDIT_VERIFY records (default
 *           1,000,000) with worker threads and on one thread, against a plain read of the
 *           same rows (the floor set by SQLite on one thread).
 *
 * Prints figures and ratios; asserts nothing. Time-bounded: each phase stops at its cap.
 * Options (env): BENCH_AUDIT_SECONDS (append phase cap, default 10), BENCH_AUDIT_BASELINE_SECONDS
 * (default 5), BENCH_AUDIT_INFLIGHT (appends in flight, default 2000), BENCH_AUDIT_VERIFY,
 * BENCH_AUDIT_PG_URL (also append with two PostgreSQL store instances on one chain, and verify it).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { chainHash, checkpointPayload, genesisHash } from '../src/audit/chain.js';
import { encodeAuditRecord } from '../src/audit/record.js';
import { ephemeralSigner, type AuditSigner } from '../src/audit/signing.js';
import { SqliteAuditStore } from '../src/audit/sqlite-store.js';
import { verifyChain } from '../src/audit/verify.js';
import { systemClock } from '../src/core/clock.js';
import { openSqlite } from '../src/store/sqlite.js';
import { sampleRecord } from '../test/audit/support.js';

const appendSeconds = Number(process.env.BENCH_AUDIT_SECONDS ?? 10);
const baselineSeconds = Number(process.env.BENCH_AUDIT_BASELINE_SECONDS ?? 5);
const inFlight = Number(process.env.BENCH_AUDIT_INFLIGHT ?? 2000);
const verifyRecords = Number(process.env.BENCH_AUDIT_VERIFY ?? 1_000_000);
const root = mkdtempSync(join(tmpdir(), 'airlock-bench-audit-'));
const fmt = (n: number) => Math.round(n).toLocaleString('en-US');

const recordBytes = encodeAuditRecord(sampleRecord(1)).length;
{
  // A yardstick for reading the figures on a shared machine: SHA-256 over 1 KB on one core.
  const text = 'x'.repeat(1024);
  const t0 = performance.now();
  let n = 0;
  while (performance.now() - t0 < 500) for (let i = 0; i < 1000; i++, n++) chainHash(text, i, text);
  console.log(`machine yardstick: ${fmt(n / ((performance.now() - t0) / 1000))} SHA-256 of ~2 KB per second on one core; load average ${loadavg().map((l) => l.toFixed(2)).join(' ')} on ${availableParallelism()} CPU(s)`);
}
console.log(`records: ~${recordBytes} bytes of canonical JSON each (metadata of one request phase)`);
console.log(`data directory: ${root}\n`);

// --- append: group commit ---
const groupRate = await (async () => {
  const dir = join(root, 'group');
  const { signer } = ephemeralSigner(systemClock);
  const store = new SqliteAuditStore({ db: openSqlite(dir), signer, headDir: dir });
  const latencies: number[] = [];
  let done = 0;
  let next = 0;
  const started = performance.now();
  const cpu0 = process.cpuUsage();
  const deadline = started + appendSeconds * 1000;
  const worker = async (): Promise<void> => {
    while (performance.now() < deadline) {
      const t0 = performance.now();
      await store.append(sampleRecord(next++));
      latencies.push(performance.now() - t0);
      done++;
    }
  };
  await Promise.all(Array.from({ length: inFlight }, () => worker()));
  const seconds = (performance.now() - started) / 1000;
  const cpu = process.cpuUsage(cpu0);
  await store.close();
  latencies.sort((a, b) => a - b);
  const q = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))] ?? 0;
  const rate = done / seconds;
  console.log(`append, group commit + fdatasync: ${fmt(rate)} records/s (${fmt(done)} records in ${seconds.toFixed(1)} s, ${inFlight} in flight)`);
  console.log(`  ${fmt(done / ((cpu.user + cpu.system) / 1e6))} records per CPU-second (validate, serialise, hash, insert, sign checkpoints)`);
  console.log(`  acknowledgement latency p50 ${q(0.5).toFixed(1)} ms, p99 ${q(0.99).toFixed(1)} ms (target ≥ 20,000 records/s)`);
  return rate;
})();

// --- append: naive baseline ---
{
  const dir = join(root, 'naive');
  const db = openSqlite(dir);
  db.pragma('synchronous = FULL');
  db.exec('CREATE TABLE chain (seq INTEGER PRIMARY KEY, prev_hash TEXT NOT NULL, hash TEXT NOT NULL, body TEXT NOT NULL)');
  const tip = db.prepare('SELECT seq, hash FROM chain ORDER BY seq DESC LIMIT 1').raw(true);
  const insert = db.prepare('INSERT INTO chain (seq, prev_hash, hash, body) VALUES (?, ?, ?, ?)');
  const appendOne = db.transaction((body: string) => {
    const [seq, prev] = (tip.get() as [number, string] | undefined) ?? [0, genesisHash('naive')];
    insert.run(seq + 1, prev, chainHash(prev, seq + 1, body), body);
  });
  let done = 0;
  const started = performance.now();
  const cpu0 = process.cpuUsage();
  while (performance.now() - started < baselineSeconds * 1000) {
    appendOne.immediate(encodeAuditRecord(sampleRecord(done)));
    done++;
  }
  const seconds = (performance.now() - started) / 1000;
  const cpu = process.cpuUsage(cpu0);
  db.close();
  const naiveRate = done / seconds;
  console.log(`append, naive (one transaction + flush per record): ${fmt(naiveRate)} records/s (${fmt(done)} in ${seconds.toFixed(1)} s; ${fmt(done / ((cpu.user + cpu.system) / 1e6))} per CPU-second)`);
  console.log(`  group commit is ${(groupRate / naiveRate).toFixed(1)}× the naive baseline\n`);
}

// --- verify ---
{
  const dir = join(root, 'verify');
  const { signer, trusted } = ephemeralSigner(systemClock);
  const db = openSqlite(dir);
  // Create the schema and chain id through the store, then fill the chain directly (same
  // bytes the store would write, without per-record validation): building is not measured.
  const store = new SqliteAuditStore({ db, signer, durability: 'commit', checkpointEvery: 10_000, checkpointIntervalMs: 0, chainId: 'bench' });
  const built = performance.now();
  buildChain(dir, verifyRecords, 'bench', signer);
  console.log(`verify: built a ${fmt(verifyRecords)}-record chain in ${((performance.now() - built) / 1000).toFixed(1)} s`);

  let floor = Infinity;
  const best = { parallel: Infinity, single: Infinity };
  const cpuBest = { parallel: Infinity, single: Infinity };
  const workers = Math.min(availableParallelism(), 8);
  for (let round = 0; round < 2; round++) {
    const t0 = performance.now();
    let n = 0;
    for await (const rows of store.hashedRows({})) n += rows.length;
    floor = Math.min(floor, performance.now() - t0);
    if (n !== verifyRecords) throw new Error('benchmark chain is incomplete');
    for (const mode of ['parallel', 'single'] as const) {
      const started = performance.now();
      const cpu0 = process.cpuUsage();
      const report = await verifyChain(store, { trusted, parallelism: mode === 'parallel' ? workers : 1 });
      best[mode] = Math.min(best[mode], performance.now() - started);
      const cpu = process.cpuUsage(cpu0);
      cpuBest[mode] = Math.min(cpuBest[mode], (cpu.user + cpu.system) / 1000);
      if (!report.ok || report.records !== verifyRecords) throw new Error('benchmark chain does not verify');
    }
  }
  const rate = (ms: number) => verifyRecords / (ms / 1000);
  console.log(`verify: ${fmt(rate(best.parallel))} records/s with ${workers} worker thread(s) (${fmt(verifyRecords)} records, ${verifyRecords / 10_000} signed checkpoints, ${(best.parallel / 1000).toFixed(2)} s; best of 2) (target ≥ 500,000 records/s)`);
  console.log(`  on one thread: ${fmt(rate(best.single))} records/s; reading the same rows (hashed text built by SQLite) without hashing on one thread: ${fmt(rate(floor))} rows/s`);
  console.log(`  per CPU-second (all threads; steadier than wall time on a shared machine): ${fmt(rate(cpuBest.parallel))} with workers, ${fmt(rate(cpuBest.single))} on one thread`);
  await store.close();
}

// --- PostgreSQL (optional): two store instances on one chain, as two gateways would be ---
const pgUrl = process.env['BENCH_AUDIT_PG_URL'];
if (pgUrl) {
  const { PostgresAuditStore } = await import('../src/audit/postgres-store.js');
  const schema = `airlock_bench_${process.pid}`;
  const { signer, trusted } = ephemeralSigner(systemClock);
  const open = () => PostgresAuditStore.open({ url: pgUrl, schema, signer, checkpointIntervalMs: 0 });
  const a = await open();
  const b = await open();
  let done = 0;
  let next = 0;
  const started = performance.now();
  const deadline = started + appendSeconds * 1000;
  const worker = async (store: typeof a): Promise<void> => {
    while (performance.now() < deadline) {
      await store.append(sampleRecord(next++));
      done++;
    }
  };
  await Promise.all(Array.from({ length: inFlight }, (_, i) => worker(i % 2 === 0 ? a : b)));
  const seconds = (performance.now() - started) / 1000;
  console.log(`\npostgres append, two instances on one chain: ${fmt(done / seconds)} records/s (${fmt(done)} in ${seconds.toFixed(1)} s; synchronous_commit=on)`);
  const t0 = performance.now();
  const report = await verifyChain(a, { trusted });
  console.log(`postgres verify: ${fmt(report.records / ((performance.now() - t0) / 1000))} records/s over ${fmt(report.records)} records (ok: ${report.ok})`);
  await a.close();
  await b.close();
  const pg = (await import('pg')).default;
  const client = new pg.Client({ connectionString: pgUrl });
  await client.connect();
  await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  await client.end();
}

console.log(`\nload average at the end: ${loadavg().map((l) => l.toFixed(2)).join(' ')} on ${availableParallelism()} CPU(s)`);

function buildChain(dir: string, n: number, chainId: string, signer: AuditSigner): void {
  const db = openSqlite(dir);
  db.pragma('synchronous = OFF');
  const templates = Array.from({ length: 1000 }, (_, i) => encodeAuditRecord(sampleRecord(i)));
  const insert = db.prepare('INSERT INTO audit_records (seq, prev_hash, hash, body) VALUES (?, ?, ?, ?)');
  const insertCheckpoint = db.prepare('INSERT INTO audit_checkpoints (seq, hash, at, prev_seq, key_id, signature) VALUES (?, ?, ?, ?, ?, ?)');
  let prev = genesisHash(chainId);
  let lastCheckpoint = 0;
  const fill = db.transaction((from: number, to: number) => {
    for (let seq = from; seq <= to; seq++) {
      // a fresh request id of the same length keeps every body canonical
      const body = (templates[seq % 1000] as string).replace(/"requestId":"req-\d{8}"/, `"requestId":"req-${String(seq).padStart(8, '0')}"`);
      const hash = chainHash(prev, seq, body);
      insert.run(seq, prev, hash, body);
      prev = hash;
      if (seq % 10_000 === 0 || seq === n) {
        const cp = { seq, hash, at: Date.now(), prevSeq: lastCheckpoint, keyId: signer.keyId };
        insertCheckpoint.run(seq, hash, cp.at, cp.prevSeq, cp.keyId, signer.sign(checkpointPayload(chainId, cp)));
        lastCheckpoint = seq;
      }
    }
  });
  for (let from = 1; from <= n; from += 50_000) fill(from, Math.min(n, from + 49_999));
  db.close();
}

rmSync(root, { recursive: true, force: true });

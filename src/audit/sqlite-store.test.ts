import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { appendMany, sampleRecord, T0, tempStore, type TestStore } from '../../test/audit/support.js';
import { openMemorySqlite, openSqlite } from '../store/sqlite.js';
import { AirlockError } from '../core/errors.js';
import { fixedClock } from '../core/clock.js';
import { chainHash, genesisHash, sha256Hex } from './chain.js';
import { openAudit } from './index.js';
import { ephemeralSigner, HEAD_FILE, readHeadFile } from './signing.js';
import { SqliteAuditStore } from './sqlite-store.js';
import { verifyChain } from './verify.js';
import { createSegmentChecker } from './verify-segment.js';

const open: TestStore[] = [];
function store(options: Parameters<typeof tempStore>[0] = {}): TestStore {
  const t = tempStore(options);
  open.push(t);
  return t;
}
afterEach(async () => {
  for (const t of open.splice(0)) await t.store.close().catch(() => undefined);
});

describe('SqliteAuditStore', () => {
  it('chains records: seq 1, 2, 3…, each linked to the one before, starting at the chain’s genesis', async () => {
    const t = store();
    const a = await t.store.append(sampleRecord(0));
    const b = await t.store.append(sampleRecord(1));
    expect([a.seq, b.seq]).toEqual([1, 2]);
    const rows = t.db.prepare('SELECT seq, prev_hash, hash, body FROM audit_records ORDER BY seq').raw(true).all() as Array<[number, string, string, string]>;
    expect(rows[0]?.[1]).toBe(genesisHash('test-chain'));
    expect(rows[1]?.[1]).toBe(a.hash);
    for (const [seq, prev, hash, body] of rows) expect(chainHash(prev, seq, body)).toBe(hash);
    expect(await t.store.head()).toEqual({ seq: 2, hash: b.hash });
  });

  it('stores the canonical serialisation: sorted keys, no whitespace', async () => {
    const t = store();
    await t.store.append(sampleRecord(1));
    const body = t.db.prepare('SELECT body FROM audit_records').pluck().get() as string;
    expect(body.startsWith('{"actionCounts":{"pseudonymize":2,"redact":0},"at":')).toBe(true);
    expect(body).not.toMatch(/\s/);
  });

  it('never forks under thousands of concurrent appends', async () => {
    const t = store({ maxBatch: 256 });
    const results = await Promise.all(Array.from({ length: 5000 }, (_, i) => t.store.append(sampleRecord(i))));
    const seqs = results.map((r) => r.seq).sort((x, y) => x - y);
    expect(seqs).toEqual(Array.from({ length: 5000 }, (_, i) => i + 1));
    expect(new Set(results.map((r) => r.hash)).size).toBe(5000);
    const report = await verifyChain(t.store, { trusted: t.trusted });
    expect(report.ok).toBe(true);
    expect(report.records).toBe(5000);
  });

  it('keeps one chain when two connections (as two processes would) append at once', async () => {
    const t = store();
    const { signer } = ephemeralSigner(t.clock);
    const other = new SqliteAuditStore({ db: openSqlite(t.dir), signer, clock: t.clock, checkpointIntervalMs: 0 });
    try {
      const all: Array<Promise<unknown>> = [];
      for (let i = 0; i < 2000; i++) all.push((i % 3 === 0 ? other : t.store).append(sampleRecord(i)));
      await Promise.all(all);
      expect(other.chainId).toBe(t.store.chainId);
      const report = await verifyChain(t.store, { trusted: t.trusted });
      // The other store signs with a key this verifier does not trust: only signatures may differ.
      expect(report.problems.every((p) => p.kind === 'checkpoint-signature')).toBe(true);
      expect(report.records).toBe(2000);
    } finally {
      await other.close();
    }
  });

  it('acknowledges only committed records: what append resolved is in the database', async () => {
    const t = store({ flushDelayMs: 5 });
    const pending = t.store.append(sampleRecord(0));
    expect(t.db.prepare('SELECT count(*) FROM audit_records').pluck().get()).toBe(0);
    const { seq } = await pending;
    expect(t.raw().prepare('SELECT seq FROM audit_records').pluck().get()).toBe(seq);
  });

  it('rejects invalid records with AUDIT_FAILED, naming the field but never the value', async () => {
    const t = store();
    const bad = { ...sampleRecord(0), requestId: 'Jane Doe 123-45-6789 asked about her diagnosis' };
    const error = await t.store.append(bad).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AirlockError);
    expect((error as AirlockError).code).toBe('AUDIT_FAILED');
    expect((error as AirlockError).message).toMatch(/requestId/);
    expect((error as AirlockError).message).not.toMatch(/Jane|6789/);
    await expect(t.store.append({ ...sampleRecord(0), prompt: 'raw content' } as never)).rejects.toThrow(/audit record rejected/);
    await expect(t.store.append({ ...sampleRecord(1), fields: ['Contact.Email = jane@example.com'] })).rejects.toThrow(/fields\.0/);
    expect((await t.store.head()).seq).toBe(0);
  });

  it('is append-only in the database itself (triggers)', async () => {
    const t = store();
    await appendMany(t.store, 3);
    const db = t.raw();
    expect(() => db.prepare("UPDATE audit_records SET body = '{}' WHERE seq = 1").run()).toThrow(/append-only/);
    expect(() => db.prepare('DELETE FROM audit_records WHERE seq = 1').run()).toThrow(/only by prune/);
    expect(() => db.prepare("UPDATE audit_records SET at = 5 WHERE seq = 1").run()).toThrow();
  });

  it('signs checkpoints every N records and every T ms, and records the newest outside the database', async () => {
    // Every N records: no timer here, so a slow machine cannot add a timed checkpoint in between.
    const counted = store({ checkpointEvery: 10, checkpointIntervalMs: 0 });
    await appendMany(counted.store, 25);
    expect((await counted.store.checkpoints()).map((c) => c.seq)).toEqual([10, 20]);
    await counted.store.close();

    // Every T ms: the timer signs the unsigned tail without another append.
    const t = store({ checkpointEvery: 1000, checkpointIntervalMs: 20 });
    await appendMany(t.store, 25);
    const deadline = Date.now() + 15_000;
    // The head file is written once the checkpoint is flushed, a moment after it is visible in the database.
    while (Date.now() < deadline && ((await t.store.checkpoints()).at(-1)?.seq !== 25 || readHeadFile(t.dir)?.checkpoint.seq !== 25)) {
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    // A slow machine may also have signed a prefix while the 25 appends were still arriving.
    const timed = (await t.store.checkpoints()).map((c) => c.seq);
    expect(timed.at(-1)).toBe(25);
    expect(timed).toEqual([...timed].sort((a, b) => a - b));
    const head = readHeadFile(t.dir);
    expect(head?.chainId).toBe('test-chain');
    expect(head?.checkpoint.seq).toBe(25);
    expect(await t.store.checkpoint()).toBeUndefined(); // head already signed
  });

  it('tells listeners about commits (the forwarder wakes on them)', async () => {
    const t = store();
    const heads: number[] = [];
    const off = t.store.onCommit((h) => heads.push(h));
    await appendMany(t.store, 3);
    off();
    await t.store.append(sampleRecord(3));
    expect(heads).toEqual([3]);
  });

  it('refuses to start a new chain where the head file names another one (a replaced database)', async () => {
    const t = store({ checkpointEvery: 1 });
    await appendMany(t.store, 2);
    await t.store.close();
    const moved = mkdtempSync(join(tmpdir(), 'airlock-audit-other-'));
    writeFileSync(join(moved, HEAD_FILE), readFileSync(join(t.dir, HEAD_FILE)));
    const { signer } = ephemeralSigner(t.clock);
    expect(() => new SqliteAuditStore({ db: openSqlite(moved), signer, headDir: moved, checkpointIntervalMs: 0 })).toThrow(/belongs to audit chain test-chain/);
  });

  it('opens read-only without writing anything, and says when there is no trail', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'airlock-audit-ro-'));
    expect(() => openAudit({ dataDir: dir, readOnly: true, env: {} })).toThrow(/no audit trail/);
    expect(existsSync(join(dir, 'audit-signing.key'))).toBe(false);
    const writable = openAudit({ dataDir: dir, env: {}, clock: fixedClock(T0), checkpointIntervalMs: 0 });
    await writable.store.append(sampleRecord(0));
    await writable.store.close();
    const ro = openAudit({ dataDir: dir, readOnly: true, env: {} });
    await expect(ro.store.append(sampleRecord(1))).rejects.toThrow(/read-only/);
    expect((await verifyChain(ro.store, { trusted: ro.trusted, headFile: ro.headFile })).ok).toBe(true);
    await ro.store.close();
    expect(() => openAudit({ dataDir: dir, env: { AIRLOCK_DATABASE_URL: 'postgres://x' } })).toThrow(/PostgreSQL/);
  });

  it('checks segments in worker threads exactly as the main thread does', async () => {
    const t = store({ checkpointEvery: 100 });
    await appendMany(t.store, 1000);
    const db = t.raw();
    db.exec('DROP TRIGGER audit_records_no_update; DROP TRIGGER audit_records_no_delete;');
    db.exec("UPDATE audit_records SET body = replace(body, 'prod', 'dev') WHERE seq IN (10, 500)");
    db.exec('DELETE FROM audit_records WHERE seq BETWEEN 700 AND 702');
    const tasks = [0, 1, 2, 3].map((k) => ({ from: k * 250 + 1, to: k * 250 + 250, hashesAt: [100, 200, 300, 400, 500, 600, 700, 800, 900, 1000].filter((s) => s > k * 250 && s <= k * 250 + 250), maxSuspects: 100 }));
    const parallel = await t.store.checkSegments(tasks, 2);
    const sequential = [];
    for (const task of tasks) {
      const checker = createSegmentChecker(task, sha256Hex);
      for await (const rows of t.store.hashedRows(task)) checker.feed(rows);
      sequential.push(checker.finish());
    }
    expect(parallel).toEqual(sequential);
    expect(parallel.flatMap((p) => p.suspects.map((x) => x.seq))).toEqual([10, 500]);
    expect(parallel.flatMap((p) => p.gaps)).toEqual([[700, 702]]);
  });

  it('runs in memory too (durability "commit")', async () => {
    const db = openMemorySqlite();
    const { signer, trusted } = ephemeralSigner(fixedClock(T0));
    const s = new SqliteAuditStore({ db, signer, checkpointIntervalMs: 0, checkpointEvery: 2 });
    await appendMany(s, 5);
    expect((await verifyChain(s, { trusted })).ok).toBe(true);
    await s.close();
  });
});

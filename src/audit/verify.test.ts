import { generateKeyPairSync, sign } from 'node:crypto';
import type Database from 'better-sqlite3';
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { appendMany, sampleRecord, tempStore, type TestStore } from '../../test/audit/support.js';
import { canonicalJson } from './canonical-json.js';
import { chainHash, checkpointPayload } from './chain.js';
import { keyIdOf, readHeadFile } from './signing.js';
import { verifyChain, formatVerifyReport, type VerifyReport } from './verify.js';

const N = 300;
let t: TestStore;

beforeEach(async () => {
  t = tempStore({ checkpointEvery: 100 });
  await appendMany(t.store, N);
  await t.store.flush();
});
afterEach(async () => {
  await t.store.close();
});

/** What an attacker with write access to the database does first. */
function attacker(): Database.Database {
  const db = t.raw();
  for (const name of db.prepare("SELECT name FROM sqlite_master WHERE type = 'trigger'").pluck().all() as string[]) {
    db.exec(`DROP TRIGGER ${name}`);
  }
  return db;
}

function row(db: Database.Database, seq: number): { prev: string; hash: string; body: string } {
  return db.prepare('SELECT prev_hash AS prev, hash, body FROM audit_records WHERE seq = ?').get(seq) as { prev: string; hash: string; body: string };
}

function edit(body: string): string {
  const record = JSON.parse(body) as Record<string, unknown>;
  return canonicalJson({ ...record, clientId: 'someone-else' });
}

/** Every test runs twice: walked on this thread, and by 3 workers in segments of 37 records. */
let walkers: { parallelism?: number; segmentSize?: number } = {};

async function verify(extra: { from?: number; to?: number } = {}): Promise<VerifyReport> {
  return verifyChain(t.store, { trusted: t.trusted, headFile: readHeadFile(t.dir), ...walkers, ...extra });
}

const kinds = (r: VerifyReport) => r.problems.filter((p) => p.kind !== 'schema').map((p) => [p.kind, p.seq, p.lastSeq]);

describe.each([
  ['on this thread', {}],
  ['in parallel workers', { parallelism: 3, segmentSize: 37 }],
])('verifyChain, walked %s', (_how, how: { parallelism?: number; segmentSize?: number }) => {
  beforeEach(() => {
    walkers = how;
  });

  it('reports an intact chain, its checkpoints and the head', async () => {
    const r = await verify();
    expect(r.ok).toBe(true);
    expect(r.records).toBe(N);
    expect(r.checkpointsChecked).toBe(3);
    expect(r.lastSignedSeq).toBe(300);
    expect(r.unsigned).toBeUndefined();
    expect(formatVerifyReport(r)).toMatch(/INTACT/);
  });

  it('notes records not yet covered by a signed checkpoint, without failing', async () => {
    await appendMany(t.store, 5, N);
    const r = await verify();
    expect(r.ok).toBe(true);
    expect(r.unsigned).toEqual({ from: 301, to: 305 });
  });

  it('verifies a sub-range', async () => {
    const r = await verify({ from: 120, to: 180 });
    expect(r).toMatchObject({ ok: true, from: 120, to: 180, records: 61 });
  });

  it('finds a modified record (UPDATE of the body)', async () => {
    const db = attacker();
    db.prepare('UPDATE audit_records SET body = ? WHERE seq = 57').run(edit(row(db, 57).body));
    const r = await verify();
    expect(r.ok).toBe(false);
    expect(r.firstBadSeq).toBe(57);
    expect(kinds(r)).toEqual([['modified', 57, undefined]]);
    expect(r.problems.some((p) => p.kind === 'schema')).toBe(true); // the dropped triggers show too
    expect(formatVerifyReport(r)).toMatch(/TAMPERED.*first bad seq 57/);
  });

  it('finds a record modified and re-hashed (UPDATE of body and hash)', async () => {
    const db = attacker();
    const r57 = row(db, 57);
    const body = edit(r57.body);
    db.prepare('UPDATE audit_records SET body = ?, hash = ? WHERE seq = 57').run(body, chainHash(r57.prev, 57, body));
    const r = await verify();
    expect(r.firstBadSeq).toBe(57);
    expect(kinds(r)).toEqual([['modified', 57, undefined]]);
  });

  it('catches a consistent rewrite of the rest of the chain through the signed checkpoints', async () => {
    const db = attacker();
    let prev = row(db, 56).hash;
    for (let seq = 57; seq <= N; seq++) {
      const body = seq === 57 ? edit(row(db, seq).body) : row(db, seq).body;
      const hash = chainHash(prev, seq, body);
      db.prepare('UPDATE audit_records SET prev_hash = ?, body = ?, hash = ? WHERE seq = ?').run(prev, body, hash, seq);
      prev = hash;
    }
    const r = await verify();
    expect(r.ok).toBe(false);
    expect(kinds(r)).toEqual([
      ['rewritten', 1, 100],
      ['rewritten', 101, 200],
      ['rewritten', 201, 300],
    ]);
  });

  it('finds a deleted record (DELETE)', async () => {
    attacker().prepare('DELETE FROM audit_records WHERE seq = 120').run();
    const r = await verify();
    expect(r.firstBadSeq).toBe(120);
    expect(kinds(r)).toEqual([['deleted', 120, 120]]);
  });

  it('finds a truncated tail through the signed checkpoint and the head file', async () => {
    attacker().prepare('DELETE FROM audit_records WHERE seq > 250').run();
    const r = await verify();
    expect(r.ok).toBe(false);
    expect(r.firstBadSeq).toBe(251);
    expect(r.problems.map((p) => p.kind)).toContain('truncated');
  });

  it('finds a truncated tail even when its checkpoints were deleted too (head file)', async () => {
    const db = attacker();
    db.prepare('DELETE FROM audit_records WHERE seq > 250').run();
    db.prepare('DELETE FROM audit_checkpoints WHERE seq > 250').run();
    const r = await verify();
    expect(r.ok).toBe(false);
    expect(r.problems.find((p) => p.kind === 'truncated')?.detail).toMatch(/head file/);
  });

  it('finds an inserted record (renumbering, then INSERT of a correctly chained fake)', async () => {
    const db = attacker();
    db.exec('UPDATE audit_records SET seq = -(seq + 1) WHERE seq >= 150');
    db.exec('UPDATE audit_records SET seq = -seq WHERE seq < 0');
    const prev = row(db, 149).hash;
    const fake = canonicalJson(sampleRecord(99_999));
    db.prepare('INSERT INTO audit_records (seq, prev_hash, hash, body) VALUES (150, ?, ?, ?)').run(prev, chainHash(prev, 150, fake), fake);
    const r = await verify();
    expect(r.ok).toBe(false);
    expect(r.firstBadSeq).toBe(150);
    expect(r.problems.find((p) => p.kind === 'inserted')).toMatchObject({ seq: 150 });
    expect(r.problems.find((p) => p.kind === 'reordered')).toMatchObject({ seq: 151, lastSeq: 301 });
  });

  it('finds an INSERT that fills the gap left by a DELETE (replaced record)', async () => {
    const db = attacker();
    db.prepare('DELETE FROM audit_records WHERE seq = 80').run();
    const prev = row(db, 79).hash;
    const fake = canonicalJson(sampleRecord(88_888));
    db.prepare('INSERT INTO audit_records (seq, prev_hash, hash, body) VALUES (80, ?, ?, ?)').run(prev, chainHash(prev, 80, fake), fake);
    const r = await verify();
    expect(r.firstBadSeq).toBe(80);
    expect(kinds(r)).toEqual([['modified', 80, undefined]]);
  });

  it('finds reordered records (two rows swapped)', async () => {
    const db = attacker();
    const a = row(db, 30);
    const b = row(db, 31);
    db.exec('DELETE FROM audit_records WHERE seq IN (30, 31)');
    const insert = db.prepare('INSERT INTO audit_records (seq, prev_hash, hash, body) VALUES (?, ?, ?, ?)');
    insert.run(30, b.prev, b.hash, b.body);
    insert.run(31, a.prev, a.hash, a.body);
    const r = await verify();
    expect(r.firstBadSeq).toBe(30);
    expect(kinds(r)).toEqual([
      ['reordered', 30, undefined],
      ['reordered', 31, undefined],
    ]);
    expect(r.problems.find((p) => p.seq === 30)?.detail).toMatch(/written as record 31/);
  });

  it('finds an altered checkpoint signature', async () => {
    const db = attacker();
    const sig = db.prepare('SELECT signature FROM audit_checkpoints WHERE seq = 200').pluck().get() as string;
    const flipped = Buffer.from(sig, 'base64');
    flipped[10] = (flipped[10] as number) ^ 1;
    db.prepare('UPDATE audit_checkpoints SET signature = ? WHERE seq = 200').run(flipped.toString('base64'));
    const r = await verify();
    expect(kinds(r)).toEqual([['checkpoint-signature', 200, undefined]]);
    expect(r.lastSignedSeq).toBe(300);
  });

  it('rejects checkpoints forged with the attacker’s own key over a rewritten chain', async () => {
    const db = attacker();
    let prev = row(db, 9).hash;
    for (let seq = 10; seq <= N; seq++) {
      const body = seq === 10 ? edit(row(db, seq).body) : row(db, seq).body;
      const hash = chainHash(prev, seq, body);
      db.prepare('UPDATE audit_records SET prev_hash = ?, body = ?, hash = ? WHERE seq = ?').run(prev, body, hash, seq);
      prev = hash;
    }
    const { privateKey, publicKey } = generateKeyPairSync('ed25519');
    const forgedKey = keyIdOf(publicKey);
    for (const cp of db.prepare('SELECT seq, at, prev_seq AS prevSeq FROM audit_checkpoints').all() as Array<{ seq: number; at: number; prevSeq: number }>) {
      const hash = row(db, cp.seq).hash;
      for (const keyId of [forgedKey]) {
        const payload = checkpointPayload(t.store.chainId, { seq: cp.seq, hash, at: cp.at, prevSeq: cp.prevSeq, keyId });
        db.prepare('UPDATE audit_checkpoints SET hash = ?, key_id = ?, signature = ? WHERE seq = ?').run(
          hash,
          keyId,
          sign(null, Buffer.from(payload), privateKey).toString('base64'),
          cp.seq,
        );
      }
    }
    const r = await verify();
    expect(r.ok).toBe(false);
    expect(kinds(r).filter((k) => k[0] === 'checkpoint-signature').map((k) => k[1])).toEqual([100, 200, 300]);
    expect(r.problems.find((p) => p.kind === 'checkpoint-signature')?.detail).toMatch(/not a trusted audit signing key/);
    expect(r.lastSignedSeq).toBe(0);
  });

  it('finds a deleted checkpoint by the checkpoint chain', async () => {
    attacker().prepare('DELETE FROM audit_checkpoints WHERE seq = 200').run();
    const r = await verify();
    expect(kinds(r)).toEqual([['checkpoint-missing', 101, 300]]);
  });

  it('reports the dropped append-only triggers as a schema change', async () => {
    attacker().close();
    const r = await verify();
    expect(r.ok).toBe(false);
    expect(r.problems.every((p) => p.kind === 'schema')).toBe(true);
    expect(r.problems.map((p) => p.detail).join('\n')).toMatch(/trigger audit_records_no_update is missing/);
  });

  it('detects any single-byte change to any stored field (property)', async () => {
    const db = attacker();
    const fields = ['body', 'prev_hash', 'hash', 'seq', 'cp.hash', 'cp.signature', 'cp.key_id', 'cp.at', 'cp.prev_seq', 'cp.seq'] as const;
    const records = db.prepare('SELECT seq, prev_hash, hash, body FROM audit_records ORDER BY seq').all() as Array<Record<string, string | number>>;
    const cps = db.prepare('SELECT * FROM audit_checkpoints ORDER BY seq').all() as Array<Record<string, string | number>>;
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...fields),
        fc.nat(),
        fc.nat(),
        fc.integer({ min: 1, max: 255 }),
        async (field, which, position, xor) => {
          const isCp = field.startsWith('cp.');
          const column = isCp ? field.slice(3) : field;
          const table = isCp ? 'audit_checkpoints' : 'audit_records';
          const target = isCp ? (cps[which % cps.length] as Record<string, string | number>) : (records[which % records.length] as Record<string, string | number>);
          const original = target[column] as string | number;
          const key = target['seq'] as number;
          const bytes = Buffer.from(String(original), 'utf8');
          const at = position % bytes.length;
          bytes[at] = (bytes[at] as number) ^ xor;
          const changed = typeof original === 'number' ? Number(bytes.toString('latin1')) : bytes;
          if (typeof original === 'number' && (!Number.isSafeInteger(changed) || changed === original)) return; // not a number any more
          const set = db.prepare(`UPDATE ${table} SET ${column} = ${typeof original === 'number' ? '?' : 'CAST(? AS TEXT)'} WHERE seq = ?`);
          try {
            set.run(changed, key);
          } catch {
            return; // e.g. a seq that collides with another row's primary key: not a stored change
          }
          try {
            const r = await verify();
            expect(r.problems.filter((p) => p.kind !== 'schema').length, `${table}.${column} of seq ${key}, byte ${at}`).toBeGreaterThan(0);
          } finally {
            const newKey = column === 'seq' ? (changed as number) : key;
            db.prepare(`UPDATE ${table} SET ${column} = ? WHERE seq = ?`).run(original, newKey);
          }
        },
      ),
      { numRuns: 150, seed: 7 },
    );
    expect((await verify()).problems.every((p) => p.kind === 'schema')).toBe(true);
  });
});

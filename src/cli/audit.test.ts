import { mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { beforeEach, describe, expect, it } from 'vitest';
import { runAudit, sampleRecord, T0 } from '../../test/audit/support.js';
import { openAudit } from '../audit/index.js';
import { fixedClock } from '../core/clock.js';

let dataDir: string;

beforeEach(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'airlock-cli-audit-'));
  const { store } = openAudit({ dataDir, env: {}, clock: fixedClock(T0 + 3_600_000), checkpointEvery: 50, checkpointIntervalMs: 0 });
  for (let i = 0; i < 120; i++) await store.append(sampleRecord(i));
  await store.close(); // signs a final checkpoint at the head
});

function tamper(sql: string): void {
  const db = new Database(join(dataDir, 'airlock.db'));
  db.exec('DROP TRIGGER audit_records_no_update; DROP TRIGGER audit_records_no_delete;');
  db.exec(sql);
  db.close();
}

describe('airlock audit verify', () => {
  it('exits 0 and says INTACT for an untouched trail; the key file is 0600 and outside the database', async () => {
    const r = await runAudit(['verify', '--data-dir', dataDir]);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/records 1\.\.120 \(120 walked\)/);
    expect(r.out).toMatch(/INTACT/);
    expect(statSync(join(dataDir, 'audit-signing.key')).mode & 0o077).toBe(0);
  });

  it('exits 70 and names the first bad seq when a record was edited', async () => {
    tamper("UPDATE audit_records SET body = replace(body, '\"prod\"', '\"dev\"') WHERE seq = 77");
    const r = await runAudit(['verify', '--data-dir', dataDir]);
    expect(r.code).toBe(70);
    expect(r.out).toMatch(/TAMPERED: .*first bad seq 77/);
    expect(r.out).toMatch(/modified seq 77: record 77 was modified/);
    expect(r.err).toMatch(/AUDIT_FAILED: the audit chain does not verify \(first bad seq 77\)/);
  });

  it('reports a deletion, and walks only --from..--to when asked', async () => {
    tamper('DELETE FROM audit_records WHERE seq = 30');
    const all = await runAudit(['verify', '--data-dir', dataDir, '--json']);
    expect(all.code).toBe(70);
    const report = JSON.parse(all.out) as { firstBadSeq: number; problems: Array<{ kind: string; seq: number }> };
    expect(report.firstBadSeq).toBe(30);
    expect(report.problems.filter((p) => p.kind !== 'schema')).toEqual([expect.objectContaining({ kind: 'deleted', seq: 30 })]);
    const later = await runAudit(['verify', '--data-dir', dataDir, '--from', '40', '--to', '90']);
    expect(later.out).toMatch(/records 40\.\.90 \(51 walked\)/);
  });

  it('exits 78 when there is no trail, 64 on a bad option', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'airlock-cli-audit-none-'));
    expect((await runAudit(['verify', '--data-dir', empty])).code).toBe(78);
    expect((await runAudit(['verify', '--data-dir', dataDir, '--from', 'ten'])).code).toBe(64);
    expect((await runAudit(['query', '--data-dir', dataDir, '--since', 'yesterday'])).code).toBe(64);
  });
});

describe('airlock audit query', () => {
  it('lists records with filters', async () => {
    const r = await runAudit(['query', '--data-dir', dataDir, '--client', 'flow-service', '--decision', 'blocked']);
    expect(r.code).toBe(0);
    const lines = r.out.trim().split('\n');
    expect(lines[0]).toMatch(/^SEQ\s+TIME\s+EVENT\s+REQUEST\s+CLIENT\s+DECISION\s+ENDPOINT\s+ENTITIES$/);
    expect(lines.length).toBeGreaterThan(1);
    expect(lines.slice(1).every((l) => /flow-service\s+blocked/.test(l))).toBe(true);

    const iban = await runAudit(['query', '--data-dir', dataDir, '--entity', 'IBAN_CODE', '--json']);
    const records = iban.out.trim().split('\n').map((l) => JSON.parse(l) as { record: { entityCounts: Record<string, number> } });
    expect(records.length).toBe(24); // requests 0, 5, …, 55: begin and end each
    expect(records.every((x) => (x.record.entityCounts['IBAN_CODE'] ?? 0) > 0)).toBe(true);
  });

  it('summarises requests by decision, jurisdiction and day', async () => {
    const byDecision = JSON.parse((await runAudit(['query', '--data-dir', dataDir, '--summary', 'decision', '--json'])).out) as Array<{ key: string; requests: number }>;
    expect(byDecision.reduce((n, r) => n + r.requests, 0)).toBe(60);
    expect(byDecision.map((r) => r.key)).toEqual(['allowed', 'blocked', 'failed', 'transformed']);
    const byJurisdiction = await runAudit(['query', '--data-dir', dataDir, '--summary', 'jurisdiction']);
    expect(byJurisdiction.out).toMatch(/^JURISDICTION\s+REQUESTS\s+FINDINGS\nDE\s+20\s+\d+\nFR\s+20\s+\d+\nUS\s+20\s+\d+\n$/);
    const byDay = await runAudit(['query', '--data-dir', dataDir, '--summary', 'day', '--until', '2026-01-16']);
    expect(byDay.out).toMatch(/2026-01-15\s+60\s+\d+/);
  });
});

describe('airlock audit prune, checkpoint, status, rotate-key', () => {
  it('prunes behind a signed checkpoint and the chain still verifies', async () => {
    const r = await runAudit(['prune', '--data-dir', dataDir, '--before', new Date(T0 + 40_000).toISOString()]);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^pruned 50 record\(s\) through seq 50; the chain is now anchored at checkpoint 50/);
    const v = await runAudit(['verify', '--data-dir', dataDir]);
    expect(v.code).toBe(0);
    expect(v.out).toMatch(/pruned through seq 50/);
  });

  it('rotates the signing key; checkpoints by old and new keys both verify', async () => {
    const rotated = await runAudit(['rotate-key', '--data-dir', dataDir]);
    expect(rotated.out).toMatch(/now signed with ed25519-[0-9a-f]{16}/);
    const { store } = openAudit({ dataDir, env: {}, checkpointIntervalMs: 0 });
    await store.append(sampleRecord(500));
    await store.close();
    const status = await runAudit(['status', '--data-dir', dataDir]);
    expect(status.out).toMatch(/head seq 121/);
    expect(status.out).toMatch(/trusted signing keys: ed25519-\w+, ed25519-\w+/);
    expect((await runAudit(['verify', '--data-dir', dataDir])).code).toBe(0);
    expect((await runAudit(['checkpoint', '--data-dir', dataDir])).out).toMatch(/already covered/);
  });
});

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { appendMany, T0, tempStore, type TestStore } from '../../test/audit/support.js';
import { pruneAudit } from './prune.js';
import { readHeadFile } from './signing.js';
import { verifyChain } from './verify.js';

let t: TestStore;
beforeEach(async () => {
  t = tempStore({ checkpointEvery: 100 });
  await appendMany(t.store, 300); // record i is at T0 + floor(i / 2) s
});
afterEach(async () => {
  await t.store.close();
});

const verify = () => verifyChain(t.store, { trusted: t.trusted, headFile: readHeadFile(t.dir) });
/** the time of the record with seq n (seq n holds sample record n - 1) */
const timeOf = (seq: number) => T0 + Math.floor((seq - 1) / 2) * 1000;

describe('pruneAudit', () => {
  it('deletes up to the newest signed checkpoint before the cut-off and anchors the chain there', async () => {
    const result = await pruneAudit(t.store, { before: timeOf(250), trusted: t.trusted });
    expect(result.deleted).toBe(200);
    expect(result.anchor?.seq).toBe(200);
    expect(await t.store.anchor()).toEqual(result.anchor);
    const [first] = await t.store.checkpoints();
    expect(first?.seq).toBe(200);

    const prunes = await t.store.pruneRecords();
    expect(prunes).toHaveLength(1);
    expect(prunes[0]?.record).toMatchObject({ type: 'prune', throughSeq: 200, anchorHash: result.anchor?.hash, before: timeOf(250) });

    const report = await verify();
    expect(report.problems).toEqual([]);
    expect(report).toMatchObject({ ok: true, from: 201, records: 101 });

    await appendMany(t.store, 10, 300);
    expect((await verify()).ok).toBe(true);
  });

  it('prunes nothing when no signed checkpoint lies before the cut-off', async () => {
    const result = await pruneAudit(t.store, { before: timeOf(50), trusted: t.trusted });
    expect(result).toMatchObject({ deleted: 0 });
    expect(result.note).toMatch(/no signed checkpoint/);
    expect((await t.store.head()).seq).toBe(300);
  });

  it('does not prune what a forwarder has not shipped, unless forced', async () => {
    await t.store.setCursor('syslog+tcp://siem:601', 150);
    const held = await pruneAudit(t.store, { before: timeOf(250), trusted: t.trusted });
    expect(held.deleted).toBe(0);
    expect(held.note).toMatch(/syslog\+tcp:\/\/siem:601 \(shipped through seq 150\)/);
    const forced = await pruneAudit(t.store, { before: timeOf(250), trusted: t.trusted, force: true });
    expect(forced.deleted).toBe(200);
  });

  it('refuses to prune a chain that does not verify (that would destroy the evidence)', async () => {
    const db = t.raw();
    db.exec('DROP TRIGGER audit_records_no_update');
    db.prepare("UPDATE audit_records SET body = replace(body, 'apex-billing', 'apex-billinx') WHERE seq = 42").run();
    await expect(pruneAudit(t.store, { before: timeOf(250), trusted: t.trusted })).rejects.toThrow(/refusing to prune.*first bad seq/);
    expect((await t.store.head()).seq).toBe(300);
  });

  it('shows a deletion dressed up as a prune (anchor moved, no prune record)', async () => {
    await pruneAudit(t.store, { before: timeOf(150), trusted: t.trusted });
    const db = t.raw();
    const hash = db.prepare('SELECT hash FROM audit_records WHERE seq = 200').pluck().get() as string;
    db.prepare("UPDATE audit_meta SET value = '200' WHERE key = 'anchor_seq'").run();
    db.prepare("UPDATE audit_meta SET value = ? WHERE key = 'anchor_hash'").run(hash);
    db.prepare('DELETE FROM audit_records WHERE seq <= 200').run();
    db.prepare('DELETE FROM audit_checkpoints WHERE seq < 200').run();
    const report = await verify();
    expect(report.ok).toBe(false);
    expect(report.problems.map((p) => p.kind)).toContain('anchor');
    expect(report.problems.find((p) => p.kind === 'anchor')?.detail).toMatch(/no prune record/);
  });

  it('prunes again later, from the previous anchor', async () => {
    await pruneAudit(t.store, { before: timeOf(150), trusted: t.trusted });
    await appendMany(t.store, 100, 300);
    const second = await pruneAudit(t.store, { before: timeOf(350), trusted: t.trusted });
    expect(second.anchor?.seq).toBe(300);
    expect((await t.store.pruneRecords()).map((r) => r.record.type === 'prune' && r.record.throughSeq)).toEqual([100, 300]);
    const report = await verify();
    expect(report.problems).toEqual([]);
  });
});

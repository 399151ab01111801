import { afterEach, describe, expect, it } from 'vitest';
import { sampleRecord, T0 } from '../../test/audit/support.js';
import { postgresAvailable, postgresFactory, sqliteFactory, type StoreKit } from '../../test/audit/stores.js';
import { ephemeralSigner } from './signing.js';
import { chainHash, genesisHash } from './chain.js';
import { pruneAudit } from './prune.js';
import { queryAudit, summarizeAudit } from './query.js';
import type { AuditStore } from './store.js';
import { verifyChain } from './verify.js';

/**
 * The store contract (src/audit/store.ts), run against every store. PostgreSQL runs when it
 * is reachable (AIRLOCK_TEST_PG_URL, default postgres://postgres@127.0.0.1:5432/test); the
 * suite's title says so, and shows as skipped when it is not.
 */
const factories = [sqliteFactory(), postgresFactory(await postgresAvailable())];

async function appendRange(store: AuditStore, from: number, to: number): Promise<void> {
  const all: Array<Promise<unknown>> = [];
  for (let i = from; i < to; i++) all.push(store.append(sampleRecord(i)));
  await Promise.all(all);
}

for (const factory of factories) {
  describe.skipIf(!factory.available)(`${factory.title}: the store contract`, () => {
    const open: StoreKit[] = [];
    const kit = async (options: Parameters<typeof factory.create>[0] = {}) => {
      const k = await factory.create(options);
      open.push(k);
      return k;
    };
    afterEach(async () => {
      for (const k of open.splice(0)) await k.close();
    });

    it('chains records 1, 2, 3…, each linked to the one before, from the chain’s genesis', async () => {
      const { store } = await kit();
      const a = await store.append(sampleRecord(0));
      const b = await store.append(sampleRecord(1));
      expect([a.seq, b.seq]).toEqual([1, 2]);
      const rows = [];
      for await (const batch of store.rows({})) rows.push(...batch);
      expect(rows.map((r) => r[0])).toEqual([1, 2]);
      expect(rows[0]?.[1]).toBe(genesisHash(store.chainId));
      expect(rows[1]?.[1]).toBe(a.hash);
      for (const [seq, prev, hash, body] of rows) expect(chainHash(prev, seq, body)).toBe(hash);
      expect(await store.head()).toEqual({ seq: 2, hash: b.hash });
      const hashed = [];
      for await (const batch of store.hashedRows({})) hashed.push(...batch);
      expect(hashed.map((r) => r[3])).toEqual(rows.map(([seq, prev, , body]) => `{"prevHash":"${prev}","record":${body},"seq":${seq}}`));
    });

    it('acknowledges only committed records: what append resolved, another connection sees', async () => {
      const k = await kit();
      const { seq } = await k.store.append(sampleRecord(0));
      expect(await k.count()).toBe(seq);
      await appendRange(k.store, 1, 50);
      expect(await k.count()).toBe(50);
    });

    it('never forks under thousands of concurrent appends', async () => {
      const { store, trusted } = await kit({ maxBatch: 256, checkpointEvery: 500 });
      const results = await Promise.all(Array.from({ length: 3000 }, (_, i) => store.append(sampleRecord(i))));
      expect(results.map((r) => r.seq).sort((x, y) => x - y)).toEqual(Array.from({ length: 3000 }, (_, i) => i + 1));
      expect(new Set(results.map((r) => r.hash)).size).toBe(3000);
      const report = await verifyChain(store, { trusted });
      expect(report.problems).toEqual([]);
      expect(report.records).toBe(3000);
      expect(report.checkpointsChecked).toBeGreaterThanOrEqual(5);
    });

    it('keeps one chain when two instances append to it at the same time', async () => {
      const k = await kit({ maxBatch: 64, checkpointEvery: 200 });
      const other = await k.another();
      const all: Array<Promise<{ seq: number }>> = [];
      for (let i = 0; i < 2000; i++) all.push((i % 2 === 0 ? other : k.store).append(sampleRecord(i)));
      const seqs = (await Promise.all(all)).map((r) => r.seq).sort((a, b) => a - b);
      expect(seqs).toEqual(Array.from({ length: 2000 }, (_, i) => i + 1));
      expect(other.chainId).toBe(k.store.chainId);
      const report = await verifyChain(k.store, { trusted: k.trusted });
      expect(report.problems).toEqual([]);
      expect(report.records).toBe(2000);
      // both instances' records are in it, interleaved
      const byRequest = new Set<string>();
      for await (const r of k.store.records({ limit: 2000 })) if (r.record.type === 'request') byRequest.add(r.record.requestId);
      expect(byRequest.size).toBe(1000);
    });

    it('rejects an invalid record with AUDIT_FAILED, naming the field and never the value', async () => {
      const { store } = await kit();
      const error = await store.append({ ...sampleRecord(0), reasonCode: 'jane.doe@example.com said hi' } as never).catch((e: unknown) => e);
      expect(error).toMatchObject({ code: 'AUDIT_FAILED' });
      expect(String((error as Error).message)).toMatch(/reasonCode/);
      expect(String((error as Error).message)).not.toMatch(/jane/);
      expect((await store.head()).seq).toBe(0);
    });

    it('refuses to update or delete records and checkpoints (append-only)', async () => {
      const k = await kit({ checkpointEvery: 5 });
      await appendRange(k.store, 0, 10);
      await expect(k.exec("UPDATE $T SET body = replace(body, 'prod', 'dev') WHERE seq = 3")).rejects.toThrow(/append-only/);
      await expect(k.exec('DELETE FROM $T WHERE seq = 3')).rejects.toThrow(/prune/);
      await expect(k.exec('UPDATE $C SET at = 0')).rejects.toThrow(/append-only/);
      await expect(k.exec('DELETE FROM $C')).rejects.toThrow(/prune/);
      expect(await k.count()).toBe(10);
      expect(await k.store.schemaProblems()).toEqual([]);
    });

    it('catches a modified, a deleted record and dropped guards', async () => {
      const k = await kit({ checkpointEvery: 20 });
      await appendRange(k.store, 0, 100);
      await k.dropGuards();
      await k.exec("UPDATE $T SET body = replace(body, '\"prod\"', '\"dev\"') WHERE seq = 33");
      await k.exec('DELETE FROM $T WHERE seq BETWEEN 70 AND 71');
      const report = await verifyChain(k.store, { trusted: k.trusted });
      expect(report.ok).toBe(false);
      expect(report.firstBadSeq).toBe(33);
      expect(report.problems).toContainEqual(expect.objectContaining({ kind: 'modified', seq: 33 }));
      expect(report.problems).toContainEqual(expect.objectContaining({ kind: 'deleted', seq: 70, lastSeq: 71 }));
      expect(report.problems.filter((p) => p.kind === 'schema').length).toBeGreaterThanOrEqual(4);
    });

    it('signs checkpoints another key cannot forge', async () => {
      const k = await kit({ checkpointEvery: 10 });
      await appendRange(k.store, 0, 35);
      const cp = await k.store.checkpoint();
      expect(cp?.seq).toBe(35);
      expect((await k.store.checkpoints()).map((c) => c.seq)).toEqual([10, 20, 30, 35]);
      const stranger = ephemeralSigner(k.clock).trusted;
      const report = await verifyChain(k.store, { trusted: stranger });
      expect(report.problems.filter((p) => p.kind === 'checkpoint-signature').map((p) => p.seq)).toEqual([10, 20, 30, 35]);
      expect((await verifyChain(k.store, { trusted: k.trusted })).ok).toBe(true);
    });

    it('prunes behind a signed checkpoint, anchors the chain there, and still verifies', async () => {
      const k = await kit({ checkpointEvery: 10 });
      await appendRange(k.store, 0, 60); // request n at T0 + n s; records 0..59 are requests 0..29
      await k.store.setCursor('siem', 15);
      const cutOff = T0 + 20 * 1000; // requests 0..19 (records 1..40) are older
      const held = await pruneAudit(k.store, { before: cutOff, trusted: k.trusted });
      expect(held.deleted).toBe(0);
      expect(held.note).toMatch(/siem/);
      const result = await pruneAudit(k.store, { before: cutOff, trusted: k.trusted, force: true });
      expect(result).toMatchObject({ deleted: 40, anchor: { seq: 40 } });
      const report = await verifyChain(k.store, { trusted: k.trusted });
      expect(report.problems).toEqual([]);
      expect(report.anchor?.seq).toBe(40);
      expect(report.records).toBe(21); // 41..60 and the prune record
      const prunes = await k.store.pruneRecords();
      expect(prunes.map((p) => p.record)).toEqual([expect.objectContaining({ type: 'prune', throughSeq: 40, before: cutOff })]);
      await expect(k.exec('DELETE FROM $T WHERE seq = 41')).rejects.toThrow(/prune/);
    });

    it('answers queries and summaries from the trail', async () => {
      const k = await kit();
      const n = 120;
      await appendRange(k.store, 0, n);
      const records = Array.from({ length: n }, (_, i) => sampleRecord(i));
      const ends = records.filter((r) => r.phase === 'end');

      const byClient = await queryAudit(k.store, { clientId: 'flow-service' });
      expect(byClient.map((r) => r.seq)).toEqual(records.flatMap((r, i) => (r.clientId === 'flow-service' ? [i + 1] : [])));
      const iban = await queryAudit(k.store, { entity: 'IBAN_CODE', phase: 'end' });
      expect(iban.length).toBe(ends.filter((r) => r.entityCounts?.['IBAN_CODE']).length);
      const window = await queryAudit(k.store, { since: T0 + 10_000, until: T0 + 20_000, limit: 5 });
      expect(window.map((r) => r.seq)).toEqual([21, 22, 23, 24, 25]);
      expect((await queryAudit(k.store, { requestId: 'req-00000007' })).map((r) => r.seq)).toEqual([15, 16]);
      expect((await queryAudit(k.store, { afterSeq: 118 })).map((r) => r.seq)).toEqual([119, 120]);
      expect((await queryAudit(k.store, { decision: 'blocked', endpointId: 'openai-us', jurisdiction: 'US' })).length).toBe(
        ends.filter((r) => r.decision === 'blocked' && r.endpoint?.id === 'openai-us').length,
      );

      const findings = (r: (typeof records)[number]) => Object.values(r.entityCounts ?? {}).reduce((a, b) => a + b, 0);
      const expected = (key: (r: (typeof records)[number]) => string) => {
        const m = new Map<string, { requests: number; findings: number }>();
        for (const r of ends) {
          const g = m.get(key(r)) ?? { requests: 0, findings: 0 };
          g.requests++;
          g.findings += findings(r);
          m.set(key(r), g);
        }
        return [...m].sort(([a], [b]) => (a < b ? -1 : 1)).map(([k2, v]) => ({ key: k2, ...v }));
      };
      expect(await summarizeAudit(k.store, {}, 'decision')).toEqual(expected((r) => r.decision ?? 'unknown'));
      expect(await summarizeAudit(k.store, {}, 'jurisdiction')).toEqual(expected((r) => r.endpoint?.jurisdiction ?? 'none'));
      expect(await summarizeAudit(k.store, {}, 'day')).toEqual(expected((r) => new Date(r.at).toISOString().slice(0, 10)));
    });

    it('keeps forwarder cursors, never moving one back', async () => {
      const { store } = await kit();
      expect(await store.cursor('splunk')).toBe(0);
      await store.setCursor('splunk', 10);
      await store.setCursor('splunk', 5);
      await store.setCursor('elastic', 3);
      expect(await store.cursor('splunk')).toBe(10);
      expect((await store.cursors()).map((c) => [c.name, c.seq])).toEqual([
        ['elastic', 3],
        ['splunk', 10],
      ]);
    });

    it('tells commits to subscribers, and a read-only store cannot write', async () => {
      const k = await kit();
      const seen: number[] = [];
      const stop = k.store.onCommit((seq) => seen.push(seq));
      await appendRange(k.store, 0, 3);
      stop();
      expect(Math.max(...seen)).toBe(3);
      const reader = await k.reader();
      expect(reader.chainId).toBe(k.store.chainId);
      await expect(reader.append(sampleRecord(9))).rejects.toThrow(/read-only/);
      expect((await verifyChain(reader, { trusted: k.trusted })).ok).toBe(true);
    });
  });
}

import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runAudit, sampleRecord } from '../../test/audit/support.js';
import { PG_URL, postgresAvailable, postgresFactory, type StoreKit } from '../../test/audit/stores.js';
import { fixedClock } from '../core/clock.js';
import { openAuditStore } from './index.js';
import { PostgresAuditStore, redactUrl } from './postgres-store.js';
import { verifyChain } from './verify.js';

const available = await postgresAvailable();
const factory = postgresFactory(available);

/** Polls until `check` holds, with a generous deadline (never a race against a fixed delay). */
async function eventually(check: () => boolean | Promise<boolean>, deadlineMs = 15_000): Promise<void> {
  const until = Date.now() + deadlineMs;
  while (!(await check())) {
    if (Date.now() > until) throw new Error('condition not reached before the deadline');
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe('the PostgreSQL audit URL', () => {
  it('is never shown with its password, and an unreachable server fails closed with AUDIT_FAILED', async () => {
    expect(redactUrl('postgres://airlock:s3cret@db.internal:5432/audit')).toBe('postgres://airlock:***@db.internal:5432/audit');
    const dir = mkdtempSync(join(tmpdir(), 'airlock-audit-pg-down-'));
    const error = await openAuditStore({ dataDir: dir, url: 'postgres://airlock:s3cret@127.0.0.1:1/none', env: {} }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'AUDIT_FAILED' });
    expect(String((error as Error).message)).not.toContain('s3cret');
  });

  it('must be a postgres:// URL', async () => {
    await expect(openAuditStore({ dataDir: tmpdir(), url: 'mysql://x', env: {} })).rejects.toMatchObject({ code: 'CONFIG_INVALID' });
  });
});

describe.skipIf(!available)(`${factory.title}: PostgreSQL specifics`, () => {
  const open: StoreKit[] = [];
  afterEach(async () => {
    for (const k of open.splice(0)) await k.close();
  });
  const kit = async () => {
    const k = await factory.create();
    open.push(k);
    return k;
  };

  it('reports a disabled trigger, a replaced trigger function and a row-level security policy as schema problems', async () => {
    const k = await kit();
    await k.store.append(sampleRecord(0));
    expect(await k.store.schemaProblems()).toEqual([]);
    await k.exec('ALTER TABLE $T DISABLE TRIGGER audit_records_no_update');
    const schema = (k.store as unknown as { schema: string }).schema;
    await k.exec(`CREATE OR REPLACE FUNCTION "${schema}".audit_refuse() RETURNS trigger LANGUAGE plpgsql AS $fn$ BEGIN RETURN NEW; END $fn$`);
    await k.exec('ALTER TABLE $C ENABLE ROW LEVEL SECURITY');
    const problems = await k.store.schemaProblems();
    expect(problems).toEqual(
      expect.arrayContaining(['trigger audit_records_no_update was altered', 'function audit_refuse was altered', 'relation audit_checkpoints was altered']),
    );
    const report = await verifyChain(k.store, { trusted: k.trusted });
    expect(report.ok).toBe(false);
    expect(report.problems.filter((p) => p.kind === 'schema').length).toBe(problems.length);
  });

  it('fails closed, saying why, when the verifier may not build the reference schema', async () => {
    const k = await kit();
    await k.store.append(sampleRecord(0));
    const schema = (k.store as unknown as { schema: string }).schema;
    const role = `airlock_ro_${randomBytes(4).toString('hex')}`;
    await k.exec(`CREATE ROLE ${role} LOGIN; GRANT USAGE ON SCHEMA "${schema}" TO ${role}; GRANT SELECT ON ALL TABLES IN SCHEMA "${schema}" TO ${role}`);
    try {
      const url = new URL(PG_URL);
      url.username = role;
      url.password = '';
      const reader = await PostgresAuditStore.open({ url: url.toString(), schema });
      try {
        const report = await verifyChain(reader, { trusted: k.trusted });
        expect(report.ok).toBe(false);
        expect(report.problems).toEqual([expect.objectContaining({ kind: 'schema', detail: expect.stringMatching(/could not be checked/) })]);
        expect(report.records).toBe(1);
      } finally {
        await reader.close();
      }
    } finally {
      await k.exec(`DROP OWNED BY ${role}; DROP ROLE ${role}`);
    }
  });

  it('tells one instance of the other instance’s commits (LISTEN/NOTIFY)', async () => {
    const k = await kit();
    const other = await k.another();
    const heard: number[] = [];
    const stop = k.store.onCommit((seq) => heard.push(seq));
    try {
      // the subscription connects in the background: keep committing until it hears one
      let i = 0;
      await eventually(async () => {
        await other.append(sampleRecord(i++));
        return heard.length > 0;
      });
      expect(Math.max(...heard)).toBeLessThanOrEqual(i);
    } finally {
      stop();
    }
  });

  it('serves airlock audit verify, status and query through --audit-url', async () => {
    const schema = `airlock_t_${randomBytes(6).toString('hex')}`;
    const dir = mkdtempSync(join(tmpdir(), 'airlock-audit-pg-cli-'));
    const saved = process.env['AIRLOCK_AUDIT_SCHEMA'];
    process.env['AIRLOCK_AUDIT_SCHEMA'] = schema;
    try {
      const opened = await openAuditStore({ dataDir: dir, url: PG_URL, env: { AIRLOCK_AUDIT_SCHEMA: schema }, clock: fixedClock(Date.UTC(2026, 0, 15), 1), checkpointIntervalMs: 0, checkpointEvery: 5 });
      for (let i = 0; i < 12; i++) await opened.store.append(sampleRecord(i));
      await opened.store.close();
      const verify = await runAudit(['verify', '--data-dir', dir, '--audit-url', PG_URL]);
      expect(verify.code).toBe(0);
      expect(verify.out).toMatch(/INTACT/);
      expect(verify.out).toMatch(/records 1\.\.12/);
      const status = await runAudit(['status', '--data-dir', dir, '--audit-url', PG_URL]);
      expect(status.out).toMatch(/head seq 12/);
      const query = await runAudit(['query', '--data-dir', dir, '--audit-url', PG_URL, '--summary', 'decision', '--json']);
      expect(JSON.parse(query.out)).toEqual(expect.arrayContaining([expect.objectContaining({ key: 'allowed' })]));
    } finally {
      if (saved === undefined) delete process.env['AIRLOCK_AUDIT_SCHEMA'];
      else process.env['AIRLOCK_AUDIT_SCHEMA'] = saved;
      const pg = (await import('pg')).default;
      const client = new pg.Client({ connectionString: PG_URL });
      await client.connect();
      await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
      await client.end();
    }
  });
});

import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../src/core/clock.js';
import { pruneAudit } from '../../src/audit/prune.js';
import { EXPORT_FORMATS } from '../../src/audit/formats.js';
import { sampleRecord, T0, tempStore, runAudit } from './support.js';

const GOLDEN = join(import.meta.dirname, 'golden');
const update = process.env.UPDATE_GOLDEN === '1';
let dataDir: string;

/** A small fixed chain: begins and ends of allowed, transformed, blocked and failed requests, and a prune. */
beforeAll(async () => {
  const t = tempStore({ chainId: 'golden-chain', clock: fixedClock(T0 + 86_400_000, 0), checkpointEvery: 4 });
  for (let i = 0; i < 14; i++) await t.store.append(sampleRecord(i));
  await pruneAudit(t.store, { before: T0 + 2_000, trusted: t.trusted });
  await t.store.close();
  dataDir = t.dir;
});

describe('airlock audit export (golden files)', () => {
  it.each(EXPORT_FORMATS)('matches the golden %s export', async (format) => {
    const r = await runAudit(['export', '--format', format, '--data-dir', dataDir, '--hostname', 'gw-1.example.eu']);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const path = join(GOLDEN, `export.${format}`);
    if (update) writeFileSync(path, r.out);
    expect(r.out).toBe(readFileSync(path, 'utf8'));
  });

  it('exports only what --since and the filters ask for', async () => {
    const r = await runAudit(['export', '--format', 'jsonl', '--data-dir', dataDir, '--since', new Date(T0 + 5_000).toISOString(), '--decision', 'allowed']);
    const lines = r.out.trim().split('\n').map((l) => JSON.parse(l) as { record: { decision: string; at: number } });
    expect(lines.length).toBeGreaterThan(0);
    expect(lines.every((l) => l.record.decision === 'allowed' && l.record.at >= T0 + 5_000)).toBe(true);
  });
});

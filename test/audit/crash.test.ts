import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openAudit } from '../../src/audit/index.js';
import { verifyChain } from '../../src/audit/verify.js';
import { sampleRecord } from './support.js';

const ROOT = join(import.meta.dirname, '../..');

/** Runs the writer child until it has acknowledged `acks` records, then SIGKILLs it. */
function runAndKill(dataDir: string, acks: number, start: number): Promise<Array<{ seq: number; requestId: string; phase: string }>> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'test/audit/crash-writer.ts'), dataDir, '64'], {
      cwd: ROOT,
      env: { ...process.env, CRASH_START: String(start) },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const acked: Array<{ seq: number; requestId: string; phase: string }> = [];
    let tail = '';
    let stderr = '';
    let killed = false;
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.stdout.on('data', (d: Buffer) => {
      const lines = (tail + d.toString()).split('\n');
      tail = lines.pop() ?? '';
      for (const line of lines) {
        const [seq, requestId, phase] = line.split(' ');
        if (seq === 'ready' || seq === undefined || requestId === undefined) continue;
        acked.push({ seq: Number(seq), requestId, phase: phase ?? '' });
      }
      if (!killed && acked.length >= acks) {
        killed = true;
        child.kill('SIGKILL'); // mid-load: appends are queued, batches committing, flushes in flight
      }
    });
    child.on('exit', (code, signal) => {
      if (signal === 'SIGKILL') resolve(acked);
      else reject(new Error(`crash writer exited with ${code ?? signal}: ${stderr.slice(-2000)}`));
    });
  });
}

describe('crash safety', () => {
  it('keeps every acknowledged record and a verifiable chain across SIGKILLs', { timeout: 180_000 }, async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'airlock-audit-crash-'));
    const first = await runAndKill(dataDir, 3000, 0);
    const second = await runAndKill(dataDir, 2000, 1_000_000); // restart on the crashed store, crash again
    expect(first.length).toBeGreaterThanOrEqual(3000);

    const { store, trusted, headFile } = openAudit({ dataDir, env: {}, checkpointIntervalMs: 0 });
    try {
      const report = await verifyChain(store, { trusted, headFile });
      expect(report.problems).toEqual([]);
      expect(report.ok).toBe(true);

      const stored = new Map<number, string>();
      for await (const r of store.records({})) if (r.record.type === 'request') stored.set(r.seq, `${r.record.requestId} ${r.record.phase}`);
      const missing = [...first, ...second].filter((a) => stored.get(a.seq) !== `${a.requestId} ${a.phase}`);
      expect(missing).toEqual([]);
      // seqs are contiguous: the second run continued the first run's chain
      expect(Math.max(...second.map((a) => a.seq))).toBeGreaterThan(Math.max(...first.map((a) => a.seq)));

      // and the chain goes on after the crash
      await store.append(sampleRecord(2_000_000));
      expect((await verifyChain(store, { trusted, headFile })).ok).toBe(true);
    } finally {
      await store.close();
    }
  });
});

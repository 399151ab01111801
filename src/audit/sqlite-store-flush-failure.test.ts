import { afterEach, describe, expect, it, vi } from 'vitest';
import { sampleRecord, tempStore, type TestStore } from '../../test/audit/support.js';

// The disk is the edge of this test: fdatasync fails once when asked to, as a failing disk would.
const disk = vi.hoisted(() => ({ failNext: false }));
vi.mock('node:fs', async (importOriginal) => {
  const fs = await importOriginal<typeof import('node:fs')>();
  return {
    ...fs,
    fdatasync: (fd: number, callback: (error: NodeJS.ErrnoException | null) => void) => {
      if (!disk.failNext) return fs.fdatasync(fd, callback);
      disk.failNext = false;
      process.nextTick(() => callback(Object.assign(new Error('EIO: i/o error, fdatasync'), { code: 'EIO' })));
    },
  };
});

const open: TestStore[] = [];
afterEach(async () => {
  for (const t of open.splice(0)) await t.store.close().catch(() => undefined);
});

describe('SqliteAuditStore after a failed flush', () => {
  it('acknowledges nothing more: records queued before the failure was known are refused too', async () => {
    const t = tempStore({ flushDelayMs: 50 });
    open.push(t);
    await t.store.append(sampleRecord(0)); // a healthy start
    disk.failNext = true;
    const a = t.store.append(sampleRecord(1));
    const flushed = t.store.flush().catch(() => undefined); // A is written now; its flush fails
    const b = t.store.append(sampleRecord(2)); // queued behind the 50 ms timer, before the failure is known
    await expect(a).rejects.toMatchObject({ code: 'AUDIT_FAILED' });
    await flushed;
    // the disk works again by now, yet the store must not confirm anything after a lost flush
    await expect(b).rejects.toMatchObject({ code: 'AUDIT_FAILED' });
    await expect(t.store.append(sampleRecord(3))).rejects.toMatchObject({ code: 'AUDIT_FAILED' });
  });
});

import { AirlockError } from '../core/errors.js';
import { encodeAuditRecord, type AuditRecord } from './record.js';

/** What the SQLite and PostgreSQL stores do alike around their own queues and databases. */

/**
 * The body to queue for `record`: refuses a read-only, closed or failed store, then validates
 * and serialises the record. Throws AUDIT_FAILED (or the store's failure) otherwise.
 */
export function bodyToAppend(
  record: AuditRecord,
  store: { writable: boolean; closed: boolean; failure: AirlockError | undefined },
): string {
  if (!store.writable) throw new AirlockError('AUDIT_FAILED', 'the audit store is read-only');
  if (store.closed) throw new AirlockError('AUDIT_FAILED', 'the audit store is closed');
  if (store.failure !== undefined) throw store.failure;
  return encodeAuditRecord(record);
}

/**
 * Signs a checkpoint every `intervalMs` (default 1000; 0: never by time) for a store that
 * signs; the timer does not keep the process alive. A failed checkpoint goes to `fail`.
 */
export function startCheckpointTimer(
  signs: boolean,
  intervalMs: number | undefined,
  checkpoint: () => Promise<unknown>,
  fail: (error: unknown) => void,
): NodeJS.Timeout | undefined {
  const interval = intervalMs ?? 1000;
  if (!signs || interval <= 0) return undefined;
  const timer = setInterval(() => {
    checkpoint().catch(fail);
  }, interval);
  timer.unref();
  return timer;
}

/** Tells every commit listener the new head; a listener's failure is its own business. */
export function notifyCommit(listeners: Iterable<(headSeq: number) => void>, headSeq: number): void {
  for (const listener of listeners) {
    try {
      listener(headSeq);
    } catch {
      // ignored: the store's commit stands
    }
  }
}

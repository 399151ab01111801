import { AirlockError } from '../core/errors.js';
import type { AuditQuery, AuditStore, StoredRecord, SummaryDimension, SummaryRow } from './store.js';

/**
 * Queries over the trail, for `airlock audit query`, the compliance report and the
 * dashboard. Thin on purpose: the store runs them where the data is.
 */

export async function queryAudit(store: AuditStore, query: AuditQuery): Promise<StoredRecord[]> {
  const out: StoredRecord[] = [];
  for await (const r of store.records(query)) out.push(r);
  return out;
}

/** Requests (counted by their "end" record) and findings, grouped by day (UTC), jurisdiction or decision. */
export function summarizeAudit(store: AuditStore, query: AuditQuery, by: SummaryDimension): Promise<SummaryRow[]> {
  return store.summarize(query, by);
}

export const SUMMARY_DIMENSIONS: readonly SummaryDimension[] = ['day', 'jurisdiction', 'decision'];

/**
 * A date for --since / --until / --before: `YYYY-MM-DD` (UTC midnight), an ISO 8601 time
 * with a zone, or epoch milliseconds. Returns epoch ms.
 */
export function parseAuditDate(text: string): number {
  const trimmed = text.trim();
  if (/^\d{4}-\d{2}-\d{2}$/.test(trimmed)) {
    const ms = Date.parse(`${trimmed}T00:00:00Z`);
    if (!Number.isNaN(ms) && new Date(ms).toISOString().startsWith(trimmed)) return ms;
  } else if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/.test(trimmed)) {
    const ms = Date.parse(trimmed);
    if (!Number.isNaN(ms)) return ms;
  } else if (/^\d{1,16}$/.test(trimmed)) {
    return Number(trimmed);
  }
  throw new AirlockError('INPUT_INVALID', `not a date: expected YYYY-MM-DD, an ISO 8601 time with a zone, or epoch ms`);
}

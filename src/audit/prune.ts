import { AirlockError } from '../core/errors.js';
import type { TrustedKeys } from './signing.js';
import type { AuditStore, PruneResult } from './store.js';
import { verifyChain } from './verify.js';

export interface PruneAuditOptions {
  /** epoch ms: records older than this may go */
  before: number;
  trusted: TrustedKeys;
  /** prune even records a forwarder has not shipped */
  force?: boolean;
}

/**
 * Retention. Picks the newest signed checkpoint C such that every record up to C is older
 * than `before`, verifies the chain up to C (pruning must never destroy evidence of
 * tampering), then deletes records 1..C in one transaction that also appends a prune record
 * and makes C the anchor: from then on verification starts at C's signed hash.
 */
export async function pruneAudit(store: AuditStore, options: PruneAuditOptions): Promise<PruneResult> {
  const anchorSeq = (await store.anchor())?.seq ?? 0;
  let firstKept = (await store.head()).seq + 1;
  for await (const r of store.records({ since: options.before, limit: 1 })) firstKept = r.seq;
  // Everything before the first record at or after the cut-off (in seq order) is older than
  // it, so a record with a clock set back never takes newer records with it.

  const candidates = (await store.checkpoints({ from: anchorSeq + 1, to: firstKept - 1 })).map((c) => c.seq);
  const through = candidates[candidates.length - 1];
  if (through === undefined) {
    return {
      deleted: 0,
      note:
        firstKept - 1 <= anchorSeq
          ? 'nothing is older than the cut-off'
          : `no signed checkpoint lies before the cut-off yet (records ${anchorSeq + 1}..${firstKept - 1} are older); try again after the next checkpoint`,
    };
  }
  const report = await verifyChain(store, { to: through, trusted: options.trusted });
  if (!report.ok) {
    throw new AirlockError(
      'AUDIT_FAILED',
      `refusing to prune: the chain up to seq ${through} does not verify (first bad seq ${report.firstBadSeq ?? '?'}); run airlock audit verify`,
    );
  }
  return store.pruneThrough(through, { before: options.before, ...(options.force ? { force: true } : {}) });
}

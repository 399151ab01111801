import { asAirlockError } from '../core/errors.js';
import { recordFromMark, type AuditMarkLike, type RequestFacts } from './record.js';
import type { AuditStore } from './store.js';

/**
 * The pipeline's audit stage: turns each mark (plus what the composition root knows of the
 * request) into a record and resolves once it is durable. The pipeline awaits the "begin"
 * record before it sends anything upstream, so nothing leaves without a durable attempt
 * record; any failure surfaces as AUDIT_FAILED and the pipeline denies.
 *
 * Wiring: `audit: (mark, analysis, decision) => trail.record(mark, factsOf(analysis, decision))`.
 */
export class AuditTrail {
  readonly #store: AuditStore;

  constructor(store: AuditStore) {
    this.#store = store;
  }

  async record(mark: AuditMarkLike, facts?: RequestFacts): Promise<void> {
    try {
      await this.#store.append(recordFromMark(mark, facts));
    } catch (error) {
      throw asAirlockError(error, 'AUDIT_FAILED', 'cannot write the audit record');
    }
  }
}

import type { StoredRecord } from '../store.js';

/**
 * A destination for audit records. `send` resolves only when the destination has the whole
 * batch as far as its transport can tell (an HTTP 2xx, a TCP write that the connection
 * survived); anything else throws and the forwarder retries the same batch. Records carry
 * their seq and hash, so a collector can drop the duplicates a retry may cause.
 */
export interface ForwardSink {
  /** stable name, used as the forwarder's cursor name, e.g. `syslog+tcp://siem:601` */
  readonly name: string;
  send(records: readonly StoredRecord[]): Promise<void>;
  close(): Promise<void>;
}

/** A failed delivery; `retryAfterMs` when the destination said when to come back. */
export class ForwardError extends Error {
  readonly retryAfterMs: number | undefined;

  constructor(message: string, options: { cause?: unknown; retryAfterMs?: number } = {}) {
    super(message, options.cause !== undefined ? { cause: options.cause } : undefined);
    this.name = 'ForwardError';
    this.retryAfterMs = options.retryAfterMs;
  }
}

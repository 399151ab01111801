import { cryptoRandom, type Random } from '../../core/clock.js';
import type { AuditStore, StoredRecord } from '../store.js';
import { ForwardError, type ForwardSink } from './sink.js';

export interface ForwarderOptions {
  store: AuditStore;
  sink: ForwardSink;
  /** cursor name (default: the sink's name) */
  name?: string;
  /** records per delivery (default 500): the most the forwarder holds in memory */
  batchSize?: number;
  /** look for new records at least this often (default 1000 ms); commits in this process wake it at once */
  pollMs?: number;
  /** first retry delay (default 250 ms), doubled per failure up to retryMaxMs (default 30 s), with jitter */
  retryBaseMs?: number;
  retryMaxMs?: number;
  random?: Random;
  onError?: (error: unknown, attempt: number) => void;
}

export interface ForwarderStatus {
  name: string;
  running: boolean;
  /** last seq the destination has */
  shippedSeq: number;
  /** consecutive failed deliveries (0 when healthy) */
  failures: number;
  lastError?: string;
}

/**
 * Ships the audit trail to a SIEM, in seq order, from a cursor persisted in the store.
 *
 * - Never blocks the request path: it runs on its own async loop; appends only wake it.
 * - Never loses a record: the cursor moves only after the sink confirmed a batch, and a
 *   failed batch is retried (exponential backoff with jitter, honouring Retry-After) until it
 *   goes through; on restart shipping resumes from the cursor. Delivery is at-least-once.
 * - Back-pressure: one batch in flight, read from the database when the sink is ready, so a
 *   slow or absent collector costs disk (the trail itself), never memory.
 */
export class AuditForwarder {
  readonly name: string;
  readonly #store: AuditStore;
  readonly #sink: ForwardSink;
  readonly #batchSize: number;
  readonly #pollMs: number;
  readonly #retryBaseMs: number;
  readonly #retryMaxMs: number;
  readonly #random: Random;
  readonly #onError: ((error: unknown, attempt: number) => void) | undefined;
  #running = false;
  #loop: Promise<void> | undefined;
  #wake: (() => void) | undefined;
  /** a commit happened since the last look: never sleep on it (no lost wake-ups) */
  #notified = false;
  #unsubscribe: (() => void) | undefined;
  #shippedSeq = 0;
  #failures = 0;
  #lastError: string | undefined;

  constructor(options: ForwarderOptions) {
    this.#store = options.store;
    this.#sink = options.sink;
    this.name = options.name ?? options.sink.name;
    this.#batchSize = options.batchSize ?? 500;
    this.#pollMs = options.pollMs ?? 1000;
    this.#retryBaseMs = options.retryBaseMs ?? 250;
    this.#retryMaxMs = options.retryMaxMs ?? 30_000;
    this.#random = options.random ?? cryptoRandom;
    this.#onError = options.onError;
  }

  /** Starts shipping in the background. */
  start(): void {
    if (this.#running) return;
    this.#running = true;
    this.#unsubscribe = this.#store.onCommit(() => {
      this.#notified = true;
      this.#wake?.();
    });
    this.#loop = this.#run();
  }

  /** Stops after the batch in flight (if any) and closes the sink. */
  async stop(): Promise<void> {
    this.#running = false;
    this.#unsubscribe?.();
    this.#wake?.();
    await this.#loop;
    await this.#sink.close();
  }

  /**
   * Ships everything up to the current head, retrying failures, then resolves; rejects after
   * `maxFailures` consecutive failures (default: never gives up).
   */
  async drain(options: { maxFailures?: number } = {}): Promise<number> {
    const target = (await this.#store.head()).seq;
    let shipped = 0;
    for (;;) {
      try {
        const n = await this.#shipOnce();
        shipped += n;
        if (n === 0 || this.#shippedSeq >= target) return shipped;
      } catch (error) {
        if (options.maxFailures !== undefined && this.#failures >= options.maxFailures) throw error;
        await sleep(this.#backoff(error));
      }
    }
  }

  status(): ForwarderStatus {
    return {
      name: this.name,
      running: this.#running,
      shippedSeq: this.#shippedSeq,
      failures: this.#failures,
      ...(this.#lastError !== undefined ? { lastError: this.#lastError } : {}),
    };
  }

  async #run(): Promise<void> {
    while (this.#running) {
      let wait: number;
      try {
        const n = await this.#shipOnce();
        wait = n === this.#batchSize ? 0 : this.#pollMs;
      } catch (error) {
        wait = this.#backoff(error);
        await sleep(wait, () => !this.#running);
        continue;
      }
      if (wait > 0 && this.#running) await this.#idle(wait);
    }
  }

  async #shipOnce(): Promise<number> {
    this.#notified = false;
    const cursor = await this.#store.cursor(this.name);
    this.#shippedSeq = Math.max(this.#shippedSeq, cursor);
    const batch: StoredRecord[] = [];
    for await (const r of this.#store.records({ afterSeq: cursor, limit: this.#batchSize })) batch.push(r);
    const last = batch[batch.length - 1];
    if (last === undefined) return 0;
    try {
      await this.#sink.send(batch);
    } catch (error) {
      this.#failures++;
      this.#lastError = error instanceof Error ? error.message : String(error);
      try {
        this.#onError?.(error, this.#failures);
      } catch {
        // the reporter must not stop the shipping
      }
      throw error;
    }
    await this.#store.setCursor(this.name, last.seq);
    this.#shippedSeq = last.seq;
    this.#failures = 0;
    this.#lastError = undefined;
    return batch.length;
  }

  #backoff(error: unknown): number {
    if (error instanceof ForwardError && error.retryAfterMs !== undefined) {
      return Math.min(this.#retryMaxMs, error.retryAfterMs);
    }
    const exp = Math.min(this.#retryMaxMs, this.#retryBaseMs * 2 ** Math.min(30, Math.max(0, this.#failures - 1)));
    const jitter = 0.5 + (this.#random.bytes(1)[0] as number) / 512;
    return Math.round(exp * jitter);
  }

  #idle(ms: number): Promise<void> {
    if (this.#notified) return Promise.resolve();
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        resolve();
      }
      this.#wake = () => {
        this.#wake = undefined;
        done();
      };
    });
  }
}

function sleep(ms: number, cancelled: () => boolean = () => false): Promise<void> {
  return new Promise((resolve) => {
    const step = Math.min(ms, 50);
    let left = ms;
    const tick = () => {
      left -= step;
      if (left <= 0 || cancelled()) resolve();
      else setTimeout(tick, Math.min(step, left));
    };
    setTimeout(tick, step);
  });
}

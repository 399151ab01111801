import type { Clock, Random } from '../core/clock.js';
import { AirlockError, asAirlockError } from '../core/errors.js';
import type { Keyring } from '../keys/keyring.js';
import { openSqlite, type SqliteDatabase } from '../store/sqlite.js';
import { openValue, sealValue } from '../transform/crypto/aead.js';

/**
 * The opt-in evidence store: sanitized payloads — what was sent to the model after the
 * policy's transforms, and the model's answer before pseudonyms are restored — kept for
 * forensics next to the audit trail and linked to it by request id. Never raw content: the
 * caller hands over only what already left the gateway's trust boundary.
 *
 * Separately encrypted: its own file (`evidence.db`, so it can live on another volume and be
 * wiped apart from the trail), every payload sealed with AES-256-GCM under a keyring subkey
 * of its own purpose ("audit-evidence", per key id, so rotation keeps old payloads readable),
 * with the request id and kind as associated data, so a payload cannot be moved to another
 * request. Its own retention: `prune` deletes payloads older than the retention period; the
 * audit trail is not touched (it keeps only fingerprints). Off unless configured.
 */

export type EvidenceKind = 'request' | 'response';

export interface EvidenceStoreOptions {
  keyring: Keyring;
  clock: Clock;
  random: Random;
  /** keep payloads this long (ms); `prune()` deletes older ones */
  retentionMs: number;
  /** the data directory (file `evidence.db`), or an open database */
  dataDir?: string;
  db?: SqliteDatabase;
}

export interface EvidenceItem {
  requestId: string;
  kind: EvidenceKind;
  at: number;
  keyId: string;
  payload: string;
}

const REQUEST_ID = /^[A-Za-z0-9][A-Za-z0-9._:@/+-]{0,127}$/;
const PURPOSE = 'audit-evidence';
const MAX_PAYLOAD = 16 * 1024 * 1024;

const SCHEMA = `
  CREATE TABLE IF NOT EXISTS audit_evidence (
    request_id TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('request', 'response')),
    at INTEGER NOT NULL,
    sealed TEXT NOT NULL,
    PRIMARY KEY (request_id, kind)
  ) STRICT;
  CREATE INDEX IF NOT EXISTS audit_evidence_at ON audit_evidence (at);
`;

export class EvidenceStore {
  readonly retentionMs: number;
  readonly #db: SqliteDatabase;
  readonly #ownsDb: boolean;
  readonly #keyring: Keyring;
  readonly #clock: Clock;
  readonly #random: Random;

  constructor(options: EvidenceStoreOptions) {
    if (!Number.isFinite(options.retentionMs) || options.retentionMs <= 0) {
      throw new AirlockError('CONFIG_INVALID', 'evidence retention must be a positive duration');
    }
    if (options.db === undefined && options.dataDir === undefined) {
      throw new AirlockError('CONFIG_INVALID', 'the evidence store needs a data directory');
    }
    this.retentionMs = options.retentionMs;
    this.#keyring = options.keyring;
    this.#clock = options.clock;
    this.#random = options.random;
    this.#ownsDb = options.db === undefined;
    this.#db = options.db ?? openSqlite(options.dataDir as string, 'evidence.db');
    try {
      this.#db.exec(SCHEMA);
    } catch (error) {
      if (this.#ownsDb) this.#db.close();
      throw asAirlockError(error, 'AUDIT_FAILED', 'cannot open the evidence store');
    }
  }

  /** Seals and keeps one sanitized payload of a request (replacing an earlier one of the same kind). */
  put(requestId: string, kind: EvidenceKind, sanitizedPayload: string): void {
    checkRequestId(requestId);
    if (kind !== 'request' && kind !== 'response') throw new AirlockError('INPUT_INVALID', 'evidence kind must be request or response');
    if (sanitizedPayload.length > MAX_PAYLOAD) throw new AirlockError('PAYLOAD_TOO_LARGE', 'evidence payload too large');
    try {
      const keyId = this.#keyring.activeKeyId;
      const sealed = sealValue(this.#keyring.subkey(PURPOSE, keyId), keyId, sanitizedPayload, aad(requestId, kind), this.#random);
      this.#db
        .prepare('INSERT INTO audit_evidence (request_id, kind, at, sealed) VALUES (?, ?, ?, ?) ON CONFLICT (request_id, kind) DO UPDATE SET at = excluded.at, sealed = excluded.sealed')
        .run(requestId, kind, this.#clock.now(), sealed);
    } catch (error) {
      throw asAirlockError(error, 'AUDIT_FAILED', 'cannot write evidence');
    }
  }

  /** The payloads kept for a request, decrypted; fails with AUDIT_FAILED when one does not authenticate. */
  get(requestId: string): EvidenceItem[] {
    checkRequestId(requestId);
    const rows = this.#db
      .prepare('SELECT kind, at, sealed FROM audit_evidence WHERE request_id = ? ORDER BY kind')
      .all(requestId) as Array<{ kind: EvidenceKind; at: number; sealed: string }>;
    return rows.map((r) => {
      try {
        let keyId = '';
        const payload = openValue(
          (id) => {
            keyId = id;
            return this.#keyring.hasKey(id) ? this.#keyring.subkey(PURPOSE, id) : undefined;
          },
          r.sealed,
          aad(requestId, r.kind),
        );
        return { requestId, kind: r.kind, at: r.at, keyId, payload };
      } catch (error) {
        throw new AirlockError('AUDIT_FAILED', `evidence for request ${requestId} (${r.kind}) cannot be opened: wrong key or tampered`, { cause: error });
      }
    });
  }

  /** Deletes payloads older than the retention period (or than `before`, epoch ms). Returns how many. */
  prune(before: number = this.#clock.now() - this.retentionMs): number {
    try {
      return this.#db.prepare('DELETE FROM audit_evidence WHERE at < ?').run(before).changes;
    } catch (error) {
      throw asAirlockError(error, 'AUDIT_FAILED', 'cannot prune evidence');
    }
  }

  count(): number {
    return this.#db.prepare('SELECT count(*) FROM audit_evidence').pluck().get() as number;
  }

  close(): void {
    if (this.#ownsDb) this.#db.close();
  }
}

function aad(requestId: string, kind: EvidenceKind): string {
  return `airlock-evidence:v1:${requestId}:${kind}`;
}

function checkRequestId(requestId: string): void {
  if (!REQUEST_ID.test(requestId)) throw new AirlockError('INPUT_INVALID', 'evidence request id is not a valid request id');
}

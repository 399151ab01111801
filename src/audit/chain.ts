import { hash as oneShotHash } from 'node:crypto';
import { canonicalJson } from './canonical-json.js';

/**
 * The hash chain. Record n is hashed as the canonical JSON of
 * `{ prevHash, record, seq }` — keys in that (sorted) order, so the bytes are
 * `{"prevHash":"<hex>","record":<canonical record>,"seq":<n>}` — and its `prevHash` is the
 * hash of record n-1. Record 1 links to the genesis hash, derived from the chain id so that
 * records cannot be transplanted between chains. Built by concatenation, so verifying a
 * stored record needs no JSON parsing.
 */

export const HASH_HEX_LENGTH = 64;

export function genesisHash(chainId: string): string {
  return sha256Hex(`airlock-audit-genesis:${chainId}`);
}

/** The pieces of the hashed text, in order: PREFIX prevHash RECORD body SEQ seq SUFFIX. */
export const HASHED_TEXT = { prefix: '{"prevHash":"', record: '","record":', seq: ',"seq":', suffix: '}' } as const;

/**
 * The hashed text as an SQL expression over the columns `prev_hash`, `body` and `seq` (the
 * same in SQLite and PostgreSQL; the pieces hold no single quote). Verification reads it
 * ready-made: one string per row, no concatenation or re-encoding in JavaScript.
 */
export const HASHED_TEXT_SQL =
  `'${HASHED_TEXT.prefix}' || prev_hash || '${HASHED_TEXT.record}' || body || '${HASHED_TEXT.seq}' || seq || '${HASHED_TEXT.suffix}'`;

/** The chain hash of one record; `body` is its canonical JSON. */
export function chainHash(prevHash: string, seq: number, body: string): string {
  return oneShotHash('sha256', `{"prevHash":"${prevHash}","record":${body},"seq":${seq}}`, 'hex');
}

export function sha256Hex(text: string): string {
  return oneShotHash('sha256', text, 'hex');
}

/** A signed statement "record `seq` of chain `chainId` has hash `hash`". */
export interface Checkpoint {
  seq: number;
  hash: string;
  /** epoch ms when it was signed */
  at: number;
  /** the previous checkpoint's seq (0 when this is the first): deleting one shows */
  prevSeq: number;
  keyId: string;
  /** base64 Ed25519 signature over `checkpointPayload` */
  signature: string;
}

export function checkpointPayload(chainId: string, cp: Omit<Checkpoint, 'signature'>): string {
  return canonicalJson({
    v: 1,
    kind: 'airlock-audit-checkpoint',
    chainId,
    seq: cp.seq,
    hash: cp.hash,
    at: cp.at,
    prevSeq: cp.prevSeq,
    keyId: cp.keyId,
  });
}

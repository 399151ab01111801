import {
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  sign as signBytes,
  verify as verifyBytes,
  type KeyObject,
} from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import type { Clock } from '../core/clock.js';
import { readJsonFile, writeFileAtomic } from '../store/key-files.js';
import { AirlockError } from '../core/errors.js';
import { sha256Hex, type Checkpoint } from './chain.js';

/**
 * The checkpoint signing key lives in files next to — never inside — the database, so
 * whoever can write the database cannot re-sign a rewritten chain:
 *
 *   audit-signing.key   the active Ed25519 private key (PKCS#8 PEM in JSON), mode 0600
 *   audit-signing.pub   every public key ever used, by key id: the verifier's trust list
 *   audit-head.json     the newest signed checkpoint, so a truncated database shows
 */

export const SIGNING_KEY_FILE = 'audit-signing.key';
export const PUBLIC_KEYS_FILE = 'audit-signing.pub';
export const HEAD_FILE = 'audit-head.json';

export interface AuditSigner {
  readonly keyId: string;
  /** base64 Ed25519 signature over the UTF-8 bytes of `payload` */
  sign(payload: string): string;
}

export type SignatureCheck = 'ok' | 'bad-signature' | 'unknown-key';

export interface TrustedKeys {
  readonly keyIds: readonly string[];
  check(keyId: string, payload: string, signature: string): SignatureCheck;
}

const privateFileSchema = z
  .object({
    version: z.literal(1),
    keyId: z.string().regex(/^ed25519-[0-9a-f]{16}$/),
    createdAt: z.string(),
    privateKey: z.string().startsWith('-----BEGIN PRIVATE KEY-----'),
  })
  .strict();

const publicFileSchema = z
  .object({
    version: z.literal(1),
    keys: z
      .array(
        z
          .object({
            keyId: z.string().regex(/^ed25519-[0-9a-f]{16}$/),
            createdAt: z.string(),
            publicKey: z.string().startsWith('-----BEGIN PUBLIC KEY-----'),
          })
          .strict(),
      )
      .min(1),
  })
  .strict();

const headFileSchema = z
  .object({
    version: z.literal(1),
    chainId: z.string().min(1),
    checkpoint: z
      .object({
        seq: z.number().int().min(1),
        hash: z.string().regex(/^[0-9a-f]{64}$/),
        at: z.number().int(),
        prevSeq: z.number().int().min(0),
        keyId: z.string(),
        signature: z.string(),
      })
      .strict(),
  })
  .strict();

export type HeadFile = z.infer<typeof headFileSchema>;

/** Key id: a digest of the public key, so the id itself cannot be re-pointed at another key. */
export function keyIdOf(publicKey: KeyObject): string {
  const der = publicKey.export({ type: 'spki', format: 'der' });
  return `ed25519-${sha256Hex(der.toString('base64')).slice(0, 16)}`;
}

/** Loads the signing key from `dir`, creating it (and the public key list) on first use. */
export function openSigningKey(dir: string, clock: Clock): AuditSigner {
  const file = join(dir, SIGNING_KEY_FILE);
  let loaded = readPrivateKeyFile(file);
  if (loaded === undefined) {
    try {
      mkdirSync(dir, { recursive: true, mode: 0o700 });
    } catch (error) {
      throw new AirlockError('CONFIG_INVALID', `cannot create audit key directory ${dir}`, { cause: error });
    }
    const created = newKeyPair(clock);
    // Public key first: a private key whose public half is not trusted would sign in vain.
    addPublicKey(dir, created.keyId, created.publicKeyPem, created.createdAt);
    if (writeFileAtomic(file, privateFileText(created), 0o600, { replace: false })) {
      loaded = { keyId: created.keyId, privateKey: created.privateKey };
    } else {
      loaded = readPrivateKeyFile(file); // another process won the race: use its key
      if (loaded === undefined) throw new AirlockError('CONFIG_INVALID', `${file} vanished while it was being created`);
    }
  }
  const { keyId, privateKey } = loaded;
  const trusted = readPublicKeys(dir);
  if (!trusted.keyIds.includes(keyId)) {
    throw new AirlockError('CONFIG_INVALID', `audit signing key ${keyId} is not listed in ${PUBLIC_KEYS_FILE}`);
  }
  return {
    keyId,
    sign: (payload) => signBytes(null, Buffer.from(payload, 'utf8'), privateKey).toString('base64'),
  };
}

/**
 * Replaces the active signing key with a new one; the old public key stays trusted so older
 * checkpoints still verify. Returns the new key id.
 */
export function rotateSigningKey(dir: string, clock: Clock): string {
  const file = join(dir, SIGNING_KEY_FILE);
  if (readPrivateKeyFile(file) === undefined) {
    throw new AirlockError('CONFIG_INVALID', `no audit signing key in ${dir} to rotate`);
  }
  const created = newKeyPair(clock);
  addPublicKey(dir, created.keyId, created.publicKeyPem, created.createdAt);
  writeFileAtomic(file, privateFileText(created), 0o600, { replace: true });
  return created.keyId;
}

/** The trusted public keys in `dir` (or in the given `.pub` file). */
export function readPublicKeys(dirOrFile: string): TrustedKeys {
  const file = dirOrFile.endsWith('.pub') ? dirOrFile : join(dirOrFile, PUBLIC_KEYS_FILE);
  const parsed = readJsonFile(file, publicFileSchema);
  const keys = new Map<string, KeyObject>();
  for (const entry of parsed?.keys ?? []) {
    const key = createPublicKey(entry.publicKey);
    if (keyIdOf(key) !== entry.keyId) {
      throw new AirlockError('CONFIG_INVALID', `${file}: key ${entry.keyId} does not match its public key`);
    }
    keys.set(entry.keyId, key);
  }
  return trustedKeysOf(keys);
}

export function trustedKeysOf(keys: ReadonlyMap<string, KeyObject>): TrustedKeys {
  return {
    keyIds: [...keys.keys()],
    check(keyId, payload, signature) {
      const key = keys.get(keyId);
      if (key === undefined) return 'unknown-key';
      const bytes = Buffer.from(signature, 'base64');
      // Only the canonical encoding counts: base64 decoders skip stray characters.
      if (bytes.toString('base64') !== signature) return 'bad-signature';
      try {
        return verifyBytes(null, Buffer.from(payload, 'utf8'), key, bytes) ? 'ok' : 'bad-signature';
      } catch {
        return 'bad-signature';
      }
    },
  };
}

/** An in-memory key pair, for tests and in-memory stores. */
export function ephemeralSigner(clock: Clock): { signer: AuditSigner; trusted: TrustedKeys } {
  const created = newKeyPair(clock);
  return {
    signer: {
      keyId: created.keyId,
      sign: (payload) => signBytes(null, Buffer.from(payload, 'utf8'), created.privateKey).toString('base64'),
    },
    trusted: trustedKeysOf(new Map([[created.keyId, createPublicKey(created.publicKeyPem)]])),
  };
}

// --- head file: the newest checkpoint, outside the database ---

export function readHeadFile(dir: string): HeadFile | undefined {
  return readJsonFile(join(dir, HEAD_FILE), headFileSchema);
}

/**
 * Records `checkpoint` as the newest one unless the file already holds a newer checkpoint of
 * the same chain (several processes may write). Written atomically (temp file + rename).
 */
export function writeHeadFile(dir: string, chainId: string, checkpoint: Checkpoint): void {
  const current = readHeadFile(dir);
  if (current !== undefined && current.chainId === chainId && current.checkpoint.seq >= checkpoint.seq) return;
  const body: HeadFile = { version: 1, chainId, checkpoint: { ...checkpoint } };
  writeFileAtomic(join(dir, HEAD_FILE), `${JSON.stringify(body, null, 2)}\n`, 0o644, { replace: true, sync: false });
}

// --- internals ---

interface NewKeyPair {
  keyId: string;
  createdAt: string;
  privateKey: KeyObject;
  privateKeyPem: string;
  publicKeyPem: string;
}

function newKeyPair(clock: Clock): NewKeyPair {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  return {
    keyId: keyIdOf(publicKey),
    createdAt: new Date(clock.now()).toISOString(),
    privateKey,
    privateKeyPem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
  };
}

function privateFileText(k: NewKeyPair): string {
  return `${JSON.stringify({ version: 1, keyId: k.keyId, createdAt: k.createdAt, privateKey: k.privateKeyPem }, null, 2)}\n`;
}

function addPublicKey(dir: string, keyId: string, publicKeyPem: string, createdAt: string): void {
  const file = join(dir, PUBLIC_KEYS_FILE);
  const current = readJsonFile(file, publicFileSchema);
  const keys = current?.keys ?? [];
  if (keys.some((k) => k.keyId === keyId)) return;
  const next = { version: 1, keys: [...keys, { keyId, createdAt, publicKey: publicKeyPem }] };
  writeFileAtomic(file, `${JSON.stringify(next, null, 2)}\n`, 0o644, { replace: true });
}

function readPrivateKeyFile(file: string): { keyId: string; privateKey: KeyObject } | undefined {
  const parsed = readJsonFile(file, privateFileSchema, { secret: true });
  if (parsed === undefined) return undefined;
  let privateKey: KeyObject;
  try {
    privateKey = createPrivateKey(parsed.privateKey);
  } catch {
    throw new AirlockError('CONFIG_INVALID', `${file} does not hold a valid private key`);
  }
  if (privateKey.asymmetricKeyType !== 'ed25519' || keyIdOf(createPublicKey(privateKey)) !== parsed.keyId) {
    throw new AirlockError('CONFIG_INVALID', `${file}: key id does not match the key`);
  }
  return { keyId: parsed.keyId, privateKey };
}


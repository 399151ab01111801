import { mkdirSync } from 'node:fs';
import { hkdfSync } from 'node:crypto';
import { join } from 'node:path';
import { inspect } from 'node:util';
import { z } from 'zod';
import type { Clock, Random } from '../core/clock.js';
import { readJsonFile, writeFileAtomic } from '../store/key-files.js';
import { AirlockError } from '../core/errors.js';

/**
 * The key store for vault and field-encryption keys, kept apart from CRM credentials.
 *
 * Master keys have ids; exactly one is active (used for new encryptions) and older ones stay
 * for decryption only. Nobody outside this class sees a master key: callers get per-purpose
 * subkeys derived with HKDF-SHA256, so the vault, fingerprints, HMACs, FPE and field
 * encryption never share a key.
 */

export type KeyStatus = 'active' | 'decrypt-only';
export type KeySource = 'env' | 'file';

export interface KeyInfo {
  id: string;
  /** ISO 8601 */
  createdAt: string;
  status: KeyStatus;
}

export interface KeyringOptions {
  dataDir: string;
  env?: Readonly<Record<string, string | undefined>>;
  clock: Clock;
  random: Random;
}

export const KEYS_FILE = 'keys.json';
const KEY_BYTES = 32;
const KEY_ID = /^[A-Za-z0-9_.-]{1,64}$/;
const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;
const HKDF_SALT = Buffer.from('airlock/keyring/v1', 'utf8');
const DEFAULT_ENV_KEY_ID = 'env-1';

const keyFileSchema = z
  .object({
    version: z.literal(1),
    keys: z
      .array(
        z
          .object({
            id: z.string().regex(KEY_ID),
            createdAt: z.string().refine((s) => !Number.isNaN(Date.parse(s))),
            status: z.enum(['active', 'decrypt-only']),
            key: z.string().regex(BASE64).refine((s) => Buffer.from(s, 'base64').length === KEY_BYTES),
          })
          .strict(),
      )
      .min(1),
  })
  .strict()
  .refine((file) => file.keys.filter((k) => k.status === 'active').length === 1, {
    message: 'exactly one key must be active',
  })
  .refine((file) => new Set(file.keys.map((k) => k.id)).size === file.keys.length, {
    message: 'key ids must be unique',
  });

interface MasterKey extends KeyInfo {
  material: Buffer;
}

export class Keyring {
  readonly source: KeySource;
  readonly #file: string | undefined;
  readonly #clock: Clock;
  readonly #random: Random;
  #keys: MasterKey[];
  readonly #subkeys = new Map<string, Buffer>();

  private constructor(source: KeySource, file: string | undefined, keys: MasterKey[], clock: Clock, random: Random) {
    this.source = source;
    this.#file = file;
    this.#keys = keys;
    this.#clock = clock;
    this.#random = random;
  }

  /**
   * `AIRLOCK_MASTER_KEY` (base64 of 32 bytes, id from `AIRLOCK_MASTER_KEY_ID` or `env-1`)
   * wins and is never written to disk; otherwise `<dataDir>/keys.json` is read, or created
   * with a fresh random key on first use.
   */
  static open(options: KeyringOptions): Keyring {
    const { dataDir, env = process.env, clock, random } = options;
    const envKey = env['AIRLOCK_MASTER_KEY'];
    if (envKey !== undefined && envKey !== '') {
      const id = env['AIRLOCK_MASTER_KEY_ID'] || DEFAULT_ENV_KEY_ID;
      if (!KEY_ID.test(id)) {
        throw new AirlockError('CONFIG_INVALID', 'AIRLOCK_MASTER_KEY_ID must be 1-64 characters of [A-Za-z0-9_.-]');
      }
      const material = decodeKey(envKey.trim());
      if (material === undefined) {
        throw new AirlockError('CONFIG_INVALID', 'AIRLOCK_MASTER_KEY must be base64 of exactly 32 bytes');
      }
      const key: MasterKey = { id, createdAt: new Date(clock.now()).toISOString(), status: 'active', material };
      return new Keyring('env', undefined, [key], clock, random);
    }

    const file = join(dataDir, KEYS_FILE);
    const existing = readKeyFile(file);
    if (existing !== undefined) return new Keyring('file', file, existing, clock, random);

    try {
      mkdirSync(dataDir, { recursive: true, mode: 0o700 });
    } catch (error) {
      throw new AirlockError('CONFIG_INVALID', `cannot create data directory ${dataDir}`, { cause: error });
    }
    const first = newKey('k1', clock, random);
    if (!writeKeyFile(file, [first], random, { replace: false })) {
      // Another process created the file between our read and our write: use its keys.
      const created = readKeyFile(file);
      if (created === undefined) {
        throw new AirlockError('CONFIG_INVALID', `${KEYS_FILE} vanished while it was being created`);
      }
      return new Keyring('file', file, created, clock, random);
    }
    return new Keyring('file', file, [first], clock, random);
  }

  get activeKeyId(): string {
    return this.#active().id;
  }

  hasKey(keyId: string): boolean {
    return this.#keys.some((k) => k.id === keyId);
  }

  listKeys(): KeyInfo[] {
    return this.#keys.map(({ id, createdAt, status }) => ({ id, createdAt, status }));
  }

  /**
   * Adds a new active key and persists it; earlier keys remain for decryption only.
   * Returns the new key id.
   */
  rotate(): string {
    const file = this.#file;
    if (this.source === 'env' || file === undefined) {
      throw new AirlockError(
        'CONFIG_INVALID',
        'the master key comes from AIRLOCK_MASTER_KEY and cannot be rotated here',
      );
    }
    // Refuse to overwrite keys another process added since we read the file.
    const onDisk = readKeyFile(file);
    const sameIds = (a: readonly KeyInfo[], b: readonly KeyInfo[]): boolean =>
      a.length === b.length && a.every((k, i) => k.id === b[i]?.id && k.status === b[i]?.status);
    if (onDisk === undefined || !sameIds(onDisk, this.#keys)) {
      throw new AirlockError(
        'CONFIG_INVALID',
        `${KEYS_FILE} changed since it was opened; reopen the keyring and retry`,
      );
    }
    const next = newKey(nextKeyId(this.#keys), this.#clock, this.#random);
    const keys: MasterKey[] = [...this.#keys.map((k) => ({ ...k, status: 'decrypt-only' as const })), next];
    writeKeyFile(file, keys, this.#random, { replace: true });
    this.#keys = keys;
    return next.id;
  }

  /** A 32-byte key for one purpose, derived from the active key or from `keyId`. */
  subkey(purpose: string, keyId?: string): Buffer {
    if (purpose === '') throw new AirlockError('CONFIG_INVALID', 'subkey purpose must not be empty');
    const master = keyId === undefined ? this.#active() : this.#keys.find((k) => k.id === keyId);
    if (master === undefined) throw new AirlockError('CONFIG_INVALID', 'unknown key id');
    const cacheKey = `${master.id}\u0000${purpose}`;
    let derived = this.#subkeys.get(cacheKey);
    if (derived === undefined) {
      const info = Buffer.from(`airlock:v1:${purpose}`, 'utf8');
      derived = Buffer.from(hkdfSync('sha256', master.material, HKDF_SALT, info, KEY_BYTES));
      this.#subkeys.set(cacheKey, derived);
    }
    // A copy, so a caller that wipes or alters its buffer cannot change ours.
    return Buffer.from(derived);
  }

  toJSON(): { source: KeySource; activeKeyId: string; keys: KeyInfo[] } {
    return { source: this.source, activeKeyId: this.activeKeyId, keys: this.listKeys() };
  }

  toString(): string {
    return `Keyring(${this.source}, active=${this.activeKeyId}, keys=${this.#keys.map((k) => k.id).join(',')})`;
  }

  [inspect.custom](): string {
    return this.toString();
  }

  #active(): MasterKey {
    const active = this.#keys.find((k) => k.status === 'active');
    if (active === undefined) throw new AirlockError('CONFIG_INVALID', 'keyring has no active key');
    return active;
  }
}

function newKey(id: string, clock: Clock, random: Random): MasterKey {
  const material = random.bytes(KEY_BYTES);
  if (material.length !== KEY_BYTES) throw new AirlockError('CONFIG_INVALID', 'random source returned a short key');
  return { id, createdAt: new Date(clock.now()).toISOString(), status: 'active', material };
}

function nextKeyId(keys: readonly KeyInfo[]): string {
  const taken = new Set(keys.map((k) => k.id));
  let n = Math.max(keys.length, ...keys.map((k) => Number(/^k(\d+)$/.exec(k.id)?.[1] ?? 0))) + 1;
  while (taken.has(`k${n}`)) n++;
  return `k${n}`;
}

function decodeKey(text: string): Buffer | undefined {
  if (!BASE64.test(text)) return undefined;
  const material = Buffer.from(text, 'base64');
  return material.length === KEY_BYTES ? material : undefined;
}

/** The keys in `file`, or undefined when it does not exist. */
function readKeyFile(file: string): MasterKey[] | undefined {
  const parsed = readJsonFile(file, keyFileSchema, { secret: true });
  return parsed?.keys.map(({ id, createdAt, status, key }) => ({ id, createdAt, status, material: Buffer.from(key, 'base64') }));
}

/** Writes the key file atomically with mode 0600. False only when creating and it already existed. */
function writeKeyFile(file: string, keys: readonly MasterKey[], _random: Random, opts: { replace: boolean }): boolean {
  const body = {
    version: 1,
    keys: keys.map(({ id, createdAt, status, material }) => ({ id, createdAt, status, key: material.toString('base64') })),
  };
  return writeFileAtomic(file, `${JSON.stringify(body, null, 2)}\n`, 0o600, opts);
}

import { chmodSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inspect } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fixedClock, seededRandom } from '../core/clock.js';
import { AirlockError } from '../core/errors.js';
import { Keyring } from './keyring.js';
import { createOperatorCrypto } from './operator-crypto.js';

const posix = process.platform !== 'win32';
const T0 = Date.UTC(2025, 0, 1);
let root: string;

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'airlock-keys-'));
});
afterEach(() => {
  rmSync(root, { recursive: true, force: true });
});

function open(dataDir = join(root, 'data'), env: Record<string, string> = {}, seed = 1): Keyring {
  return Keyring.open({ dataDir, env, clock: fixedClock(T0, 60_000), random: seededRandom(seed) });
}

function failure(fn: () => unknown): AirlockError {
  try {
    fn();
  } catch (error) {
    if (error instanceof AirlockError) return error;
    throw error;
  }
  throw new Error('expected an AirlockError');
}

function keyMaterial(dataDir: string): string[] {
  const file = JSON.parse(readFileSync(join(dataDir, 'keys.json'), 'utf8')) as { keys: Array<{ key: string }> };
  return file.keys.map((k) => k.key);
}

describe('Keyring', () => {
  it('creates the data dir and a 0600 keys.json on first use', () => {
    const dataDir = join(root, 'data');
    const keyring = open(dataDir);
    expect(keyring.activeKeyId).toBe('k1');
    expect(keyring.listKeys()).toEqual([{ id: 'k1', createdAt: '2025-01-01T00:00:00.000Z', status: 'active' }]);
    expect(readdirSync(dataDir)).toEqual(['keys.json']);
    if (posix) {
      expect(statSync(join(dataDir, 'keys.json')).mode & 0o777).toBe(0o600);
      expect(statSync(dataDir).mode & 0o077).toBe(0);
    }
  });

  it('gives the same keys when reopened', () => {
    const dataDir = join(root, 'data');
    const first = open(dataDir, {}, 1);
    const again = open(dataDir, {}, 2);
    expect(again.listKeys()).toEqual(first.listKeys());
    expect(again.subkey('vault').equals(first.subkey('vault'))).toBe(true);
  });

  it('derives independent keys per purpose and per key id', () => {
    const keyring = open();
    const purposes = ['vault', 'fingerprint', 'hmac:email', 'fpe', 'field-encryption'];
    const derived = purposes.map((p) => keyring.subkey(p).toString('hex'));
    expect(new Set(derived).size).toBe(purposes.length);
    expect(derived.every((hex) => hex.length === 64)).toBe(true);
    keyring.rotate();
    expect(keyring.subkey('vault', 'k1').toString('hex')).toBe(derived[0]);
    expect(keyring.subkey('vault').toString('hex')).not.toBe(derived[0]);
    expect(failure(() => keyring.subkey('vault', 'k404')).code).toBe('CONFIG_INVALID');
    expect(failure(() => keyring.subkey('')).code).toBe('CONFIG_INVALID');
  });

  it('rotates: old ciphertexts still open, new ones use the new key id', () => {
    const dataDir = join(root, 'data');
    const keyring = open(dataDir);
    const ops = createOperatorCrypto(keyring, seededRandom(9));
    const old = ops.encrypt('Jane Doe', 'contact/1:Name');
    expect(old.startsWith('enc:v1:k1:')).toBe(true);

    expect(keyring.rotate()).toBe('k2');
    expect(keyring.activeKeyId).toBe('k2');
    expect(keyring.listKeys()).toEqual([
      { id: 'k1', createdAt: '2025-01-01T00:00:00.000Z', status: 'decrypt-only' },
      { id: 'k2', createdAt: '2025-01-01T00:01:00.000Z', status: 'active' },
    ]);
    const fresh = ops.encrypt('Jane Doe', 'contact/1:Name');
    expect(fresh.startsWith('enc:v1:k2:')).toBe(true);
    expect(ops.decrypt(old, 'contact/1:Name')).toBe('Jane Doe');
    expect(ops.decrypt(fresh, 'contact/1:Name')).toBe('Jane Doe');

    // Persisted: a reopened keyring still opens both.
    const reopened = createOperatorCrypto(open(dataDir), seededRandom(3));
    expect(reopened.decrypt(old, 'contact/1:Name')).toBe('Jane Doe');
    expect(reopened.decrypt(fresh, 'contact/1:Name')).toBe('Jane Doe');
    expect(keyring.rotate()).toBe('k3');
    if (posix) expect(statSync(join(dataDir, 'keys.json')).mode & 0o777).toBe(0o600);
    expect(readdirSync(dataDir)).toEqual(['keys.json']);
  });

  it('refuses to rotate over keys another process added', () => {
    const dataDir = join(root, 'data');
    const a = open(dataDir);
    const b = open(dataDir);
    a.rotate();
    expect(failure(() => b.rotate()).code).toBe('CONFIG_INVALID');
    expect(open(dataDir).activeKeyId).toBe('k2');
  });

  it('uses AIRLOCK_MASTER_KEY and writes nothing', () => {
    const dataDir = join(root, 'data');
    const master = Buffer.alloc(32, 7).toString('base64');
    const keyring = open(dataDir, { AIRLOCK_MASTER_KEY: master });
    expect(keyring.source).toBe('env');
    expect(keyring.activeKeyId).toBe('env-1');
    expect(existsSync(dataDir)).toBe(false);
    const ops = createOperatorCrypto(keyring, seededRandom(1));
    const sealed = ops.encrypt('x', 'a');
    expect(sealed.startsWith('enc:v1:env-1:')).toBe(true);
    // Same env key, same derived keys.
    const again = open(dataDir, { AIRLOCK_MASTER_KEY: master, AIRLOCK_MASTER_KEY_ID: 'env-1' });
    expect(createOperatorCrypto(again, seededRandom(2)).decrypt(sealed, 'a')).toBe('x');
    expect(open(dataDir, { AIRLOCK_MASTER_KEY: master, AIRLOCK_MASTER_KEY_ID: 'prod-2' }).activeKeyId).toBe('prod-2');
    expect(failure(() => keyring.rotate()).code).toBe('CONFIG_INVALID');
    expect(existsSync(dataDir)).toBe(false);
  });

  it('refuses a malformed AIRLOCK_MASTER_KEY without echoing it', () => {
    for (const bad of [Buffer.alloc(16, 1).toString('base64'), 'not base64!!', Buffer.alloc(33, 1).toString('base64')]) {
      const error = failure(() => open(undefined, { AIRLOCK_MASTER_KEY: bad }));
      expect(error.code).toBe('CONFIG_INVALID');
      expect(error.message).not.toContain(bad);
    }
    const key = Buffer.alloc(32, 1).toString('base64');
    expect(failure(() => open(undefined, { AIRLOCK_MASTER_KEY: key, AIRLOCK_MASTER_KEY_ID: 'a:b' })).code).toBe(
      'CONFIG_INVALID',
    );
  });

  it.skipIf(!posix)('refuses a keys.json readable by group or others', () => {
    const dataDir = join(root, 'data');
    open(dataDir);
    for (const mode of [0o640, 0o604, 0o660, 0o666]) {
      chmodSync(join(dataDir, 'keys.json'), mode);
      const error = failure(() => open(dataDir));
      expect(error.code).toBe('CONFIG_INVALID');
      expect(error.message).toMatch(/chmod 600/);
    }
    chmodSync(join(dataDir, 'keys.json'), 0o600);
    expect(open(dataDir).activeKeyId).toBe('k1');
  });

  it('refuses a malformed keys.json without quoting it', () => {
    const dataDir = join(root, 'data');
    open(dataDir);
    const file = join(dataDir, 'keys.json');
    const secret = keyMaterial(dataDir)[0] as string;
    const good = JSON.parse(readFileSync(file, 'utf8')) as { version: number; keys: Array<Record<string, string>> };
    const k1 = good.keys[0] as Record<string, string>;
    const variants: unknown[] = [
      `{"keys": [{"key": "${secret}"`,
      [],
      { ...good, version: 2 },
      { ...good, keys: [] },
      { ...good, keys: [{ ...k1, key: Buffer.alloc(16).toString('base64') }] },
      { ...good, keys: [{ ...k1, status: 'decrypt-only' }] },
      { ...good, keys: [k1, { ...k1, createdAt: '2025-02-01T00:00:00Z' }] },
      { ...good, keys: [k1, { ...k1, id: 'k2' }] },
      { ...good, keys: [{ ...k1, id: 'bad:id' }] },
      { ...good, keys: [{ ...k1, createdAt: 'yesterday' }] },
      { ...good, extra: true },
    ];
    for (const variant of variants) {
      writeFileSync(file, typeof variant === 'string' ? variant : JSON.stringify(variant), { mode: 0o600 });
      const error = failure(() => open(dataDir));
      expect(error.code).toBe('CONFIG_INVALID');
      expect(`${error.message} ${JSON.stringify(error)}`).not.toContain(secret);
      expect(error.cause).toBeUndefined();
    }
  });

  it('never shows key material in JSON, strings or inspect output', () => {
    const dataDir = join(root, 'data');
    const keyring = open(dataDir);
    keyring.rotate();
    const secrets = keyMaterial(dataDir).flatMap((b64) => [b64, Buffer.from(b64, 'base64').toString('hex')]);
    const shown = [
      JSON.stringify(keyring),
      String(keyring),
      inspect(keyring, { showHidden: true, depth: 10 }),
      JSON.stringify(Object.entries(keyring)),
    ].join('\n');
    for (const secret of secrets) expect(shown).not.toContain(secret);
    expect(JSON.parse(JSON.stringify(keyring))).toEqual({
      source: 'file',
      activeKeyId: 'k2',
      keys: [
        { id: 'k1', createdAt: '2025-01-01T00:00:00.000Z', status: 'decrypt-only' },
        { id: 'k2', createdAt: '2025-01-01T00:01:00.000Z', status: 'active' },
      ],
    });
  });
});

describe('createOperatorCrypto', () => {
  it('computes 22-character base64url HMACs that depend on purpose and key', () => {
    const ops = createOperatorCrypto(open(join(root, 'a')), seededRandom(1));
    const tag = ops.hmac('email', 'alice@example.com');
    expect(tag).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(ops.hmac('email', 'alice@example.com')).toBe(tag);
    expect(ops.hmac('phone', 'alice@example.com')).not.toBe(tag);
    const other = createOperatorCrypto(open(join(root, 'b'), {}, 99), seededRandom(1));
    expect(other.hmac('email', 'alice@example.com')).not.toBe(tag);
  });

  it('round-trips format-preserving encryption with the tweak', () => {
    const ops = createOperatorCrypto(open(), seededRandom(1));
    const card = '4111111111111111';
    const token = ops.fpeEncrypt(card, '0123456789', 'CREDIT_CARD');
    expect(token).toMatch(/^\d{16}$/);
    expect(token).not.toBe(card);
    expect(ops.fpeDecrypt(token, '0123456789', 'CREDIT_CARD')).toBe(card);
    expect(ops.fpeEncrypt(card, '0123456789', 'US_BANK_NUMBER')).not.toBe(token);
  });

  it('rejects ciphertexts under unknown key ids or the wrong associated data', () => {
    const ops = createOperatorCrypto(open(join(root, 'a')), seededRandom(1));
    const foreign = createOperatorCrypto(open(join(root, 'b'), {}, 5), seededRandom(1));
    const sealed = ops.encrypt('secret', 'r1:f');
    expect(failure(() => ops.decrypt(sealed, 'r1:g')).code).toBe('TRANSFORM_FAILED');
    expect(failure(() => ops.decrypt(sealed.replace(':k1:', ':k7:'), 'r1:f')).code).toBe('TRANSFORM_FAILED');
    // Same key id, different keyring: authentication fails.
    expect(failure(() => foreign.decrypt(sealed, 'r1:f')).code).toBe('TRANSFORM_FAILED');
  });
});

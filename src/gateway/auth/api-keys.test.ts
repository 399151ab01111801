import { readdirSync, readFileSync, mkdtempSync, rmSync } from 'node:fs';
import { timingSafeEqual } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cryptoRandom, seededRandom, type Clock, type Random } from '../../core/clock.js';
import { AirlockError } from '../../core/errors.js';
import { openMemorySqlite, openSqlite } from '../../store/sqlite.js';
import { API_KEY_SECRET_BYTES, API_KEY_SECRET_CHARS, ApiKeyStore, base62 } from './api-keys.js';
import { parseDuration } from './duration.js';

vi.mock('node:crypto', async (importOriginal) => {
  const actual = await importOriginal<typeof import('node:crypto')>();
  return { ...actual, timingSafeEqual: vi.fn(actual.timingSafeEqual) };
});

const T0 = Date.UTC(2025, 0, 1);
const KEY_SHAPE = /^alk_(prod|sandbox|dev)_([0-9A-Za-z]{11})_([0-9A-Za-z]{43})$/;

function manualClock(start = T0): Clock & { advance(ms: number): void } {
  let t = start;
  return { now: () => t, advance: (ms) => void (t += ms) };
}

function recordingRandom(inner: Random): Random & { calls: Buffer[] } {
  const calls: Buffer[] = [];
  return {
    calls,
    bytes(n) {
      const b = inner.bytes(n);
      calls.push(Buffer.from(b));
      return b;
    },
  };
}

function decodeBase62(text: string): bigint {
  const alphabet = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
  let n = 0n;
  for (const ch of text) n = n * 62n + BigInt(alphabet.indexOf(ch));
  return n;
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

describe('ApiKeyStore', () => {
  let clock: ReturnType<typeof manualClock>;
  let store: ApiKeyStore;

  beforeEach(() => {
    clock = manualClock();
    store = new ApiKeyStore({ db: openMemorySqlite(), clock, random: cryptoRandom });
  });

  it('makes keys alk_<env>_<keyId>_<secret> whose secret carries all 256 random bits', () => {
    expect(API_KEY_SECRET_CHARS * Math.log2(62)).toBeGreaterThanOrEqual(256);
    const random = recordingRandom(seededRandom(7));
    const s = new ApiKeyStore({ db: openMemorySqlite(), clock, random });
    const { apiKey, info } = s.create({ client: 'crm-sync', environment: 'sandbox' });
    const m = KEY_SHAPE.exec(apiKey);
    expect(m?.[1]).toBe('sandbox');
    expect(m?.[2]).toBe(info.keyId);
    // the secret is exactly the 32 bytes the injected Random gave, re-encoded
    const secretBytes = random.calls.find((b) => b.length === API_KEY_SECRET_BYTES) as Buffer;
    expect(decodeBase62(m?.[3] as string)).toBe(BigInt(`0x${secretBytes.toString('hex')}`));
    expect(base62(Buffer.alloc(32, 0xff), API_KEY_SECRET_CHARS)).toHaveLength(43);
  });

  it('never repeats a key and spreads characters evenly', () => {
    const secrets = new Set<string>();
    const counts = new Map<string, number>();
    for (let i = 0; i < 300; i++) {
      const secret = (KEY_SHAPE.exec(store.create({ client: 'c', environment: 'dev' }).apiKey)?.[3]) as string;
      secrets.add(secret);
      // skip the leading character: 62^43 is only a little above 2^256, so it is biased low
      for (const ch of secret.slice(1)) counts.set(ch, (counts.get(ch) ?? 0) + 1);
    }
    expect(secrets.size).toBe(300);
    expect(counts.size).toBe(62);
    const expected = (300 * 42) / 62;
    for (const n of counts.values()) expect(Math.abs(n - expected)).toBeLessThan(expected * 0.5);
  });

  it('verifies a key into its principal, compared in constant time', () => {
    const { apiKey, info } = store.create({ client: 'crm-sync', environment: 'prod', models: ['llama3*'], routes: ['/v1/chat/completions'] });
    vi.mocked(timingSafeEqual).mockClear();
    expect(store.verify(apiKey)).toEqual({
      keyId: info.keyId,
      client: 'crm-sync',
      environment: 'prod',
      routes: ['/v1/chat/completions'],
      models: ['llama3*'],
      expiresAt: null,
      credential: 'api-key',
    });
    expect(timingSafeEqual).toHaveBeenCalledTimes(1);

    // a wrong secret and an unknown key id take the same comparison path
    const wrongSecret = apiKey.slice(0, -1) + (apiKey.endsWith('A') ? 'B' : 'A');
    const unknownId = apiKey.replace(info.keyId, 'Zzzzzzzzzzz');
    for (const bad of [wrongSecret, unknownId]) {
      vi.mocked(timingSafeEqual).mockClear();
      const error = failure(() => store.verify(bad));
      expect(error.code).toBe('AUTH_INVALID');
      expect(error.message).not.toContain(bad.slice(4));
      expect(timingSafeEqual).toHaveBeenCalledTimes(1);
      const [a, b] = vi.mocked(timingSafeEqual).mock.calls[0] as [Buffer, Buffer];
      expect([a.length, b.length]).toEqual([32, 32]);
    }
  });

  it('rejects malformed keys and a changed environment prefix without echoing them', () => {
    const { apiKey } = store.create({ client: 'c', environment: 'prod' });
    for (const bad of ['', 'alk_prod', apiKey.replace('alk_prod_', 'alk_dev_'), `${apiKey}x`, `x${apiKey}`, apiKey.toUpperCase(), 'a'.repeat(10_000)]) {
      const error = failure(() => store.verify(bad));
      expect(error.code).toBe('AUTH_INVALID');
      expect(error.message).not.toMatch(/[0-9A-Za-z]{20}/);
    }
  });

  it('rejects expired keys from the moment they expire', () => {
    const { apiKey } = store.create({ client: 'c', environment: 'dev', ttlMs: parseDuration('15m') });
    clock.advance(15 * 60_000 - 1);
    expect(store.verify(apiKey).expiresAt).toBe(T0 + 15 * 60_000);
    clock.advance(1);
    expect(failure(() => store.verify(apiKey)).message).toBe('API key expired');
    expect(store.active(KEY_SHAPE.exec(apiKey)?.[2] as string)).toBeUndefined();
  });

  it('revokes, lists without secrets, and refuses unknown ids', () => {
    const a = store.create({ client: 'a', environment: 'prod' });
    clock.advance(1000);
    const b = store.create({ client: 'b', environment: 'dev', ttlMs: 60_000 });
    expect(store.revoke(a.info.keyId)).toBe(true);
    expect(store.revoke(a.info.keyId)).toBe(false);
    expect(failure(() => store.verify(a.apiKey)).message).toBe('API key revoked');
    expect(store.verify(b.apiKey).client).toBe('b');
    const list = store.list();
    expect(list.map((k) => [k.client, k.revokedAt])).toEqual([
      ['a', T0 + 1000],
      ['b', null],
    ]);
    expect(JSON.stringify(list)).not.toContain(a.apiKey.slice(-43));
    expect(JSON.stringify(list)).not.toMatch(/hash/i);
    expect(failure(() => store.revoke('nope')).code).toBe('INPUT_INVALID');
    expect(failure(() => store.revoke(a.apiKey)).message).toBe('unknown API key id');
  });

  it('validates what a key is created with', () => {
    expect(failure(() => store.create({ client: 'bad name', environment: 'prod' })).code).toBe('INPUT_INVALID');
    expect(failure(() => store.create({ client: 'c', environment: 'qa' as 'prod' })).code).toBe('INPUT_INVALID');
    expect(failure(() => store.create({ client: 'c', environment: 'prod', ttlMs: 0 })).code).toBe('INPUT_INVALID');
    expect(failure(() => store.create({ client: 'c', environment: 'prod', routes: [] })).code).toBe('INPUT_INVALID');
    expect(failure(() => store.create({ client: 'c', environment: 'prod', models: ['a b'] })).code).toBe('INPUT_INVALID');
    expect(failure(() => store.create({ client: 'c', environment: 'prod', models: ['*x'] })).code).toBe('INPUT_INVALID');
    expect(store.create({ client: 'c', environment: 'prod', models: ['a', 'a', '*'] }).info.models).toEqual(['*']);
  });
});

describe('ApiKeyStore on disk', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'airlock-apikeys-'));
  });
  afterEach(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it('stores only a hash: the plaintext never appears in the database bytes', () => {
    const db = openSqlite(dir);
    const store = new ApiKeyStore({ db, clock: manualClock(), random: cryptoRandom });
    const created = Array.from({ length: 5 }, (_, i) => store.create({ client: `acme-integration-${i}`, environment: 'prod' }).apiKey);
    // read while open (WAL holds the rows), and again after the checkpoint on close
    const bytes = (): string => readdirSync(dir).map((f) => readFileSync(join(dir, f)).toString('latin1')).join('\n');
    const whileOpen = bytes();
    db.close();
    const afterClose = bytes();
    // the rows are in what was read (so the absence below means something)
    expect(whileOpen).toContain('acme-integration-4');
    expect(afterClose).toContain('acme-integration-4');
    for (const apiKey of created) {
      const secret = KEY_SHAPE.exec(apiKey)?.[3] as string;
      for (const dump of [whileOpen, afterClose]) {
        expect(dump).not.toContain(secret);
        expect(dump).not.toContain(secret.slice(0, 16));
        expect(dump).not.toContain(Buffer.from(secret).toString('hex'));
      }
    }
    // and the keys still verify from the stored hashes
    const reopened = new ApiKeyStore({ db: openSqlite(dir), clock: manualClock(), random: cryptoRandom });
    expect(reopened.verify(created[3] as string).client).toBe('acme-integration-3');
  });
});

describe('parseDuration', () => {
  it.each([
    ['15m', 900_000],
    ['12h', 43_200_000],
    ['30d', 2_592_000_000],
    ['90s', 90_000],
    ['2w', 1_209_600_000],
  ])('%s', (text, ms) => expect(parseDuration(text)).toBe(ms));

  it.each(['', '15', 'm', '1.5h', '-1d', '0m', '3651d', '10y', '1e3s'])('rejects %j', (text) => {
    expect(failure(() => parseDuration(text)).code).toBe('INPUT_INVALID');
  });
});

describe('ApiKeyStore shared with other processes', () => {
  it('refuses a key revoked through another connection at once, though it verified before', () => {
    const dir = mkdtempSync(join(tmpdir(), 'airlock-apikeys-'));
    try {
      const gateway = new ApiKeyStore({ db: openSqlite(dir), clock: manualClock(), random: cryptoRandom });
      const { apiKey, info } = gateway.create({ client: 'crm', environment: 'prod' });
      expect(gateway.verify(apiKey).client).toBe('crm');
      expect(gateway.verify(apiKey).client).toBe('crm');
      // `airlock keys revoke` runs in its own process, on its own connection
      const cliDb = openSqlite(dir);
      new ApiKeyStore({ db: cliDb, clock: manualClock(T0 + 5), random: cryptoRandom }).revoke(info.keyId);
      cliDb.close();
      expect(failure(() => gateway.verify(apiKey)).message).toBe('API key revoked');
      expect(gateway.active(info.keyId)).toBeUndefined();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

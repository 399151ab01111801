import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { fixedClock, seededRandom } from '../core/clock.js';
import { Keyring } from '../keys/keyring.js';
import { createVaultCrypto } from '../keys/vault-crypto.js';
import { openSqlite } from '../store/sqlite.js';
import { testAirlock } from '../../test/support/airlock.js';
import { Restorer } from './restore.js';
import { SqliteVault, type VaultCrypto } from './vault.js';

const opened: Array<{ close(): void }> = [];
afterEach(() => {
  for (const o of opened.splice(0)) o.close();
});

async function vaultOn(dataDir?: string, ttlMs?: number, clock = fixedClock(1_000_000, 0)) {
  const base = await testAirlock();
  opened.push(base);
  const dir = dataDir ?? base.dataDir;
  const keyring = Keyring.open({ dataDir: dir, clock, random: seededRandom(5), env: { AIRLOCK_MASTER_KEY: Buffer.alloc(32, 1).toString('base64') } });
  const db = openSqlite(dir);
  opened.push(db);
  return { dir, vault: new SqliteVault({ db, crypto: createVaultCrypto(keyring, seededRandom(6)), clock, random: seededRandom(7), ...(ttlMs ? { ttlMs } : {}) }) };
}

describe('SqliteVault', () => {
  it('gives one pseudonym per value per session, numbered per entity', async () => {
    const { vault } = await vaultOn();
    const tokens = await vault.pseudonymsFor('s1', [
      { entity: 'PERSON', value: 'Jane Doe', style: 'token' },
      { entity: 'PERSON', value: 'John Roe', style: 'token' },
      { entity: 'PERSON', value: 'Jane Doe', style: 'token' },
      { entity: 'EMAIL_ADDRESS', value: 'jane@example.com', style: 'token' },
    ]);
    expect(tokens).toEqual(['PERSON_1', 'PERSON_2', 'PERSON_1', 'EMAIL_ADDRESS_1']);
    expect(await vault.pseudonymsFor('s1', [{ entity: 'PERSON', value: 'John Roe', style: 'token' }])).toEqual(['PERSON_2']);
  });

  it('keeps sessions apart: the same token maps to each session its own value', async () => {
    const { vault } = await vaultOn();
    await vault.pseudonymsFor('a', [{ entity: 'PERSON', value: 'Alice Ames', style: 'token' }]);
    await vault.pseudonymsFor('b', [{ entity: 'PERSON', value: 'Bob Burns', style: 'token' }]);
    expect(await vault.entries('a')).toEqual([{ token: 'PERSON_1', entity: 'PERSON', value: 'Alice Ames' }]);
    expect(await vault.entries('b')).toEqual([{ token: 'PERSON_1', entity: 'PERSON', value: 'Bob Burns' }]);
  });

  it('never gives one value two pseudonyms under concurrent requests from two connections', async () => {
    const first = await vaultOn();
    const second = await vaultOn(first.dir);
    const names = Array.from({ length: 50 }, (_, i) => `Person Number${i}`);
    const results = await Promise.all(
      names.flatMap((value, i) => [
        (i % 2 ? first : second).vault.pseudonymsFor('shared', [{ entity: 'PERSON', value, style: 'token' }]),
        (i % 2 ? second : first).vault.pseudonymsFor('shared', [{ entity: 'PERSON', value, style: 'token' }]),
      ]),
    );
    for (let i = 0; i < names.length; i++) expect(results[2 * i]).toEqual(results[2 * i + 1]);
    const entries = await first.vault.entries('shared');
    expect(entries).toHaveLength(50);
    expect(new Set(entries.map((e) => e.token)).size).toBe(50);
  });

  it('stores values encrypted: the raw value is nowhere in the database file', async () => {
    const { dir, vault } = await vaultOn();
    await vault.pseudonymsFor('s', [{ entity: 'US_SSN', value: '536-22-8146', style: 'token' }]);
    const bytes = Buffer.concat(['airlock.db', 'airlock.db-wal'].map((f) => { try { return readFileSync(join(dir, f)); } catch { return Buffer.alloc(0); } }));
    expect(bytes.includes(Buffer.from('536-22-8146'))).toBe(false);
    expect((await vault.entries('s'))[0]?.value).toBe('536-22-8146');
  });

  it('expires mappings after the TTL and purges them', async () => {
    let now = 1_000;
    const clock = { now: () => now };
    const { vault } = await vaultOn(undefined, 100, clock);
    await vault.pseudonymsFor('s', [{ entity: 'PERSON', value: 'Jane Doe', style: 'token' }]);
    now += 101;
    expect(await vault.entries('s')).toEqual([]);
    expect(await vault.purgeExpired()).toBe(1);
  });

  it('gives surrogates of the same type that stay unique in a session', async () => {
    const { vault } = await vaultOn();
    const values = Array.from({ length: 40 }, (_, i) => ({ entity: 'EMAIL_ADDRESS', value: `user${i}@corp.example`, style: 'surrogate' as const }));
    const tokens = await vault.pseudonymsFor('s', values);
    expect(new Set(tokens).size).toBe(40);
    for (const t of tokens) expect(t).toMatch(/^[a-z]+\.[a-z]+\d+@example\.net$/);
  });

  it('refuses an empty or oversized session id', async () => {
    const { vault } = await vaultOn();
    await expect(vault.pseudonymsFor('', [])).rejects.toMatchObject({ code: 'INPUT_INVALID' });
    await expect(vault.entries('x'.repeat(201))).rejects.toMatchObject({ code: 'INPUT_INVALID' });
  });
});

describe('RequestVault', () => {
  it('follows the same token rules in memory and forgets nothing within the request', async () => {
    const { RequestVault } = await import('./vault.js');
    const vault = new RequestVault(seededRandom(3));
    const tokens = await vault.pseudonymsFor('r', [
      { entity: 'PERSON', value: 'Jane Doe', style: 'token' },
      { entity: 'PERSON', value: 'John Roe', style: 'token' },
      { entity: 'PERSON', value: 'Jane Doe', style: 'token' },
    ]);
    expect(tokens).toEqual(['PERSON_1', 'PERSON_2', 'PERSON_1']);
    expect(await vault.entries()).toEqual([
      { token: 'PERSON_1', entity: 'PERSON', value: 'Jane Doe' },
      { token: 'PERSON_2', entity: 'PERSON', value: 'John Roe' },
    ]);
  });
});

describe('SqliteVault entries of a long conversation', () => {
  it('opens only the values an answer restores', async () => {
    const base = await testAirlock();
    opened.push(base);
    const clock = fixedClock(1_000_000, 0);
    const keyring = Keyring.open({ dataDir: base.dataDir, clock, random: seededRandom(5), env: { AIRLOCK_MASTER_KEY: Buffer.alloc(32, 1).toString('base64') } });
    const inner = createVaultCrypto(keyring, seededRandom(6));
    let opens = 0;
    const counting: VaultCrypto = { ...inner, open: (sealed, ad) => (opens++, inner.open(sealed, ad)) };
    const db = openSqlite(base.dataDir);
    opened.push(db);
    const vault = new SqliteVault({ db, crypto: counting, clock, random: seededRandom(7) });
    const people = Array.from({ length: 200 }, (_, i) => ({ entity: 'PERSON', value: `Person Number${i}`, style: 'token' as const }));
    const tokens = await vault.pseudonymsFor('long', people);
    const restorer = new Restorer(await vault.entries('long'));
    expect(opens).toBe(0);
    expect(restorer.restore(`${tokens[7]} called ${tokens[150]} twice; ${tokens[7]} again.`)).toBe('Person Number7 called Person Number150 twice; Person Number7 again.');
    expect(opens).toBe(2);
  });
});

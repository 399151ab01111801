import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { cryptoRandom, type Clock } from '../core/clock.js';
import { Keyring } from '../keys/keyring.js';
import { EvidenceStore } from './evidence.js';

const DAY = 86_400_000;
const SANITIZED = '{"messages":[{"role":"user","content":"Refund for <PERSON_1>, IBAN <IBAN_CODE_1>, marker evidence-7f3a9c"}]}';

function setup(retentionDays = 30) {
  const dir = mkdtempSync(join(tmpdir(), 'airlock-evidence-'));
  let now = Date.UTC(2026, 0, 15);
  const clock: Clock = { now: () => now };
  const keyring = Keyring.open({ dataDir: dir, env: {}, clock, random: cryptoRandom });
  const store = new EvidenceStore({ dataDir: dir, keyring, clock, random: cryptoRandom, retentionMs: retentionDays * DAY });
  return { dir, keyring, clock, store, advance: (ms: number) => void (now += ms) };
}

describe('EvidenceStore', () => {
  it('keeps sanitized payloads by request id, sealed: the file never holds the plaintext', () => {
    const { dir, store } = setup();
    store.put('req-1', 'request', SANITIZED);
    store.put('req-1', 'response', 'The refund for <PERSON_1> is approved.');
    expect(store.get('req-1').map((e) => [e.kind, e.payload])).toEqual([
      ['request', SANITIZED],
      ['response', 'The refund for <PERSON_1> is approved.'],
    ]);
    store.close();
    // at rest: neither the database nor its WAL contains the text
    for (const file of readdirSync(dir).filter((f) => f.startsWith('evidence.db'))) {
      const bytes = readFileSync(join(dir, file)).toString('latin1');
      expect(bytes).not.toContain('evidence-7f3a9c');
      expect(bytes).not.toContain('refund');
    }
    const raw = new Database(join(dir, 'evidence.db'), { readonly: true });
    const sealed = raw.prepare('SELECT sealed FROM audit_evidence').pluck().all() as string[];
    raw.close();
    expect(sealed).toHaveLength(2);
    for (const s of sealed) expect(s).not.toContain('PERSON');
  });

  it('cannot be read without the key, nor moved to another request', () => {
    const { dir, store, clock } = setup();
    store.put('req-1', 'request', SANITIZED);
    store.close();
    // another keyring (another key file) over the same evidence file
    const other = mkdtempSync(join(tmpdir(), 'airlock-evidence-otherkey-'));
    const wrongKeys = Keyring.open({ dataDir: other, env: { AIRLOCK_MASTER_KEY: randomBytes(32).toString('base64'), AIRLOCK_MASTER_KEY_ID: 'k1' }, clock, random: cryptoRandom });
    const thief = new EvidenceStore({ dataDir: dir, keyring: wrongKeys, clock, random: cryptoRandom, retentionMs: DAY });
    expect(() => thief.get('req-1')).toThrow(expect.objectContaining({ code: 'AUDIT_FAILED' }));
    thief.close();
    // the right key, but the payload copied under another request id
    const db = new Database(join(dir, 'evidence.db'));
    db.exec("INSERT INTO audit_evidence (request_id, kind, at, sealed) SELECT 'req-2', kind, at, sealed FROM audit_evidence WHERE request_id = 'req-1'");
    db.close();
    const keyring = Keyring.open({ dataDir: dir, env: {}, clock, random: cryptoRandom });
    const owner = new EvidenceStore({ dataDir: dir, keyring, clock, random: cryptoRandom, retentionMs: DAY });
    expect(owner.get('req-1')[0]?.payload).toBe(SANITIZED);
    expect(() => owner.get('req-2')).toThrow(/cannot be opened/);
    owner.close();
  });

  it('stays readable after key rotation', () => {
    const { store, keyring } = setup();
    store.put('req-old', 'request', 'before rotation');
    keyring.rotate();
    store.put('req-new', 'request', 'after rotation');
    expect(store.get('req-old')[0]).toMatchObject({ payload: 'before rotation', keyId: 'k1' });
    expect(store.get('req-new')[0]?.keyId).not.toBe('k1');
  });

  it('prunes by age with its own retention', () => {
    const { store, advance } = setup(7);
    store.put('req-a', 'request', 'a');
    advance(5 * DAY);
    store.put('req-b', 'request', 'b');
    advance(3 * DAY); // req-a is 8 days old, req-b 3
    expect(store.prune()).toBe(1);
    expect(store.get('req-a')).toEqual([]);
    expect(store.get('req-b').map((e) => e.payload)).toEqual(['b']);
    advance(5 * DAY);
    expect(store.prune()).toBe(1);
    expect(store.count()).toBe(0);
  });

  it('refuses bad input with coded errors, and a missing configuration', () => {
    const { store, keyring, clock } = setup();
    expect(() => store.put('bad id with spaces', 'request', 'x')).toThrow(expect.objectContaining({ code: 'INPUT_INVALID' }));
    expect(() => new EvidenceStore({ keyring, clock, random: cryptoRandom, retentionMs: 0, dataDir: tmpdir() })).toThrow(
      expect.objectContaining({ code: 'CONFIG_INVALID' }),
    );
  });
});

import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { systemClock, cryptoRandom } from '../core/clock.js';
import { ApiKeyStore } from '../gateway/auth/api-keys.js';
import { openSqlite } from '../store/sqlite.js';
import type { CliIo } from './io.js';
import { main } from './main.js';

async function run(args: string[]) {
  let out = '';
  let err = '';
  const io: CliIo = {
    stdin: (async function* () {})(),
    out: (t) => void (out += t),
    err: (t) => void (err += t),
  };
  return { code: await main(['node', 'airlock', ...args], io), out, err };
}

const lastLine = (text: string): string => text.trimEnd().split('\n').at(-1) ?? '';

function verify(dataDir: string, apiKey: string) {
  const db = openSqlite(dataDir);
  try {
    return new ApiKeyStore({ db, clock: systemClock, random: cryptoRandom }).verify(apiKey);
  } finally {
    db.close();
  }
}

describe('airlock keys create / list / revoke', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'airlock-cli-keys-'));
  });
  afterEach(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it('prints a description and the new key as the last line', async () => {
    const r = await run(['keys', 'create', '--client', 'crm-sync', '--env', 'prod', '--ttl', '30d', '--routes', '/v1/chat/completions', '--models', 'llama3*,mistral-small', '--data-dir', dir]);
    expect(r.code).toBe(0);
    expect(r.err).toBe('');
    const apiKey = lastLine(r.out);
    expect(apiKey).toMatch(/^alk_prod_[0-9A-Za-z]{11}_[0-9A-Za-z]{43}$/);
    expect(r.out.split(apiKey)).toHaveLength(2); // shown once
    expect(r.out).toMatch(/created API key \w{11} for client crm-sync \(prod\)/);
    expect(r.out).toMatch(/scope: routes=\/v1\/chat\/completions models=llama3\*,mistral-small/);
    const principal = verify(dir, apiKey);
    expect(principal).toMatchObject({ client: 'crm-sync', environment: 'prod', models: ['llama3*', 'mistral-small'] });
    expect((principal.expiresAt ?? 0) - Date.now()).toBeGreaterThan(29.9 * 86_400_000);
    // the plaintext secret is nowhere on disk
    const secret = apiKey.slice(-43);
    for (const file of readdirSync(dir)) expect(readFileSync(join(dir, file)).toString('latin1')).not.toContain(secret);
  });

  it('lists keys as a table without secrets', async () => {
    expect((await run(['keys', 'list', '--data-dir', dir])).out).toBe('no API keys\n');
    const a = lastLine((await run(['keys', 'create', '--client', 'crm-sync', '--env', 'prod', '--data-dir', dir])).out);
    const b = lastLine((await run(['keys', 'create', '--client', 'hr-bot', '--env', 'sandbox', '--ttl', '12h', '--models', 'mistral*', '--data-dir', dir])).out);
    const r = await run(['keys', 'list', '--data-dir', dir]);
    expect(r.code).toBe(0);
    const lines = r.out.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^KEY ID\s+CLIENT\s+ENV\s+CREATED\s+EXPIRES\s+REVOKED\s+SCOPE$/);
    expect(lines).toHaveLength(3);
    expect(lines[1]).toMatch(new RegExp(`^${a.split('_')[2]}\\s+crm-sync\\s+prod\\s+\\S+Z\\s+never\\s+-\\s+routes=any models=any$`));
    expect(lines[2]).toMatch(/hr-bot\s+sandbox\s+\S+Z\s+\S+Z\s+-\s+routes=any models=mistral\*$/);
    for (const key of [a, b]) {
      expect(r.out).not.toContain(key);
      expect(r.out).not.toContain(key.slice(-43, -30));
    }
  });

  it('revokes a key, after which it no longer verifies', async () => {
    const apiKey = lastLine((await run(['keys', 'create', '--client', 'crm-sync', '--env', 'dev', '--data-dir', dir])).out);
    const keyId = apiKey.split('_')[2] as string;
    const r = await run(['keys', 'revoke', keyId, '--data-dir', dir]);
    expect(r).toMatchObject({ code: 0, out: `revoked API key ${keyId}\n` });
    expect(() => verify(dir, apiKey)).toThrow(/API key revoked/);
    expect((await run(['keys', 'revoke', keyId, '--data-dir', dir])).out).toMatch(/already revoked/);
    expect((await run(['keys', 'list', '--data-dir', dir])).out).toMatch(new RegExp(`${keyId}.*\\d{4}-\\d\\d-\\d\\dT\\S+Z\\s+routes=any`));
    const unknown = await run(['keys', 'revoke', apiKey, '--data-dir', dir]);
    expect(unknown.code).toBe(65);
    expect(unknown.err).toMatch(/INPUT_INVALID: unknown API key id/);
    expect(unknown.err).not.toContain(apiKey.slice(-43));
  });

  it('rejects bad arguments with usage or input exit codes', async () => {
    expect((await run(['keys', 'create', '--env', 'prod', '--data-dir', dir])).code).toBe(64);
    const cases: Array<[string[], RegExp]> = [
      [['--client', 'c', '--env', 'qa'], /--env must be one of prod, sandbox, dev/],
      [['--client', 'c', '--env', 'dev', '--ttl', '30'], /durations look like/],
      [['--client', 'bad name', '--env', 'dev'], /client name/],
      [['--client', 'c', '--env', 'dev', '--models', 'a,,b'], /models scope entries/],
    ];
    for (const [args, message] of cases) {
      const r = await run(['keys', 'create', ...args, '--data-dir', dir]);
      expect(r.code).toBe(65);
      expect(r.err).toMatch(message);
      expect(r.out).toBe('');
    }
  });

  it('leaves the encryption-key commands working alongside', async () => {
    await run(['keys', 'create', '--client', 'c', '--env', 'dev', '--data-dir', dir]);
    expect((await run(['keys', 'rotate', '--data-dir', dir])).out).toMatch(/active key is now k2/);
    expect((await run(['keys', 'status', '--data-dir', dir])).out).toMatch(/k1\tdecrypt-only/);
  });
});

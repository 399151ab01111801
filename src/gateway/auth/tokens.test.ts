import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SignJWT, UnsecuredJWT, decodeProtectedHeader } from 'jose';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cryptoRandom, seededRandom, type Clock } from '../../core/clock.js';
import { AirlockError } from '../../core/errors.js';
import { Keyring } from '../../keys/keyring.js';
import { openMemorySqlite } from '../../store/sqlite.js';
import { ApiKeyStore } from './api-keys.js';
import { createClientAuth, type ClientAuth } from './authenticator.js';
import { authorize, narrowScope, parseScopeText, type Principal } from './scope.js';
import { MAX_TOKEN_TTL_SECONDS, TokenService } from './tokens.js';

const T0 = Date.UTC(2025, 0, 1);

function manualClock(start = T0): Clock & { advance(ms: number): void } {
  let t = start;
  return { now: () => t, advance: (ms) => void (t += ms) };
}

async function failure(fn: () => unknown): Promise<AirlockError> {
  try {
    await fn();
  } catch (error) {
    if (error instanceof AirlockError) return error;
    throw error;
  }
  throw new Error('expected an AirlockError');
}

const b64 = (value: unknown): string => Buffer.from(JSON.stringify(value)).toString('base64url');
const parts = (jwt: string): [string, string, string] => jwt.split('.') as [string, string, string];
const payloadOf = (jwt: string): Record<string, unknown> => JSON.parse(Buffer.from(parts(jwt)[1], 'base64url').toString('utf8'));

let dir: string;
let clock: ReturnType<typeof manualClock>;
let keyring: Keyring;
let keys: ApiKeyStore;
let tokens: TokenService;
let auth: ClientAuth;
let apiKey: string;
let principal: Principal;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'airlock-tokens-'));
  clock = manualClock();
  keyring = Keyring.open({ dataDir: dir, env: {}, clock, random: seededRandom(1) });
  keys = new ApiKeyStore({ db: openMemorySqlite(), clock, random: cryptoRandom });
  tokens = new TokenService({ keyring, keys, clock, random: cryptoRandom });
  auth = createClientAuth({ keys, tokens });
  const created = keys.create({
    client: 'crm-sync',
    environment: 'prod',
    routes: ['/v1/chat/completions', '/v1/embeddings'],
    models: ['llama3*', 'mistral-small'],
  });
  apiKey = created.apiKey;
  principal = keys.verify(apiKey);
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('issueToken / verifyToken', () => {
  it('signs HS256 with the keyring key id in the header and round-trips the principal', async () => {
    const { token, expiresIn } = await tokens.issueToken(principal);
    expect(decodeProtectedHeader(token)).toEqual({ alg: 'HS256', typ: 'at+jwt', kid: 'k1' });
    expect(expiresIn).toBe(MAX_TOKEN_TTL_SECONDS);
    expect(await tokens.verifyToken(token)).toEqual({ ...principal, expiresAt: T0 + 900_000, credential: 'token' });
    expect(token).not.toContain(apiKey.slice(-43));
  });

  it('narrows scope, and refuses any scope the key lacks', async () => {
    const narrowed = await tokens.issueToken(principal, { scope: { models: ['llama3.1:8b'], routes: ['/v1/chat/completions'] } });
    const p = await tokens.verifyToken(narrowed.token);
    expect(p.models).toEqual(['llama3.1:8b']);
    expect(p.routes).toEqual(['/v1/chat/completions']);
    expect(() => authorize(p, { route: '/v1/chat/completions', model: 'llama3.1:8b' })).not.toThrow();
    expect((await failure(() => authorize(p, { route: '/v1/embeddings' }))).code).toBe('AUTH_INVALID');
    expect((await failure(() => authorize(p, { route: '/v1/chat/completions', model: 'llama3.1:70b' }))).code).toBe('AUTH_INVALID');

    for (const scope of [{ models: ['gpt-4o'] }, { models: ['llama*'] }, { models: ['*'] }, { routes: ['/v1/sanitize'] }, { models: ['mistral-small*'] }]) {
      const error = await failure(() => tokens.issueToken(principal, { scope }));
      expect(error.code).toBe('AUTH_INVALID');
    }
    expect((await failure(() => tokens.issueToken(principal, { scope: { models: [] } }))).code).toBe('INPUT_INVALID');
  });

  it('lives at most 15 minutes, by the injected clock', async () => {
    expect((await failure(() => tokens.issueToken(principal, { ttlSeconds: 901 }))).code).toBe('INPUT_INVALID');
    expect((await failure(() => tokens.issueToken(principal, { ttlSeconds: 0 }))).code).toBe('INPUT_INVALID');
    const { token } = await tokens.issueToken(principal, { ttlSeconds: 60 });
    clock.advance(59_999);
    await expect(tokens.verifyToken(token)).resolves.toMatchObject({ client: 'crm-sync' });
    clock.advance(1);
    expect((await failure(() => tokens.verifyToken(token))).message).toBe('token expired');

    const full = await tokens.issueToken(principal);
    clock.advance(900_000);
    expect((await failure(() => tokens.verifyToken(full.token))).code).toBe('AUTH_INVALID');
  });

  it('never outlives its API key', async () => {
    const short = keys.create({ client: 'tmp', environment: 'dev', ttlMs: 120_000 });
    const issued = await tokens.issueToken(keys.verify(short.apiKey));
    expect(issued.expiresIn).toBe(120);
    clock.advance(119_500);
    const last = await tokens.issueToken(keys.verify(short.apiKey));
    expect(last.expiresIn).toBe(1);
    expect(last.principal.expiresAt).toBe(T0 + 120_000);
    clock.advance(500);
    expect((await failure(() => tokens.verifyToken(last.token))).code).toBe('AUTH_INVALID');
    const expiring = { ...keys.verify(keys.create({ client: 'tmp', environment: 'dev', ttlMs: 400 }).apiKey) };
    expect((await failure(() => tokens.issueToken(expiring))).message).toMatch(/expires too soon/);
  });

  it('rejects signed tokens whose own claims break the rules', async () => {
    const key = keyring.subkey('jwt', 'k1');
    const sign = (claims: Record<string, unknown>, iat: number, exp: number): Promise<string> =>
      new SignJWT({ akid: principal.keyId, env: 'prod', routes: ['/v1/chat/completions'], models: ['llama3*'], ...claims })
        .setProtectedHeader({ alg: 'HS256', typ: 'at+jwt', kid: 'k1' })
        .setIssuer('airlock')
        .setAudience('airlock-gateway')
        .setSubject('crm-sync')
        .setJti('j')
        .setIssuedAt(iat)
        .setExpirationTime(exp)
        .sign(key);
    const now = T0 / 1000;
    expect((await tokens.verifyToken(await sign({}, now, now + 900))).client).toBe('crm-sync');
    for (const forged of [
      await sign({}, now, now + 3600), // lifetime beyond 15 minutes
      await sign({}, now + 60, now + 900), // issued in the future
      await sign({ models: ['*'] }, now, now + 60), // wider than the key
      await sign({ env: 'dev' }, now, now + 60), // another environment
      await sign({ akid: 'Zzzzzzzzzzz' }, now, now + 60), // unknown key
      await sign({ routes: 'x' }, now, now + 60), // malformed claim
    ]) {
      expect((await failure(() => tokens.verifyToken(forged))).code).toBe('AUTH_INVALID');
    }
  });

  it('rejects tampered tokens', async () => {
    const { token } = await tokens.issueToken(principal, { scope: { models: ['mistral-small'] } });
    const [h, p, s] = parts(token);
    const widened = b64({ ...payloadOf(token), models: ['*'] });
    const otherClient = b64({ ...payloadOf(token), sub: 'someone-else' });
    const flipped = s.slice(0, 5) + (s[5] === 'A' ? 'B' : 'A') + s.slice(6);
    for (const bad of [`${h}.${widened}.${s}`, `${h}.${otherClient}.${s}`, `${h}.${p}.${flipped}`, `${h}.${p}.`, `${h}.${p}`, `${token}x`, 'not.a.jwt', '']) {
      expect((await failure(() => tokens.verifyToken(bad))).code).toBe('AUTH_INVALID');
    }
  });

  it('rejects alg none and other algorithms', async () => {
    const claims = payloadOf((await tokens.issueToken(principal)).token);
    const unsecured = new UnsecuredJWT(claims).encode();
    expect((await failure(() => tokens.verifyToken(unsecured))).code).toBe('AUTH_INVALID');
    const { token } = await tokens.issueToken(principal);
    const [, p, s] = parts(token);
    for (const header of [
      { alg: 'none', typ: 'at+jwt', kid: 'k1' },
      { alg: 'HS512', typ: 'at+jwt', kid: 'k1' },
      { alg: 'HS256', typ: 'JWT', kid: 'k1' },
    ]) {
      expect((await failure(() => tokens.verifyToken(`${b64(header)}.${p}.${s}`))).code).toBe('AUTH_INVALID');
      expect((await failure(() => tokens.verifyToken(`${b64(header)}.${p}.x`))).code).toBe('AUTH_INVALID');
    }
  });

  it('rejects a wrong or unknown kid, and keys of another keyring', async () => {
    const { token } = await tokens.issueToken(principal);
    const [, p, s] = parts(token);
    const relabelled = (kid: unknown): string => `${b64({ alg: 'HS256', typ: 'at+jwt', kid })}.${p}.${s}`;
    expect((await failure(() => tokens.verifyToken(relabelled('k9')))).code).toBe('AUTH_INVALID');
    expect((await failure(() => tokens.verifyToken(relabelled(undefined)))).code).toBe('AUTH_INVALID');
    keyring.rotate();
    expect((await failure(() => tokens.verifyToken(relabelled('k2')))).code).toBe('AUTH_INVALID');

    const otherDir = mkdtempSync(join(tmpdir(), 'airlock-tokens-other-'));
    try {
      const other = Keyring.open({ dataDir: otherDir, env: {}, clock, random: seededRandom(2) });
      const foreign = new TokenService({ keyring: other, keys, clock, random: cryptoRandom });
      const forged = (await foreign.issueToken(principal)).token;
      expect(decodeProtectedHeader(forged).kid).toBe('k1');
      expect((await failure(() => tokens.verifyToken(forged))).code).toBe('AUTH_INVALID');
    } finally {
      rmSync(otherDir, { recursive: true, force: true });
    }
  });

  it('keeps verifying tokens across a key rotation, in this process and after a restart', async () => {
    const before = (await tokens.issueToken(principal)).token;
    keyring.rotate();
    const after = (await tokens.issueToken(principal)).token;
    expect(decodeProtectedHeader(after).kid).toBe('k2');
    const restarted = new TokenService({ keyring: Keyring.open({ dataDir: dir, env: {}, clock, random: cryptoRandom }), keys, clock, random: cryptoRandom });
    for (const service of [tokens, restarted]) {
      expect((await service.verifyToken(before)).client).toBe('crm-sync');
      expect((await service.verifyToken(after)).client).toBe('crm-sync');
    }
  });

  it('ends tokens when their API key is revoked, and never mints tokens from tokens', async () => {
    const { token } = await tokens.issueToken(principal);
    const holder = await tokens.verifyToken(token);
    expect((await failure(() => tokens.issueToken(holder))).code).toBe('AUTH_INVALID');
    keys.revoke(principal.keyId);
    expect((await failure(() => tokens.verifyToken(token))).code).toBe('AUTH_INVALID');
  });
});

describe('authenticate / authorize', () => {
  it('accepts Bearer API keys and Bearer tokens', async () => {
    expect(await auth.authenticate(`Bearer ${apiKey}`)).toEqual(principal);
    const { token } = await tokens.issueToken(principal, { scope: { models: ['mistral-small'] } });
    expect(await auth.authenticate(`bearer ${token}`)).toMatchObject({ credential: 'token', models: ['mistral-small'] });
  });

  it('refuses everything else without quoting it', async () => {
    const secret = apiKey.slice(-43);
    for (const header of [undefined, '', 'Bearer', 'Bearer ', apiKey, `Basic ${apiKey}`, `Bearer ${apiKey} extra`, `Bearer ${apiKey.slice(0, -1)}`, `Bearer ${'x'.repeat(20_000)}`]) {
      const error = await failure(() => auth.authenticate(header));
      expect(error.code).toBe('AUTH_INVALID');
      expect(error.message).not.toContain(secret.slice(0, 12));
    }
  });

  it('authorizes by route and model patterns', () => {
    expect(() => authorize(principal, { route: '/v1/chat/completions', model: 'llama3.2:1b' })).not.toThrow();
    expect(() => authorize(principal, { route: '/v1/embeddings' })).not.toThrow();
    expect(() => authorize(principal, { route: '/v1/chat/completions', model: 'gpt-4o' })).toThrow(/model is outside/);
    expect(() => authorize(principal, { route: '/v1/models' })).toThrow(/route is outside/);
    expect(() => authorize(principal, { route: '/v1/chat/completions', model: 'mistral-small-2' })).toThrow(AirlockError);
  });

  it('parses scope text and narrows with wildcards', () => {
    expect(parseScopeText('models:a,b  routes:/v1/chat/completions models:c')).toEqual({ models: ['a', 'b', 'c'], routes: ['/v1/chat/completions'] });
    expect(() => parseScopeText('models:')).toThrow(AirlockError);
    expect(() => parseScopeText('openid')).toThrow(AirlockError);
    expect(narrowScope({ routes: ['*'], models: ['gpt-*'] }, { models: ['gpt-4*'] })).toEqual({ routes: ['*'], models: ['gpt-4*'] });
  });
});

describe('handleTokenRequest', () => {
  it('issues a narrowed token for client_secret in a JSON body', async () => {
    const res = await auth.handleTokenRequest(
      { grant_type: 'client_credentials', client_secret: apiKey, scope: 'models:mistral-small routes:/v1/chat/completions' },
      {},
    );
    expect(res).toMatchObject({ token_type: 'Bearer', expires_in: 900, scope: 'models:mistral-small routes:/v1/chat/completions' });
    const holder = await auth.authenticate(`Bearer ${res.access_token}`);
    expect(() => authorize(holder, { route: '/v1/chat/completions', model: 'mistral-small' })).not.toThrow();
    expect(() => authorize(holder, { route: '/v1/chat/completions', model: 'llama3' })).toThrow(AirlockError);
  });

  it('accepts Basic auth and form-encoded bodies', async () => {
    const basic = `Basic ${Buffer.from(`crm-sync:${apiKey}`).toString('base64')}`;
    const res = await auth.handleTokenRequest('grant_type=client_credentials', { Authorization: basic });
    expect(res.scope).toBe('models:llama3*,mistral-small routes:/v1/chat/completions,/v1/embeddings');
    const form = await auth.handleTokenRequest(`grant_type=client_credentials&client_secret=${encodeURIComponent(apiKey)}&scope=models%3Allama3.1`, {});
    expect(form.scope).toBe('models:llama3.1 routes:/v1/chat/completions,/v1/embeddings');
  });

  it('refuses bad grants, credentials and scopes', async () => {
    const basic = (id: string, secret: string): string => `Basic ${Buffer.from(`${id}:${secret}`).toString('base64')}`;
    const cases: Array<[unknown, Record<string, string>, string]> = [
      [{ grant_type: 'password', client_secret: apiKey }, {}, 'INPUT_INVALID'],
      [{ client_secret: apiKey }, {}, 'INPUT_INVALID'],
      [[], {}, 'INPUT_INVALID'],
      [{ grant_type: 'client_credentials' }, {}, 'AUTH_INVALID'],
      [{ grant_type: 'client_credentials', client_secret: 42 }, {}, 'INPUT_INVALID'],
      [{ grant_type: 'client_credentials', client_secret: apiKey }, { authorization: basic('crm-sync', apiKey) }, 'AUTH_INVALID'],
      [{ grant_type: 'client_credentials' }, { authorization: basic('someone-else', apiKey) }, 'AUTH_INVALID'],
      [{ grant_type: 'client_credentials' }, { authorization: 'Basic !!!' }, 'AUTH_INVALID'],
      [{ grant_type: 'client_credentials', client_secret: `${apiKey}x` }, {}, 'AUTH_INVALID'],
      [{ grant_type: 'client_credentials', client_secret: apiKey, scope: 'models:gpt-4o' }, {}, 'AUTH_INVALID'],
      [{ grant_type: 'client_credentials', client_secret: apiKey, scope: 'admin' }, {}, 'INPUT_INVALID'],
    ];
    for (const [body, headers, code] of cases) {
      const error = await failure(() => auth.handleTokenRequest(body, headers));
      expect(error.code).toBe(code);
      expect(error.message).not.toContain(apiKey.slice(-43, -30));
    }
    const { token } = await tokens.issueToken(principal);
    expect((await failure(() => auth.handleTokenRequest({ grant_type: 'client_credentials', client_secret: token }, {}))).code).toBe('AUTH_INVALID');
  });
});

import { mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CliIo } from './io.js';
import { main } from './main.js';

async function run(args: string[], stdin = '') {
  let out = '';
  let err = '';
  const io: CliIo = {
    stdin: (async function* () {
      if (stdin) yield Buffer.from(stdin, 'utf8');
    })(),
    out: (t) => void (out += t),
    err: (t) => void (err += t),
  };
  return { code: await main(['node', 'airlock', ...args], io), out, err };
}

describe('airlock sanitize / restore / keys', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'airlock-cli-'));

  it('sanitizes, then restores the answer for the same session', async () => {
    const text = 'Please summarise: Jürgen Müller (j.mueller@example.de) paid with 4111 1111 1111 1111.';
    const sanitized = await run(['sanitize', '--session', 'conv-1', '--data-dir', dataDir], text);
    expect(sanitized.code).toBe(0);
    expect(sanitized.out).not.toContain('j.mueller@example.de');
    expect(sanitized.out).not.toContain('4111');
    expect(sanitized.out).toContain('[CREDIT_CARD]');
    const token = sanitized.out.match(/EMAIL_ADDRESS_\d+/)?.[0] as string;
    const restored = await run(['restore', '--session', 'conv-1', '--data-dir', dataDir], `Reply to ${token.toLowerCase()} now; card [CREDIT_CARD].`);
    expect(restored.out).toBe('Reply to j.mueller@example.de now; card [CREDIT_CARD].');
    expect(statSync(join(dataDir, 'keys.json')).mode & 0o077).toBe(0);
  });

  it('explains on stderr without values, and makes a session when none is given', async () => {
    const r = await run(['sanitize', '--explain', '--data-dir', dataDir], '{"attributes":{"type":"Contact"},"Email":"jane@example.com"}');
    expect(r.code).toBe(0);
    expect(r.err).toMatch(/airlock: session [0-9a-f-]{36}/);
    const explain = JSON.parse(r.err.slice(r.err.indexOf('{')));
    expect(explain.items[0]).toMatchObject({ path: 'Email', object: 'Contact', level: 'Confidential', fieldAction: { action: 'pseudonymize' } });
    expect(r.err).not.toContain('jane@example.com');
  });

  it('keeps restoring old sessions after a key rotation', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'airlock-rot-'));
    const s = await run(['sanitize', '--session', 'r', '--data-dir', dir], 'mail jane.doe@example.com');
    expect((await run(['keys', 'rotate', '--data-dir', dir])).out).toMatch(/active key is now k2/);
    expect((await run(['restore', '--session', 'r', '--data-dir', dir], s.out)).out).toBe('mail jane.doe@example.com');
    const status = await run(['keys', 'status', '--data-dir', dir]);
    expect(status.out).toMatch(/k1\tdecrypt-only/);
    expect(status.out).toMatch(/k2\tactive/);
  });

  it('rejects bad input and bad policies with coded errors', async () => {
    const bad = await run(['sanitize', '--session', 'x', '--data-dir', dataDir], '{"broken": ');
    expect(bad.code).toBe(65);
    expect(bad.err).toMatch(/INPUT_INVALID_JSON/);
    const policy = join(dataDir, 'bad-policy.yaml');
    const { writeFileSync } = await import('node:fs');
    writeFileSync(policy, 'version: 1\nentities:\n  EMAIL_ADDRESS: { action: mask, keepLast: 42 }\n');
    const r = await run(['sanitize', '--policy', policy, '--data-dir', dataDir], 'x');
    expect(r.code).toBe(78);
    expect(r.err).toMatch(/POLICY_INVALID: entities\.EMAIL_ADDRESS: mask\.keepLast/);
  });
});

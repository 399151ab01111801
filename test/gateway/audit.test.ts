import OpenAI from 'openai';
import { describe, expect, it } from 'vitest';
import type { CliIo } from '../../src/cli/io.js';
import { main } from '../../src/cli/main.js';
import { startUpstream } from '../support/upstream.js';
import { startGateway } from './support.js';

async function cli(args: string[]) {
  let out = '';
  const io: CliIo = { stdin: (async function* () {})(), out: (t) => void (out += t), err: (t) => void (out += t) };
  return { code: await main(['node', 'airlock', ...args], io), out };
}

describe('every gateway call leaves an audit record', () => {
  it('records decisions, residency exceptions and the policy hash — never content — in a chain that verifies', async () => {
    const upstream = await startUpstream();
    const gw = await startGateway({
      policy: {
        version: 'audit-1',
        endpoints: [{ id: 'us', kind: 'openai-compatible', url: upstream.url, models: ['m'], jurisdiction: 'US' }],
        residency: { exceptions: [{ id: 'us-sccs', origin: 'EU', to: { endpoint: 'us' }, reason: 'SCCs signed 2026-03-01, TIA on file' }] },
        rules: [{ id: 'no-keys', match: { entity: 'SECRET' }, action: 'block' }],
      },
    });
    const client = new OpenAI({ apiKey: gw.key, baseURL: gw.url, maxRetries: 0 });
    await client.chat.completions.create({ model: 'm', messages: [{ role: 'user', content: 'Write to Jürgen Müller at j.mueller@example.de' }] });
    await client.chat.completions.create({ model: 'm', messages: [{ role: 'user', content: 'key sk-proj-Xq7vT2mN9pL4kR8sW1yB3dF6hJ0cV5gZaB3c' }] }).catch(() => undefined);
    await gw.close();
    await upstream.close();

    const exported = await cli(['audit', 'export', '--format', 'jsonl', '--data-dir', gw.dataDir]);
    expect(exported.code).toBe(0);
    const records = exported.out.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    const ends = records.filter((r) => JSON.stringify(r).includes('"phase":"end"'));
    expect(ends.map((r) => JSON.stringify(r))).toEqual([
      expect.stringMatching(/"decision":"transformed".*|.*"exceptions":\["us-sccs"\].*/),
      expect.stringMatching(/"decision":"blocked"/),
    ]);
    expect(exported.out).toContain('"exceptions":["us-sccs"]');
    expect(exported.out).toMatch(/"policyHash":"[0-9a-f]{64}"/);
    for (const raw of ['Jürgen', 'Müller', 'j.mueller@example.de', 'sk-proj-']) expect(exported.out).not.toContain(raw);
    const verified = await cli(['audit', 'verify', '--data-dir', gw.dataDir]);
    expect(verified.code).toBe(0);
  });
});

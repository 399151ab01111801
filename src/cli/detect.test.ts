import { describe, expect, it } from 'vitest';
import type { CliIo } from './io.js';
import { main } from './main.js';

async function run(args: string[], stdin: Array<string | Buffer> = []) {
  let out = '';
  let err = '';
  const io: CliIo = {
    stdin: (async function* () {
      for (const chunk of stdin) yield chunk;
    })(),
    out: (t) => {
      out += t;
    },
    err: (t) => {
      err += t;
    },
  };
  const code = await main(['node', 'airlock', ...args], io);
  return { code, out, err };
}

describe('airlock detect', () => {
  it('writes one result line per input line, in order, with JS string offsets', async () => {
    const { code, out } = await run(['detect'], [
      '{"text":"🚀 écrire à jane.doe@example.com"}\n"IP 10.1.2.3"\n',
      '{"text":"nothing here"}\n',
    ]);
    expect(code).toBe(0);
    const lines = out.trimEnd().split('\n').map((l) => JSON.parse(l));
    expect(lines).toHaveLength(3);
    const text = '🚀 écrire à jane.doe@example.com';
    const [email] = lines[0].findings;
    expect(text.slice(email.start, email.end)).toBe('jane.doe@example.com');
    expect(email).toEqual({ entity: 'EMAIL_ADDRESS', start: email.start, end: email.end, score: 1, detector: 'email' });
    expect(lines[1].findings[0].entity).toBe('IP_ADDRESS');
    expect(lines[2]).toEqual({ findings: [] });
  });

  it('reassembles lines split across chunks, including inside a multi-byte character', async () => {
    const bytes = Buffer.from('{"text":"Zoë at zoe@example.org"}\n', 'utf8');
    const chunks = [bytes.subarray(0, 11), bytes.subarray(11, 12), bytes.subarray(12)];
    const { out } = await run(['detect'], chunks);
    const text = 'Zoë at zoe@example.org';
    const spans = JSON.parse(out).findings.map((f: { entity: string; start: number; end: number }) => [f.entity, text.slice(f.start, f.end)]);
    expect(spans).toEqual([
      ['PERSON', 'Zoë'],
      ['EMAIL_ADDRESS', 'zoe@example.org'],
    ]);
  });

  it('answers a bad line with a coded error and goes on', async () => {
    const { code, out } = await run(['detect'], [
      '{not json\n',
      Buffer.from([0x22, 0xff, 0xfe, 0x22, 0x0a]),
      '{"text": 42}\n',
      '[1,2]\n',
      `${'['.repeat(100_000)}\n`,
      '"a@b.example.com"\n',
    ]);
    expect(code).toBe(0);
    const lines = out.trimEnd().split('\n').map((l) => JSON.parse(l));
    expect(lines.map((l) => l.error?.code ?? 'ok')).toEqual([
      'INPUT_INVALID_JSON',
      'INPUT_INVALID_UTF8',
      'INPUT_INVALID',
      'INPUT_INVALID',
      'INPUT_INVALID_JSON',
      'ok',
    ]);
  });

  it('filters by --min-score', async () => {
    const input = '"seen 10.1.2.3 mail jane@example.com"\n';
    const all = JSON.parse((await run(['detect'], [input])).out).findings;
    const strong = JSON.parse((await run(['detect', '--min-score', '0.9'], [input])).out).findings;
    expect(all.map((f: { entity: string }) => f.entity)).toEqual(['IP_ADDRESS', 'EMAIL_ADDRESS']);
    expect(strong.map((f: { entity: string }) => f.entity)).toEqual(['EMAIL_ADDRESS']);
  });

  it('prints a table with masked values for --text', async () => {
    const { code, out } = await run(['detect', '--text', 'mail jane.doe@example.com']);
    expect(code).toBe(0);
    expect(out).toMatch(/EMAIL_ADDRESS\s+5-25\s+1\.00\s+email\s+j\*+m/);
    expect(out).not.toContain('jane.doe@example.com');
  });

  it('rejects a bad --min-score with a usage error', async () => {
    const { code, err } = await run(['detect', '--min-score', '7']);
    expect(code).toBe(64);
    expect(err).toMatch(/0 to 1/);
  });

  it('fails on an invalid dictionary file with a config error code', async () => {
    const { code, err } = await run(['detect', '--dictionary', '/nonexistent/dict.yaml', '--text', 'x']);
    expect(code).toBe(78);
    expect(err).toMatch(/CONFIG_INVALID/);
  });
});

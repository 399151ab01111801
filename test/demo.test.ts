import { describe, expect, it } from 'vitest';
import type { CliIo } from '../src/cli/io.js';
import { main } from '../src/cli/main.js';

describe('airlock demo (the README main command)', () => {
  it('runs the five scripted calls, blocks the US transfer, never shows the model a raw value, and leaves an intact audit chain', async () => {
    let out = '';
    const io: CliIo = { stdin: (async function* () {})(), out: (t) => void (out += t), err: (t) => void (out += t) };
    expect(await main(['node', 'airlock', 'demo'], io)).toBe(0);
    const sawLines = out.split('\n').filter((l) => l.includes('model saw'));
    expect(sawLines).toHaveLength(4);
    for (const raw of ["Sean O'Brien", 'Priya Patel', 'priya.patel@acme.example', 'DE89 3704', '4111 1111', 'sk-proj-', '$195,000']) {
      for (const line of sawLines) expect(line).not.toContain(raw);
    }
    expect(out).toMatch(/EU personal data to a US vendor\n {2}outcome {5}BLOCKED 403 RESIDENCY_NO_COMPLIANT_ENDPOINT/);
    expect(out).toContain("caller got  Noted. I worked on: Summarise case 5003000000D8cuI: patient Sean O'Brien");
    expect(out).toMatch(/records 1\.\.9 \(9 walked\)/);
    expect(out).toContain('INTACT');
  }, 60_000);
});

import { createServer, type Server } from 'node:http';
import { existsSync, mkdtempSync } from 'node:fs';
import { createServer as createTcpServer, type AddressInfo, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command } from 'commander';
import OpenAI from 'openai';
import { afterEach, describe, expect, it } from 'vitest';
import type { CliIo } from '../../src/cli/io.js';
import { main } from '../../src/cli/main.js';
import { serveCommand } from '../../src/cli/serve.js';
import { EvidenceStore } from '../../src/audit/evidence.js';
import { openAudit } from '../../src/audit/index.js';
import { cryptoRandom, systemClock } from '../../src/core/clock.js';
import { Keyring } from '../../src/keys/keyring.js';

/**
 * `airlock serve --audit-forward URL`: the gateway ships its audit trail live and stops the
 * forwarder with the server; a dead collector never holds up a request.
 */

const MASTER_KEY = Buffer.alloc(32, 9).toString('base64');
const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

function io(): CliIo & { text(): string } {
  let out = '';
  return { stdin: (async function* () {})(), out: (t) => void (out += t), err: (t) => void (out += t), text: () => out };
}

/** Starts `airlock serve` in this process, with a client key made through the CLI first. */
async function serve(args: string[]): Promise<{ url: string; key: string; dataDir: string; stop(): Promise<void> }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'airlock-serve-forward-'));
  const keysIo = io();
  expect(await main(['node', 'airlock', 'keys', 'create', '--client', 'crm', '--env', 'prod', '--data-dir', dataDir], keysIo)).toBe(0);
  const key = keysIo.text().trim().split('\n').at(-1) as string;
  let listening: { url: string; stop(): Promise<void> } | undefined;
  const program = new Command('airlock').exitOverride();
  program.addCommand(serveCommand(io(), (url, stop) => void (listening = { url, stop })));
  await program.parseAsync(['node', 'airlock', 'serve', '--port', '0', '--data-dir', dataDir, ...args]);
  if (listening === undefined) throw new Error('serve did not start');
  return { ...listening, key, dataDir };
}

/** Polls with a generous deadline: a CI machine may be slow, so never a fixed delay. */
async function eventually(check: () => boolean, deadlineMs = 20_000): Promise<void> {
  const until = Date.now() + deadlineMs;
  while (!check()) {
    if (Date.now() > until) throw new Error('condition not reached before the deadline');
    await new Promise((r) => setTimeout(r, 25));
  }
}

function listen(server: Server): Promise<number> {
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port)));
}

describe('airlock serve --audit-forward', () => {
  it('ships every audit record of the requests to an HTTP collector (Splunk HEC), and stops with the server', async () => {
    process.env['AIRLOCK_MASTER_KEY'] = MASTER_KEY;
    cleanups.push(async () => void delete process.env['AIRLOCK_MASTER_KEY']);
    const events: Array<{ seq: number; requestId?: string; phase?: string }> = [];
    let authorization: string | undefined;
    const collector = createServer((req, res) => {
      let body = '';
      req.on('data', (c: Buffer) => (body += c.toString()));
      req.on('end', () => {
        authorization = req.headers.authorization;
        for (const line of body.split('\n').filter(Boolean)) {
          const e = (JSON.parse(line) as { event: { seq: number; requestId?: string; phase?: string } }).event;
          events.push({ seq: e.seq, ...(e.requestId ? { requestId: e.requestId } : {}), ...(e.phase ? { phase: e.phase } : {}) });
        }
        res.writeHead(200, { 'content-type': 'application/json' }).end('{"text":"Success","code":0}');
      });
    });
    const port = await listen(collector);
    cleanups.push(
      () =>
        new Promise((r) => {
          collector.closeAllConnections();
          collector.close(() => r());
        }),
    );
    process.env['AIRLOCK_AUDIT_FORWARD_TOKEN'] = 'hec-token-for-test';
    cleanups.push(async () => void delete process.env['AIRLOCK_AUDIT_FORWARD_TOKEN']);

    const gw = await serve(['--audit-forward', `http://127.0.0.1:${port}/services/collector/event`]);
    let stopped = false;
    cleanups.push(async () => {
      if (!stopped) await gw.stop();
    });
    const client = new OpenAI({ apiKey: gw.key, baseURL: `${gw.url}/v1`, maxRetries: 0 });
    for (let i = 0; i < 3; i++) {
      await client.chat.completions.create({ model: 'dry-run', messages: [{ role: 'user', content: `Call Jane Doe at +1 415 555 01${i}2` }] });
    }
    // 3 requests: a begin and an end record each, shipped in seq order
    await eventually(() => events.filter((e) => e.phase === 'end').length >= 3);
    const seqs = events.map((e) => e.seq);
    expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
    expect(new Set(events.map((e) => e.requestId)).size).toBe(3);
    expect(authorization).toBe('Splunk hec-token-for-test');
    expect(JSON.stringify(events)).not.toContain('Jane');

    await gw.stop();
    stopped = true;
    // the cursor persisted what was shipped; nothing is left pending
    const status = io();
    expect(await main(['node', 'airlock', 'audit', 'status', '--data-dir', gw.dataDir], status)).toBe(0);
    expect(status.text()).toMatch(/forwarder splunk-hec[^\n]*: shipped through seq \d+ \(0 behind\)/);
    // the evidence store is opt-in: nothing was written
    expect(existsSync(join(gw.dataDir, 'evidence.db'))).toBe(false);
  });

  it('never holds up a request while the collector is dead, and ships once it is back', async () => {
    process.env['AIRLOCK_MASTER_KEY'] = MASTER_KEY;
    cleanups.push(async () => void delete process.env['AIRLOCK_MASTER_KEY']);
    // a port with nothing listening: every delivery is refused
    const probe = createTcpServer();
    const port = await new Promise<number>((resolve) => probe.listen(0, '127.0.0.1', () => resolve((probe.address() as AddressInfo).port)));
    await new Promise<void>((r) => probe.close(() => r()));

    const gw = await serve(['--audit-forward', `syslog+tcp://127.0.0.1:${port}`]);
    cleanups.push(() => gw.stop());
    const client = new OpenAI({ apiKey: gw.key, baseURL: `${gw.url}/v1`, maxRetries: 0 });
    for (let i = 0; i < 5; i++) {
      const answer = await client.chat.completions.create({ model: 'dry-run', messages: [{ role: 'user', content: `hello ${i}` }] });
      expect(answer.choices[0]?.message).toBeDefined();
    }

    // the collector comes up on that port: the forwarder retries and delivers from its cursor
    const received: string[] = [];
    const sockets = new Set<Socket>();
    const collector = createTcpServer((socket) => {
      sockets.add(socket);
      socket.on('data', (d: Buffer) => received.push(d.toString()));
    });
    await new Promise<void>((resolve) => collector.listen(port, '127.0.0.1', () => resolve()));
    cleanups.push(
      () =>
        new Promise((r) => {
          for (const socket of sockets) socket.destroy();
          collector.close(() => r());
        }),
    );
    await eventually(() => (received.join('').match(/request-end/g) ?? []).length >= 5, 60_000);
  }, 90_000);

  it('--audit-evidence-days keeps the sanitized request, encrypted, linked by request id — never the raw one', async () => {
    process.env['AIRLOCK_MASTER_KEY'] = MASTER_KEY;
    cleanups.push(async () => void delete process.env['AIRLOCK_MASTER_KEY']);
    const gw = await serve(['--audit-evidence-days', '30']);
    const client = new OpenAI({ apiKey: gw.key, baseURL: `${gw.url}/v1`, maxRetries: 0 });
    await client.chat.completions.create({ model: 'dry-run', messages: [{ role: 'user', content: 'Refund Jane Doe, jane.doe@example.com, marker zq-41' }] });
    await gw.stop();

    const audit = openAudit({ dataDir: gw.dataDir, readOnly: true, env: {} });
    const ends = [];
    for await (const r of audit.store.records({ phase: 'end' })) ends.push(r.record);
    await audit.store.close();
    const requestId = (ends[0] as { requestId: string }).requestId;
    const keyring = Keyring.open({ dataDir: gw.dataDir, env: { AIRLOCK_MASTER_KEY: MASTER_KEY }, clock: systemClock, random: cryptoRandom });
    const evidence = new EvidenceStore({ dataDir: gw.dataDir, keyring, clock: systemClock, random: cryptoRandom, retentionMs: 30 * 86_400_000 });
    const items = evidence.get(requestId);
    evidence.close();
    expect(items.map((i) => i.kind)).toEqual(['request']);
    const sent = items[0]?.payload ?? '';
    expect(sent).toContain('marker zq-41'); // the request as it left…
    expect(sent).not.toContain('jane.doe@example.com'); // …after the policy's transforms
    const { readFileSync, readdirSync } = await import('node:fs');
    for (const f of readdirSync(gw.dataDir).filter((n) => n.startsWith('evidence.db'))) {
      expect(readFileSync(join(gw.dataDir, f)).toString('latin1')).not.toContain('zq-41');
    }
  });
});

import { createSocket } from 'node:dgram';
import { readFileSync } from 'node:fs';
import { createServer as createHttpServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { createServer as createTcpServer, type AddressInfo, type Server, type Socket } from 'node:net';
import { join } from 'node:path';
import { createServer as createTlsServer } from 'node:tls';
import { afterEach, describe, expect, it } from 'vitest';
import { appendMany, sampleRecord, tempStore, type TestStore } from '../../../test/audit/support.js';
import { seededRandom } from '../../core/clock.js';
import { AuditForwarder } from './forwarder.js';
import { httpSink } from './http-sink.js';
import { syslogSink } from './syslog-sink.js';

const FIXTURES = join(import.meta.dirname, '../../../test/audit/fixtures');
const cleanups: Array<() => Promise<unknown> | unknown> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

function store(): TestStore {
  const t = tempStore();
  cleanups.push(() => t.store.close());
  return t;
}

const fast = { retryBaseMs: 10, retryMaxMs: 50, pollMs: 20, random: seededRandom(3) };
const seqOf = (message: string) => Number(/ seq="(\d+)"/.exec(message)?.[1]);

async function until(condition: () => boolean, ms = 10_000): Promise<void> {
  const start = Date.now();
  while (!condition()) {
    if (Date.now() - start > ms) throw new Error('timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

function listen(server: Server, port = 0): Promise<number> {
  const sockets = new Set<Socket>();
  server.on('connection', (s: Socket) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  cleanups.push(
    () =>
      new Promise((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(resolve);
      }),
  );
  return new Promise((resolve) => server.listen(port, '127.0.0.1', () => resolve((server.address() as AddressInfo).port)));
}

/** An RFC 6587 octet-counting reader: calls `onMessage` per complete frame. */
function frameReader(onMessage: (m: string) => void): (chunk: Buffer) => void {
  let buffer = Buffer.alloc(0);
  return (chunk) => {
    buffer = Buffer.concat([buffer, chunk]);
    for (;;) {
      const space = buffer.indexOf(0x20);
      if (space < 0) return;
      const length = Number(buffer.subarray(0, space).toString('ascii'));
      if (buffer.length < space + 1 + length) return;
      onMessage(buffer.subarray(space + 1, space + 1 + length).toString('utf8'));
      buffer = buffer.subarray(space + 1 + length);
    }
  };
}

describe('AuditForwarder → syslog', () => {
  it('ships every record over UDP, one RFC 5424 message per datagram, and keeps the cursor', async () => {
    const t = store();
    await appendMany(t.store, 50);
    const received: string[] = [];
    const udp = createSocket('udp4');
    udp.on('message', (m) => received.push(m.toString('utf8')));
    await new Promise<void>((resolve) => udp.bind(0, '127.0.0.1', () => resolve()));
    cleanups.push(() => new Promise<void>((resolve) => udp.close(() => resolve())));

    const sink = syslogSink({ url: `syslog+udp://127.0.0.1:${udp.address().port}`, format: { hostname: 'gw-1' } });
    const forwarder = new AuditForwarder({ store: t.store, sink, batchSize: 20, ...fast });
    expect(await forwarder.drain()).toBe(50);
    await sink.close();
    await until(() => received.length === 50);
    expect(received.map(seqOf)).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
    expect(received[0]).toMatch(/^<1\d\d>1 \S+ gw-1 airlock - request-begin \[airlock@32473 seq="1" /);
    expect(await t.store.cursor(sink.name)).toBe(50);
  });

  it('over TCP: reconnects after the collector drops the connection and resends, losing nothing', async () => {
    const t = store();
    await appendMany(t.store, 100);
    const received: number[] = [];
    let connections = 0;
    const server = createTcpServer((socket: Socket) => {
      connections++;
      const first = connections === 1;
      let frames = 0;
      socket.on(
        'data',
        frameReader((m) => {
          received.push(seqOf(m));
          if (first && ++frames === 30) socket.destroy(); // mid-stream, mid-batch
        }),
      );
    });
    const port = await listen(server);

    const sink = syslogSink({ url: `syslog+tcp://127.0.0.1:${port}`, settleMs: 30 });
    const forwarder = new AuditForwarder({ store: t.store, sink, batchSize: 20, ...fast });
    forwarder.start();
    cleanups.push(() => forwarder.stop());
    await until(() => forwarder.status().shippedSeq === 100);
    expect(connections).toBeGreaterThanOrEqual(2);
    expect(new Set(received)).toEqual(new Set(Array.from({ length: 100 }, (_, i) => i + 1)));
  });

  it('over TCP: waits out a collector that is down, then delivers from the cursor', async () => {
    const t = store();
    await appendMany(t.store, 10);
    const probe = createTcpServer();
    const port = await new Promise<number>((resolve) => probe.listen(0, '127.0.0.1', () => resolve((probe.address() as AddressInfo).port)));
    await new Promise((resolve) => probe.close(resolve)); // nothing listens on `port` now

    const errors: unknown[] = [];
    const sink = syslogSink({ url: `syslog+tcp://127.0.0.1:${port}`, settleMs: 10 });
    const forwarder = new AuditForwarder({ store: t.store, sink, ...fast, onError: (e) => errors.push(e) });
    forwarder.start();
    cleanups.push(() => forwarder.stop());
    await until(() => errors.length >= 2);
    expect(forwarder.status().shippedSeq).toBe(0);

    const received: number[] = [];
    const server = createTcpServer((socket) => socket.on('data', frameReader((m) => received.push(seqOf(m)))));
    await listen(server, port);
    await until(() => forwarder.status().shippedSeq === 10);
    expect(received).toEqual(Array.from({ length: 10 }, (_, i) => i + 1));
    expect(forwarder.status().failures).toBe(0);
  });

  it('over TLS (RFC 5425): verifies the collector certificate and ships live as records are appended', async () => {
    const t = store();
    const cert = readFileSync(join(FIXTURES, 'collector-cert.pem'));
    const received: number[] = [];
    const server = createTlsServer({ cert, key: readFileSync(join(FIXTURES, 'collector-key.pem')) }, (socket) =>
      socket.on('data', frameReader((m) => received.push(seqOf(m)))),
    );
    const port = await listen(server);

    const sink = syslogSink({ url: `syslog+tls://localhost:${port}`, tls: { ca: cert }, settleMs: 10 });
    const forwarder = new AuditForwarder({ store: t.store, sink, ...fast, pollMs: 60_000 }); // commits wake it, not polling
    forwarder.start();
    cleanups.push(() => forwarder.stop());
    await appendMany(t.store, 25);
    await until(() => received.length >= 25);
    await appendMany(t.store, 5, 25);
    await until(() => received.length >= 30);
    expect(received).toEqual(Array.from({ length: 30 }, (_, i) => i + 1));

    // a collector with a certificate we do not trust gets nothing
    const untrusted = syslogSink({ url: `syslog+tls://localhost:${port}` });
    await expect(untrusted.send([{ seq: 1, prevHash: '', hash: '', record: sampleRecord(0) }])).rejects.toThrow(/connect/);
    await untrusted.close();
  });
});

describe('AuditForwarder → HTTP', () => {
  function httpServer(handler: (req: IncomingMessage, body: string, res: ServerResponse) => void): Promise<number> {
    const server = createHttpServer((req, res) => {
      let body = '';
      req.on('data', (c: Buffer) => (body += c.toString('utf8')));
      req.on('end', () => handler(req, body, res));
    });
    return listen(server);
  }

  it('Splunk HEC: retries on 503 with Retry-After, then delivers every record once acknowledged', async () => {
    const t = store();
    await appendMany(t.store, 45);
    const delivered: number[] = [];
    let requests = 0;
    const auth: string[] = [];
    const port = await httpServer((req, body, res) => {
      requests++;
      auth.push(String(req.headers.authorization));
      if (requests <= 2) {
        res.writeHead(503, { 'retry-after': '0' }).end('{"text":"Server is busy","code":9}');
        return;
      }
      for (const line of body.split('\n')) {
        const event = JSON.parse(line) as { time: number; sourcetype: string; event: { seq: number; requestId: string } };
        expect(event.sourcetype).toBe('airlock:audit');
        delivered.push(event.event.seq);
      }
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"text":"Success","code":0}');
    });
    const sink = httpSink({ url: `http://127.0.0.1:${port}/services/collector/event`, kind: 'splunk-hec', token: 'tok-123', chainId: t.store.chainId });
    const forwarder = new AuditForwarder({ store: t.store, sink, batchSize: 20, ...fast });
    expect(await forwarder.drain()).toBe(45);
    expect(delivered).toEqual(Array.from({ length: 45 }, (_, i) => i + 1));
    expect(auth[0]).toBe('Splunk tok-123');
    expect(await t.store.cursor(sink.name)).toBe(45);
  });

  it('Elastic bulk: idempotent document ids, partial item failures retried, 409 counts as delivered', async () => {
    const t = store();
    await appendMany(t.store, 12);
    const indexed = new Map<string, number>();
    let failOnce = true;
    const port = await httpServer((req, body, res) => {
      expect(req.headers['content-type']).toBe('application/x-ndjson');
      const lines = body.trimEnd().split('\n');
      const items: Array<{ create: { status: number } }> = [];
      for (let i = 0; i < lines.length; i += 2) {
        const action = JSON.parse(lines[i] as string) as { create: { _index: string; _id: string } };
        const doc = JSON.parse(lines[i + 1] as string) as { seq: number; '@timestamp': string };
        expect(action.create._index).toBe('airlock-audit');
        if (failOnce && doc.seq === 7) {
          failOnce = false;
          items.push({ create: { status: 429 } });
          continue;
        }
        items.push({ create: { status: indexed.has(action.create._id) ? 409 : 201 } });
        indexed.set(action.create._id, doc.seq);
      }
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ errors: items.some((i) => i.create.status >= 300), items }));
    });
    const sink = httpSink({ url: `http://127.0.0.1:${port}/_bulk`, kind: 'elastic-bulk', chainId: t.store.chainId });
    const forwarder = new AuditForwarder({ store: t.store, sink, batchSize: 100, ...fast });
    await forwarder.drain();
    expect([...indexed.keys()].sort()).toEqual(Array.from({ length: 12 }, (_, i) => `test-chain-${i + 1}`).sort());
    expect(await t.store.cursor(sink.name)).toBe(12);
  });

  it('never blocks appends while the collector hangs, and catches up afterwards', async () => {
    const t = store();
    let hang = true;
    const delivered = new Set<number>();
    const port = await httpServer((_req, body, res) => {
      if (hang) return; // never answers
      for (const line of body.split('\n')) delivered.add((JSON.parse(line) as { event: { seq: number } }).event.seq);
      res.writeHead(200).end('{"code":0}');
    });
    const sink = httpSink({ url: `http://127.0.0.1:${port}/services/collector/event`, kind: 'splunk-hec', chainId: t.store.chainId, timeoutMs: 100 });
    const forwarder = new AuditForwarder({ store: t.store, sink, batchSize: 50, ...fast });
    forwarder.start();
    cleanups.push(() => forwarder.stop());

    const started = Date.now();
    await appendMany(t.store, 200);
    expect(Date.now() - started).toBeLessThan(5_000);
    await until(() => forwarder.status().failures >= 1);
    expect(forwarder.status().shippedSeq).toBe(0);

    hang = false;
    await until(() => forwarder.status().shippedSeq === 200);
    expect(delivered.size).toBe(200);
  });

  it('resumes from the persisted cursor after a restart', async () => {
    const t = store();
    await appendMany(t.store, 30);
    const seen: number[] = [];
    const port = await httpServer((_req, body, res) => {
      for (const line of body.split('\n')) seen.push((JSON.parse(line) as { event: { seq: number } }).event.seq);
      res.writeHead(200).end('{"code":0}');
    });
    const options = { url: `http://127.0.0.1:${port}/services/collector/event`, kind: 'splunk-hec' as const, chainId: t.store.chainId };
    await new AuditForwarder({ store: t.store, sink: httpSink(options), ...fast }).drain();
    await appendMany(t.store, 5, 30);
    await new AuditForwarder({ store: t.store, sink: httpSink(options), ...fast }).drain();
    expect(seen).toEqual(Array.from({ length: 35 }, (_, i) => i + 1));
  });
});

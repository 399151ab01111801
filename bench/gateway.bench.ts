/**
 * npm run bench:gateway — Airlock against the Portkey gateway, in one run on loopback, with
 * ~4 KB CRM-like chat requests (seeded records full of names, e-mails, cards, IBANs, secrets):
 *
 *   direct   load generator → upstream stub
 *   airlock  load generator → Airlock (built-in default policy: detection, transforms,
 *            response inspection, audit) → upstream stub
 *   portkey  load generator → @portkey-ai/gateway (pass-through, no guardrails) → upstream stub
 *
 * Three measurements per target: closed-loop throughput at a fixed concurrency; open-loop
 * latency at a fixed rate (and again at a rate both gateways sustain), timed from each
 * request's scheduled send time (no coordinated omission), with the overhead over direct; and
 * streaming time to first byte / first token.
 * Each target runs in its own process; the load generator is this process (undici pools
 * with keep-alive). Every response is checked (status 2xx and a chat completion body), and a
 * sample of each target is validated in full first. Prints figures and ratios; asserts nothing.
 *
 * Options (env): BENCH_SECONDS (closed- and open-loop duration per target, default 10),
 * BENCH_OPEN_SECONDS, BENCH_LOW_RATE and BENCH_LOW_SECONDS (the second open-loop pass; default
 * half the slower gateway's closed-loop req/s, 5 s), BENCH_WARMUP_SECONDS (default 5: a gateway runs warm; one second still measured V8 optimising Airlock),
 * BENCH_CONCURRENCY (default 16), BENCH_RATE (default 500), BENCH_STREAM_REQUESTS (default 100), BENCH_STREAM_CONCURRENCY
 * (default 8), BENCH_STREAM_TOKEN_MS (stub delay between streamed words, default 5),
 * BENCH_RECORDS (distinct records, default 2000), BENCH_RECORD_LENGTH (default 4096),
 * BENCH_AUDIT_DURABILITY (fsync | commit, default fsync), BENCH_CPU_PROF (a directory: write a
 * V8 CPU profile of the Airlock process there; `tsx bench/gateway-profile.ts FILE` summarises it
 * by part of the request path and by function).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { connect, createServer, type AddressInfo } from 'node:net';
import { availableParallelism, cpus, loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Pool } from 'undici';
import { generateSized } from './corpus.js';

const num = (name: string, fallback: number): number => {
  const value = Number(process.env[name] ?? fallback);
  if (!Number.isFinite(value) || value < 0) throw new Error(`${name} must be a non-negative number`);
  return value;
};
const closedSeconds = num('BENCH_SECONDS', 10);
const openSeconds = num('BENCH_OPEN_SECONDS', closedSeconds);
const lowSeconds = num('BENCH_LOW_SECONDS', Math.min(5, openSeconds));
const warmupSeconds = num('BENCH_WARMUP_SECONDS', 5);
const concurrency = Math.max(1, Math.floor(num('BENCH_CONCURRENCY', 16)));
const rate = Math.max(1, num('BENCH_RATE', 500));
const streamRequests = Math.floor(num('BENCH_STREAM_REQUESTS', 100));
const streamConcurrency = Math.max(1, Math.floor(num('BENCH_STREAM_CONCURRENCY', 8)));
const recordCount = Math.max(1, Math.floor(num('BENCH_RECORDS', 2000)));
const recordLength = Math.max(100, Math.floor(num('BENCH_RECORD_LENGTH', 4096)));
const cpuProfDir = process.env.BENCH_CPU_PROF;

const REQUEST_TIMEOUT_MS = 10_000;
/** More requests in flight than this at the open-loop rate means the target cannot keep up. */
const OPEN_MAX_IN_FLIGHT = 256;
/** Stop an open-loop run once this many seconds' worth of sends had to be shed. */
const OPEN_SHED_STOP_SECONDS = 1;
const STARTUP_TIMEOUT_MS = 30_000;
const CLK_TCK = 100;

const benchDir = dirname(fileURLToPath(import.meta.url));
const repoDir = dirname(benchDir);

// ---------------------------------------------------------------- child processes

const children: ChildProcess[] = [];

function startChild(name: string, args: string[], env: Record<string, string> = {}): ChildProcess {
  const child = spawn(process.execPath, args, {
    cwd: repoDir,
    env: { ...process.env, ...env },
    // stdin is a pipe so children notice when this process goes away
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  children.push(child);
  let tail = '';
  child.stderr?.on('data', (c: Buffer) => {
    tail = (tail + c.toString('utf8')).slice(-4000);
  });
  child.on('exit', (code, signal) => {
    if (!stopping) console.error(`\n${name} exited early (code ${code}, signal ${signal})\n${tail}`);
  });
  return child;
}

function firstLine(child: ChildProcess, name: string): Promise<string> {
  return new Promise((resolve, reject) => {
    let text = '';
    const timer = setTimeout(() => reject(new Error(`${name} did not start within ${STARTUP_TIMEOUT_MS} ms`)), STARTUP_TIMEOUT_MS);
    const onData = (c: Buffer) => {
      text += c.toString('utf8');
      const end = text.indexOf('\n');
      if (end === -1) return;
      clearTimeout(timer);
      child.stdout?.off('data', onData);
      child.stdout?.resume();
      resolve(text.slice(0, end));
    };
    child.stdout?.on('data', onData);
    child.once('exit', () => reject(new Error(`${name} exited before it was ready`)));
  });
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

async function waitForPort(port: number, child: ChildProcess, name: string): Promise<void> {
  const deadline = performance.now() + STARTUP_TIMEOUT_MS;
  while (performance.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${name} exited before it was ready`);
    const open = await new Promise<boolean>((resolve) => {
      const socket = connect(port, '127.0.0.1');
      socket.once('connect', () => {
        socket.destroy();
        resolve(true);
      });
      socket.once('error', () => resolve(false));
    });
    if (open) return;
    await sleep(100);
  }
  throw new Error(`${name} did not open port ${port} within ${STARTUP_TIMEOUT_MS} ms`);
}

let stopping = false;
async function stopChildren(): Promise<void> {
  stopping = true;
  await Promise.all(
    children.map(
      (child) =>
        new Promise<void>((resolve) => {
          if (child.exitCode !== null || child.signalCode !== null) return resolve();
          const kill = setTimeout(() => child.kill('SIGKILL'), 5000);
          child.once('exit', () => {
            clearTimeout(kill);
            resolve();
          });
          child.kill('SIGTERM');
        }),
    ),
  );
}
process.on('exit', () => {
  for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
});
process.on('SIGINT', () => {
  void stopChildren().finally(() => process.exit(130));
});

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Waits until the given processes are idle (under 5% of a core over 250 ms, for up to 30 s), so
 * a gateway still working off a backlog does not steal CPU from the next measurement.
 */
async function settle(pids: ReadonlyArray<number | undefined>): Promise<void> {
  const deadline = performance.now() + 30_000;
  while (performance.now() < deadline) {
    const before = pids.map(cpuMsOf);
    await sleep(250);
    const busy = pids.some((pid, i) => {
      const a = before[i];
      const b = cpuMsOf(pid);
      return a !== undefined && b !== undefined && b - a > 12.5;
    });
    if (!busy) return;
  }
}

/** CPU time (user + system, ms) a process has used so far; undefined where /proc is missing. */
function cpuMsOf(pid: number | undefined): number | undefined {
  if (pid === undefined) return undefined;
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLK_TCK;
  } catch {
    return undefined;
  }
}
/** CPU time (ms) all processes on the machine have used so far, from /proc/stat. */
function machineBusyMs(): number | undefined {
  try {
    const cpu = readFileSync('/proc/stat', 'utf8').split('\n')[0]?.trim().split(/\s+/).slice(1).map(Number) ?? [];
    // user nice system idle iowait irq softirq steal
    const busy = (cpu[0] ?? 0) + (cpu[1] ?? 0) + (cpu[2] ?? 0) + (cpu[5] ?? 0) + (cpu[6] ?? 0);
    return (busy * 1000) / CLK_TCK;
  } catch {
    return undefined;
  }
}
const ownCpuMs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

// ---------------------------------------------------------------- requests

interface Target {
  name: 'direct' | 'airlock' | 'portkey';
  pool: Pool;
  headers: Record<string, string>;
  model: string;
  /** the process doing the target's work besides the stub (the gateway), for CPU accounting */
  pid?: number;
}

const SYSTEM = 'You are the assistant of a CRM account team. Answer briefly and never repeat contact details.';
const records = generateSized(20_260_601, recordCount, recordLength).map((r) => JSON.stringify(r.text).slice(1, -1));
let sequence = 0;

/** A new body for every request: a different record, and a unique reference in the prompt. */
function chatBody(model: string, stream: boolean): string {
  const n = sequence++;
  const text = records[n % records.length] as string;
  return (
    `{"model":"${model}",${stream ? '"stream":true,' : ''}"messages":[{"role":"system","content":"${SYSTEM}"},` +
    `{"role":"user","content":"Summarise the activity below for request ${n}.\\n\\n${text}"}]}`
  );
}

interface Outcome {
  ok: boolean;
  /** HTTP status, or an error code when there was no response */
  status: string;
}

async function chat(target: Target): Promise<Outcome> {
  try {
    const res = await target.pool.request({ method: 'POST', path: '/v1/chat/completions', headers: target.headers, body: chatBody(target.model, false) });
    const text = await res.body.text();
    const ok = res.statusCode >= 200 && res.statusCode < 300 && text.includes('"choices"');
    return { ok, status: String(res.statusCode) };
  } catch (error) {
    return { ok: false, status: (error as { code?: string }).code ?? 'ERROR' };
  }
}

class Tally {
  readonly latencies: number[] = [];
  ok = 0;
  readonly failures = new Map<string, number>();

  add(outcome: Outcome, latencyMs: number): void {
    if (outcome.ok) {
      this.ok++;
      this.latencies.push(latencyMs);
    } else {
      this.failures.set(outcome.status, (this.failures.get(outcome.status) ?? 0) + 1);
    }
  }

  get failed(): number {
    let n = 0;
    for (const v of this.failures.values()) n += v;
    return n;
  }

  failureText(): string {
    return this.failures.size === 0 ? '0' : [...this.failures].map(([s, n]) => `${n}×${s}`).join(' ');
  }
}

function quantiles(values: readonly number[]): { p50: number; p99: number; max: number } {
  if (values.length === 0) return { p50: NaN, p99: NaN, max: NaN };
  const sorted = Float64Array.from(values).sort();
  const q = (p: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))] as number;
  return { p50: q(0.5), p99: q(0.99), max: sorted[sorted.length - 1] as number };
}

// ---------------------------------------------------------------- pipeline stages

/** Airlock's per-stage latency histogram totals (`airlock_stage_seconds`), from its /metrics. */
async function stageTotals(target: Target): Promise<Map<string, { sum: number; count: number }>> {
  const totals = new Map<string, { sum: number; count: number }>();
  try {
    const res = await target.pool.request({ method: 'GET', path: '/metrics' });
    const text = await res.body.text();
    for (const line of text.split('\n')) {
      const m = /^airlock_stage_seconds_(sum|count)\{stage="([^"]+)"\} (\S+)$/.exec(line);
      if (!m) continue;
      const row = totals.get(m[2] as string) ?? { sum: 0, count: 0 };
      row[m[1] as 'sum' | 'count'] = Number(m[3]);
      totals.set(m[2] as string, row);
    }
  } catch {
    // the figures are a diagnosis, not a measurement: without them the run goes on
  }
  return totals;
}

function stageDelta(
  before: ReadonlyMap<string, { sum: number; count: number }>,
  after: ReadonlyMap<string, { sum: number; count: number }>,
): Map<string, { sum: number; count: number }> {
  const delta = new Map<string, { sum: number; count: number }>();
  for (const [stage, a] of after) {
    const b = before.get(stage) ?? { sum: 0, count: 0 };
    if (a.count > b.count) delta.set(stage, { sum: a.sum - b.sum, count: a.count - b.count });
  }
  return delta;
}

// ---------------------------------------------------------------- validation

/** Checks one whole and one streamed answer of a target in full; `reference` is the stub's own answer. */
async function validate(target: Target, reference: string | undefined): Promise<{ line: string; content: string }> {
  const res = await target.pool.request({ method: 'POST', path: '/v1/chat/completions', headers: target.headers, body: chatBody(target.model, false) });
  const text = await res.body.text();
  if (res.statusCode !== 200) throw new Error(`${target.name}: sample request answered ${res.statusCode}: ${text.slice(0, 300)}`);
  const body = JSON.parse(text) as { object?: string; choices?: Array<{ message?: { role?: string; content?: unknown } }> };
  const content = body.choices?.[0]?.message?.content;
  if (body.object !== 'chat.completion' || body.choices?.[0]?.message?.role !== 'assistant' || typeof content !== 'string' || content.length === 0) {
    throw new Error(`${target.name}: sample response is not a chat completion: ${text.slice(0, 300)}`);
  }
  const streamed = await streamOnce(target);
  if (!streamed.ok) throw new Error(`${target.name}: sample stream failed (${streamed.status})`);
  const decision = res.headers['x-airlock-decision'];
  const same = (text: string) => (reference === undefined ? '' : text === reference ? ' (identical to direct)' : ' (DIFFERS from direct)');
  const line =
    `${target.name}: 200 chat.completion, ${content.length} chars${same(content)}; ` +
    `stream ends with [DONE], ${streamed.content.length} chars${same(streamed.content)}` +
    (typeof decision === 'string' ? `\n    x-airlock-decision: ${decision.length > 240 ? `${decision.slice(0, 240)}…` : decision}` : '');
  return { line, content };
}

// ---------------------------------------------------------------- closed loop

interface ClosedRun {
  tally: Tally;
  seconds: number;
  requestsPerSecond: number;
  gatewayCpuMsPerRequest?: number;
  stubCpuMsPerRequest?: number;
  loadCpuMsPerRequest: number;
}

async function closedLoop(target: Target, seconds: number, workers: number, stubPid?: number): Promise<ClosedRun> {
  const tally = new Tally();
  const maxRequests = Math.ceil(seconds * 100_000);
  let issued = 0;
  const cpu0 = { gateway: cpuMsOf(target.pid), stub: cpuMsOf(stubPid), load: ownCpuMs() };
  const started = performance.now();
  const deadline = started + seconds * 1000;
  const worker = async () => {
    while (issued < maxRequests && performance.now() < deadline) {
      issued++;
      const t0 = performance.now();
      const outcome = await chat(target);
      tally.add(outcome, performance.now() - t0);
    }
  };
  await Promise.all(Array.from({ length: workers }, worker));
  const elapsed = (performance.now() - started) / 1000;
  const done = tally.ok + tally.failed;
  const perRequest = (before: number | undefined, after: number | undefined) =>
    before === undefined || after === undefined || done === 0 ? undefined : (after - before) / done;
  const gatewayCpu = perRequest(cpu0.gateway, cpuMsOf(target.pid));
  const stubCpu = perRequest(cpu0.stub, cpuMsOf(stubPid));
  return {
    tally,
    seconds: elapsed,
    requestsPerSecond: tally.ok / elapsed,
    ...(gatewayCpu !== undefined ? { gatewayCpuMsPerRequest: gatewayCpu } : {}),
    ...(stubCpu !== undefined ? { stubCpuMsPerRequest: stubCpu } : {}),
    loadCpuMsPerRequest: (ownCpuMs() - cpu0.load) / Math.max(1, done),
  };
}

// ---------------------------------------------------------------- open loop

interface OpenRun {
  tally: Tally;
  sent: number;
  shed: number;
  unfinished: number;
  /** the target fell behind the schedule: sends were shed and the run stopped early */
  saturated: boolean;
  seconds: number;
  sendRate: number;
  /** how late this process issued sends against the schedule: its own share of the latency */
  sendLag: { p99: number; max: number };
}

async function openLoop(target: Target, requestsPerSecond: number, seconds: number): Promise<OpenRun> {
  const tally = new Tally();
  const total = Math.max(1, Math.round(requestsPerSecond * seconds));
  const interval = 1000 / requestsPerSecond;
  const lags: number[] = [];
  let inFlight = 0;
  let shed = 0;
  let next = 0;
  const start = performance.now() + 10;
  let lastSend = start;
  await new Promise<void>((resolve) => {
    const tick = () => {
      const now = performance.now();
      while (next < total && start + next * interval <= now) {
        const scheduled = start + next * interval;
        next++;
        if (inFlight >= OPEN_MAX_IN_FLIGHT) {
          shed++;
          if (shed >= requestsPerSecond * OPEN_SHED_STOP_SECONDS) next = total;
          continue;
        }
        inFlight++;
        lags.push(now - scheduled);
        lastSend = now;
        void chat(target).then((outcome) => {
          inFlight--;
          tally.add(outcome, performance.now() - scheduled);
        });
      }
      if (next < total) setTimeout(tick, Math.max(0, start + next * interval - performance.now()));
      else resolve();
    };
    tick();
  });
  const sendSeconds = (lastSend - start) / 1000;
  const drainDeadline = performance.now() + REQUEST_TIMEOUT_MS + 2000;
  while (inFlight > 0 && performance.now() < drainDeadline) await sleep(5);
  const lag = quantiles(lags);
  const sent = lags.length;
  return {
    tally,
    sent,
    shed,
    unfinished: inFlight,
    saturated: shed > 0,
    seconds: sendSeconds,
    sendRate: (sent - 1) / Math.max(1e-9, sendSeconds),
    sendLag: { p99: lag.p99, max: lag.max },
  };
}

// ---------------------------------------------------------------- streaming

interface StreamOutcome extends Outcome {
  ttfb: number;
  ttft: number;
  total: number;
  content: string;
}

/** One streamed chat: time to the first body byte, to the first content token, and to the end. */
async function streamOnce(target: Target): Promise<StreamOutcome> {
  const t0 = performance.now();
  let ttfb = NaN;
  let ttft = NaN;
  try {
    const res = await target.pool.request({ method: 'POST', path: '/v1/chat/completions', headers: target.headers, body: chatBody(target.model, true) });
    let text = '';
    for await (const piece of res.body) {
      const now = performance.now();
      if (Number.isNaN(ttfb)) ttfb = now - t0;
      text += (piece as Buffer).toString('utf8');
      if (Number.isNaN(ttft) && /"content":"[^"]/.test(text)) ttft = now - t0;
    }
    const total = performance.now() - t0;
    let content = '';
    for (const line of text.split('\n')) {
      if (!line.startsWith('data: {')) continue;
      const event = JSON.parse(line.slice(6)) as { choices?: Array<{ delta?: { content?: string } }> };
      content += event.choices?.[0]?.delta?.content ?? '';
    }
    const ok = res.statusCode === 200 && text.trimEnd().endsWith('data: [DONE]') && !Number.isNaN(ttft);
    return { ok, status: String(res.statusCode), ttfb, ttft, total, content };
  } catch (error) {
    return { ok: false, status: (error as { code?: string }).code ?? 'ERROR', ttfb, ttft, total: performance.now() - t0, content: '' };
  }
}

interface StreamRun {
  ttfb: Tally;
  ttft: number[];
  total: number[];
}

async function streaming(target: Target, count: number, workers: number): Promise<StreamRun> {
  const run: StreamRun = { ttfb: new Tally(), ttft: [], total: [] };
  let issued = 0;
  const deadline = performance.now() + 60_000;
  const worker = async () => {
    while (issued < count && performance.now() < deadline) {
      issued++;
      const outcome = await streamOnce(target);
      run.ttfb.add(outcome, outcome.ttfb);
      if (outcome.ok) {
        run.ttft.push(outcome.ttft);
        run.total.push(outcome.total);
      }
    }
  };
  await Promise.all(Array.from({ length: workers }, worker));
  return run;
}

// ---------------------------------------------------------------- report helpers

const ms = (n: number | undefined, digits = 2) => (n === undefined || Number.isNaN(n) ? '—' : n.toFixed(digits));
const signed = (n: number) => `${n >= 0 ? '+' : ''}${n.toFixed(2)}`;
function table(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i] as number) : c.padStart(widths[i] as number))).join('  ');
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].map((l) => `  ${l}`).join('\n');
}

function openTable(targets: readonly Target[], runs: ReadonlyMap<Target['name'], OpenRun>): string {
  const direct = quantiles((runs.get('direct') as OpenRun).tally.latencies);
  return table(
    ['target', 'sent/s', 'p50 ms', 'p99 ms', 'max ms', 'overhead p50', 'overhead p99', 'ok', 'non-2xx/errors', 'shed', 'unfinished', 'send lag p99/max', 'kept up'],
    targets.map((t) => {
      const r = runs.get(t.name) as OpenRun;
      const q = quantiles(r.tally.latencies);
      return [
        t.name, r.sendRate.toFixed(0), ms(q.p50), ms(q.p99), ms(q.max),
        t.name === 'direct' ? '—' : signed(q.p50 - direct.p50), t.name === 'direct' ? '—' : signed(q.p99 - direct.p99),
        String(r.tally.ok), r.tally.failureText(), String(r.shed), String(r.unfinished), `${ms(r.sendLag.p99)}/${ms(r.sendLag.max)}`,
        r.saturated ? `NO: > ${OPEN_MAX_IN_FLIGHT} in flight, stopped at ${r.seconds.toFixed(1)} s` : 'yes',
      ];
    }),
  );
}

// ---------------------------------------------------------------- main

async function main(): Promise<void> {
  const load0 = loadavg();
  const started = performance.now();
  const machine0 = machineBusyMs();
  console.log('bench:gateway — direct vs Airlock vs Portkey on 127.0.0.1');
  console.log(
    `machine: ${availableParallelism()} cores (${cpus()[0]?.model.trim() ?? 'unknown'}), node ${process.version}; ` +
      'the load generator, the upstream stub, Airlock and Portkey all share these cores',
  );
  console.log(`loadavg at start: ${load0.map((l) => l.toFixed(2)).join(' ')}`);
  console.log(
    `requests: ${recordCount} distinct seeded CRM records of ${recordLength} chars as the user message (plus a unique request number), ` +
      `~${Math.round(chatBody('stub-model', false).length / 1024)} KB bodies`,
  );

  const stubProc = startChild('upstream stub', ['--import', 'tsx', join(benchDir, 'gateway-stub.ts')]);
  const stubPort = (JSON.parse(await firstLine(stubProc, 'upstream stub')) as { port: number }).port;
  const stubUrl = `http://127.0.0.1:${stubPort}/v1`;

  const airlockProc = startChild(
    'airlock',
    [...(cpuProfDir ? ['--cpu-prof', `--cpu-prof-dir=${cpuProfDir}`] : []), '--import', 'tsx', join(benchDir, 'gateway-airlock.ts')],
    { BENCH_UPSTREAM_URL: stubUrl },
  );
  const portkeyPort = await freePort();
  const portkeyProc = startChild('portkey', [
    '--import', pathToFileURL(join(benchDir, 'portkey-stream-fix.mjs')).href,
    join(repoDir, 'node_modules/@portkey-ai/gateway/build/start-server.js'), `--port=${portkeyPort}`, '--headless',
  ]);
  portkeyProc.stdout?.resume();
  const [airlockInfo] = await Promise.all([
    firstLine(airlockProc, 'airlock').then((line) => JSON.parse(line) as { url: string; key: string; durability: string; summary: string }),
    waitForPort(portkeyPort, portkeyProc, 'portkey'),
  ]);
  console.log(`airlock: ${airlockInfo.summary}; audit durability ${airlockInfo.durability}; rate limits raised (checked, never refusing)`);
  console.log(
    `portkey: @portkey-ai/gateway, x-portkey-provider openai, custom host ${stubUrl} (no guardrails, no cache); ` +
      'streams need bench/portkey-stream-fix.mjs (Portkey-AI/gateway#1389: 500 on every stream with @hono/node-server 1.19)',
  );
  if (cpuProfDir) console.log(`airlock CPU profile: written to ${cpuProfDir} at exit`);

  const poolOptions = { connections: 256, pipelining: 1, keepAliveTimeout: 60_000, headersTimeout: REQUEST_TIMEOUT_MS, bodyTimeout: REQUEST_TIMEOUT_MS };
  const json = { 'content-type': 'application/json' };
  const targets: Target[] = [
    { name: 'direct', pool: new Pool(`http://127.0.0.1:${stubPort}`, poolOptions), headers: { ...json, authorization: 'Bearer sk-bench' }, model: 'stub-model' },
    {
      name: 'airlock',
      pool: new Pool(airlockInfo.url, poolOptions),
      headers: { ...json, authorization: `Bearer ${airlockInfo.key}` },
      model: 'stub-model',
      ...(airlockProc.pid !== undefined ? { pid: airlockProc.pid } : {}),
    },
    {
      name: 'portkey',
      pool: new Pool(`http://127.0.0.1:${portkeyPort}`, poolOptions),
      headers: { ...json, authorization: 'Bearer sk-bench', 'x-portkey-provider': 'openai', 'x-portkey-custom-host': stubUrl },
      model: 'stub-model',
      ...(portkeyProc.pid !== undefined ? { pid: portkeyProc.pid } : {}),
    },
  ];

  const ours = () => [stubProc.pid, airlockProc.pid, portkeyProc.pid].reduce<number>((sum, pid) => sum + (cpuMsOf(pid) ?? 0), ownCpuMs());
  // the children's start-up counts as ours too
  const ours0 = ownCpuMs();
  try {
    console.log('\nsample responses (validated in full):');
    let reference: string | undefined;
    for (const target of targets) {
      const sample = await validate(target, reference);
      reference ??= sample.content;
      console.log(`  ${sample.line}`);
    }

    const pids = [stubProc.pid, airlockProc.pid, portkeyProc.pid];
    const warm = async (target: Target) => {
      await settle(pids);
      if (warmupSeconds > 0) await closedLoop(target, warmupSeconds, concurrency);
    };

    console.log(`\n[1/3] closed loop: ${concurrency} requests in flight, ${closedSeconds} s per target (after ${warmupSeconds} s warm-up)`);
    const closed = new Map<Target['name'], ClosedRun>();
    let stages: Map<string, { sum: number; count: number }> | undefined;
    for (const target of targets) {
      await warm(target);
      const before = target.name === 'airlock' ? await stageTotals(target) : undefined;
      closed.set(target.name, await closedLoop(target, closedSeconds, concurrency, stubProc.pid));
      if (before) stages = stageDelta(before, await stageTotals(target));
    }
    console.log(
      table(
        ['target', 'req/s', 'p50 ms', 'p99 ms', 'ok', 'non-2xx/errors', 'gateway CPU ms/req', 'stub CPU ms/req', 'load-gen CPU ms/req'],
        targets.map((t) => {
          const r = closed.get(t.name) as ClosedRun;
          const q = quantiles(r.tally.latencies);
          return [
            t.name, r.requestsPerSecond.toFixed(0), ms(q.p50), ms(q.p99), String(r.tally.ok), r.tally.failureText(),
            t.name === 'direct' ? '—' : ms(r.gatewayCpuMsPerRequest, 3), ms(r.stubCpuMsPerRequest, 3), ms(r.loadCpuMsPerRequest, 3),
          ];
        }),
      ),
    );

    if (stages && stages.size > 0) {
      // sync stages (analyze, decide, transform) are CPU; the others include waiting (disk, upstream, event loop)
      const line = [...stages].map(([stage, { sum, count }]) => `${stage} ${ms((1000 * sum) / Math.max(1, count))}`).join(', ');
      console.log(`  airlock mean time per pipeline stage in the closed loop (ms, from its /metrics): ${line}`);
    }

    const openPhase = async (title: string, perSecond: number, seconds: number) => {
      console.log(title);
      const runs = new Map<Target['name'], OpenRun>();
      for (const target of targets) {
        await warm(target);
        runs.set(target.name, await openLoop(target, perSecond, seconds));
      }
      console.log(openTable(targets, runs));
      return runs;
    };
    const open = await openPhase(
      `\n[2/3] open loop: ${rate} req/s scheduled by the clock for ${openSeconds} s per target; latency from the scheduled send time`,
      rate,
      openSeconds,
    );
    const slowest = Math.min((closed.get('airlock') as ClosedRun).requestsPerSecond, (closed.get('portkey') as ClosedRun).requestsPerSecond);
    const lowRate = process.env.BENCH_LOW_RATE ? num('BENCH_LOW_RATE', 0) : Math.max(5, Math.floor((0.5 * slowest) / 5) * 5);
    const low =
      lowRate > 0 && lowRate < rate && lowSeconds > 0
        ? await openPhase(
            `\n[2b] open loop at a rate both gateways sustain: ${lowRate} req/s (half the slower gateway's closed-loop throughput) for ${lowSeconds} s per target`,
            lowRate,
            lowSeconds,
          )
        : undefined;

    console.log(`\n[3/3] streaming (stream: true): ${streamRequests} requests per target, ${streamConcurrency} in flight; the stub sends a word every ${process.env.BENCH_STREAM_TOKEN_MS ?? 5} ms`);
    const streamed = new Map<Target['name'], StreamRun>();
    for (const target of targets) {
      await warm(target);
      streamed.set(target.name, await streaming(target, streamRequests, streamConcurrency));
    }
    const directTtfb = quantiles((streamed.get('direct') as StreamRun).ttfb.latencies);
    console.log(
      table(
        ['target', 'TTFB p50 ms', 'TTFB p99 ms', 'vs direct p50/p99', 'first token p50 ms', 'first token p99 ms', 'whole stream p50 ms', 'ok', 'non-2xx/errors'],
        targets.map((t) => {
          const r = streamed.get(t.name) as StreamRun;
          const b = quantiles(r.ttfb.latencies);
          const f = quantiles(r.ttft);
          return [
            t.name, ms(b.p50), ms(b.p99), t.name === 'direct' ? '—' : `${signed(b.p50 - directTtfb.p50)}/${signed(b.p99 - directTtfb.p99)}`,
            ms(f.p50), ms(f.p99), ms(quantiles(r.total).p50), String(r.ttfb.ok), r.ttfb.failureText(),
          ];
        }),
      ),
    );

    const overhead = (runs: ReadonlyMap<Target['name'], OpenRun>, perSecond: number, name: Target['name']) => {
      const r = runs.get(name) as OpenRun;
      const q = quantiles(r.tally.latencies);
      const d = quantiles((runs.get('direct') as OpenRun).tally.latencies);
      return {
        p50: q.p50 - d.p50,
        p99: q.p99 - d.p99,
        note: r.saturated || r.tally.failed > 0 ? ` — did not sustain ${perSecond} req/s (${r.shed} shed, ${r.tally.failed} failed): figures are lower bounds` : '',
      };
    };
    const airlock = overhead(open, rate, 'airlock');
    const portkey = overhead(open, rate, 'portkey');
    const throughputRatio = (closed.get('airlock') as ClosedRun).requestsPerSecond / (closed.get('portkey') as ClosedRun).requestsPerSecond;
    const verdict = (ok: boolean) => (ok ? 'meets target' : 'MISSES target');
    console.log('\nagainst the targets of issue 6 (overhead = gateway percentile − direct percentile at the same rate):');
    console.log(`  Airlock overhead at ${rate} req/s: p50 ${signed(airlock.p50)} ms (target ≤ 1 ms: ${verdict(airlock.p50 <= 1)}), p99 ${signed(airlock.p99)} ms (target ≤ 5 ms: ${verdict(airlock.p99 <= 5)})${airlock.note}`);
    console.log(`  Portkey overhead at ${rate} req/s: p50 ${signed(portkey.p50)} ms, p99 ${signed(portkey.p99)} ms (issue's reference: about +1 ms p50, +17 ms p99)${portkey.note}`);
    if (low) {
      const a = overhead(low, lowRate, 'airlock');
      const p = overhead(low, lowRate, 'portkey');
      console.log(`  at ${lowRate} req/s (not the target rate): Airlock overhead p50 ${signed(a.p50)} ms, p99 ${signed(a.p99)} ms${a.note}; Portkey p50 ${signed(p.p50)} ms, p99 ${signed(p.p99)} ms${p.note}`);
    }
    console.log(`  closed-loop throughput Airlock ÷ Portkey: ${throughputRatio.toFixed(2)}× (target ≥ 2×: ${verdict(throughputRatio >= 2)})`);
    const failures = [...closed.values(), ...open.values(), ...(low?.values() ?? [])].reduce((n, r) => n + r.tally.failed, 0) + [...streamed.values()].reduce((n, r) => n + r.ttfb.failed, 0);
    console.log(`  failed requests in all measured phases: ${failures}`);
  } finally {
    const machine1 = machineBusyMs();
    const oursUsed = ours() - ours0;
    await Promise.all(targets.map((t) => t.pool.close()));
    await stopChildren();
    if (machine0 !== undefined && machine1 !== undefined) {
      const seconds = (performance.now() - started) / 1000;
      const others = Math.max(0, machine1 - machine0 - oursUsed) / 1000 / seconds;
      console.log(`\nother processes on the machine used ${others.toFixed(2)} cores on average during the run (this benchmark: ${(oursUsed / 1000 / seconds).toFixed(2)})`);
    }
    console.log(`\nloadavg at end: ${loadavg().map((l) => l.toFixed(2)).join(' ')} (${availableParallelism()} cores shared by the load generator, stub and gateways)`);
  }
}

try {
  await main();
} finally {
  await stopChildren();
}

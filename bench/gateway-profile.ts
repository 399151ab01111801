/**
 * Summarises a V8 CPU profile of the Airlock process (`BENCH_CPU_PROF=DIR npm run
 * bench:gateway` writes one): where the CPU of a request goes, by part of the request path,
 * then the functions with the most self time.
 *
 *   npx tsx bench/gateway-profile.ts DIR/CPU.*.cpuprofile [top=40]
 *
 * Start-up is left out: the summary begins at the first sample inside the chat handler. Each
 * sample goes to the innermost frame that names a part (a detector called by the sanitizer
 * counts as detection; the audit's hashing as audit). Idle time is not counted.
 */
import { readFileSync } from 'node:fs';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

const [file, topArg] = process.argv.slice(2);
if (!file) {
  console.error('usage: tsx bench/gateway-profile.ts FILE.cpuprofile [top]');
  process.exit(64);
}
const top = Number(topArg ?? 40);
const profile = JSON.parse(readFileSync(file, 'utf8')) as Profile;
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const parent = new Map<number, number>();
for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);

const where = (n: ProfileNode): string =>
  n.callFrame.url
    .replace(/^file:\/\//, '')
    .replace(/.*?\/(src|bench)\//, '$1/')
    .replace(/.*node_modules\//, 'node_modules/');
const label = (n: ProfileNode): string => `${n.callFrame.functionName || '(anonymous)'} ${where(n) || '(native)'}`;
const stack = (id: number): ProfileNode[] => {
  const frames: ProfileNode[] = [];
  for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) frames.push(byId.get(cur) as ProfileNode);
  return frames;
};

/** The part of the request path a sample belongs to. */
function partOf(frames: readonly ProfileNode[]): string {
  const leaf = frames[0] as ProfileNode;
  if (leaf.callFrame.functionName === '(garbage collector)') return 'garbage collection';
  if (leaf.callFrame.functionName === '(idle)') return 'idle';
  for (const n of frames) {
    const u = where(n);
    const f = n.callFrame.functionName;
    if (u.startsWith('src/detect') || u.startsWith('src/core/regex') || u.includes('libphonenumber')) return 'detection';
    if (u.startsWith('src/audit') || u.includes('better-sqlite3') || f === 'fdatasync' || f === 'factsOf') return 'audit';
    if (u.startsWith('src/transform/inspect') || u.startsWith('src/transform/restore') || f === 'inspectorFactory' || f === 'inspectChat') {
      return 'answer inspection and restore (besides detection)';
    }
    if (/^src\/(transform|policy|classify)\//.test(u) || u.startsWith('src/core/json-source')) return 'parse, classify, decide, transform (besides detection)';
    if (u.startsWith('src/gateway/auth') || u.startsWith('src/gateway/limits')) return 'authentication and limits';
    if (u.startsWith('src/providers') || u.includes('undici')) return 'upstream client (provider, undici, its socket writes)';
    if (u.includes('prom-client')) return 'metrics';
  }
  const u = where(leaf);
  if (u.includes('fastify') || u.includes('find-my-way') || /^node:(_http|internal\/http|net|internal\/stream)/.test(u) || leaf.callFrame.functionName === 'writev') {
    return 'HTTP server (Fastify, node:http, socket writes)';
  }
  return u.startsWith('src/') ? `other ${u.split('/').slice(0, 2).join('/')}` : 'other (Node runtime, promises, timers)';
}

const inChat = (id: number): boolean => stack(id).some((n) => n.callFrame.functionName === 'chat' && where(n).startsWith('src/gateway/chat'));
let first = 0;
while (first < profile.samples.length && !inChat(profile.samples[first] as number)) first++;

const byPart = new Map<string, number>();
const byFunction = new Map<string, number>();
let busy = 0;
for (let i = first; i < profile.samples.length; i++) {
  const id = profile.samples[i] as number;
  const dt = profile.timeDeltas[i] ?? 0;
  const frames = stack(id);
  const part = partOf(frames);
  if (part === 'idle') continue;
  busy += dt;
  byPart.set(part, (byPart.get(part) ?? 0) + dt);
  const leaf = label(frames[0] as ProfileNode);
  byFunction.set(leaf, (byFunction.get(leaf) ?? 0) + dt);
}
if (busy === 0) {
  console.error('no samples inside the chat handler: was the profile taken under load?');
  process.exit(65);
}

const pct = (t: number) => `${((100 * t) / busy).toFixed(1).padStart(5)}%`;
console.log(`${(busy / 1e6).toFixed(2)} s of CPU from the first request on`);
console.log('\nby part of the request path:');
for (const [part, t] of [...byPart].sort((a, b) => b[1] - a[1])) console.log(`  ${pct(t)}  ${part}`);
console.log(`\nself time by function (top ${top}):`);
for (const [fn, t] of [...byFunction].sort((a, b) => b[1] - a[1]).slice(0, top)) console.log(`  ${pct(t)}  ${fn.length > 140 ? `${fn.slice(0, 140)}…` : fn}`);

/**
 * Airlock for bench:gateway, run as its own process (like Portkey) so the load generator
 * does not share its event loop: the built-in default policy in front of BENCH_UPSTREAM_URL
 * (what `airlock serve --upstream URL --jurisdiction DE` runs), full detection, transforms,
 * response inspection and audit with BENCH_AUDIT_DURABILITY (default `fsync`). Per-client
 * rate and concurrency limits are raised so that they are checked but never refuse.
 *
 * Prints `{"url":…,"key":…}` once listening; exits when its stdin closes or on SIGTERM.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createGateway } from '../src/gateway/server.js';

const upstream = process.env.BENCH_UPSTREAM_URL;
if (!upstream) throw new Error('BENCH_UPSTREAM_URL is required');
const durability = process.env.BENCH_AUDIT_DURABILITY === 'commit' ? 'commit' : 'fsync';
const dataDir = mkdtempSync(join(tmpdir(), 'airlock-bench-gw-'));

const gateway = await createGateway({
  dataDir,
  upstream,
  jurisdiction: 'DE',
  env: { AIRLOCK_MASTER_KEY: Buffer.alloc(32, 7).toString('base64') },
  auditDurability: durability,
  limits: {
    defaults: { requestsPerMinute: 100_000_000, tokensPerMinute: 1_000_000_000, bytesPerMinute: 1_000_000_000_000, maxConcurrent: 100_000 },
  },
});
const address = await gateway.app.listen({ host: '127.0.0.1', port: 0 });
const key = gateway.keys.create({ client: 'bench-crm', environment: 'prod' }).apiKey;
process.stdout.write(`${JSON.stringify({ url: address, key, durability, summary: gateway.summary })}\n`);

let stopping = false;
const stop = async () => {
  if (stopping) return;
  stopping = true;
  setTimeout(() => process.exit(1), 5000).unref();
  try {
    await gateway.close();
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
    // a normal exit, so --cpu-prof writes its profile
    process.exit(0);
  }
};
process.stdin.on('end', () => void stop());
process.stdin.resume();
process.on('SIGTERM', () => void stop());

import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fixedClock, seededRandom } from '../../src/core/clock.js';
import { openAirlock, type Airlock } from '../../src/compose.js';

/** A fully wired Airlock on a fresh temporary data directory with a fixed master key. */
export async function testAirlock(options: { policyFile?: string; metadataDir?: string; seed?: number } = {}): Promise<Airlock & { dataDir: string }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'airlock-test-'));
  const airlock = await openAirlock({
    dataDir,
    clock: fixedClock(Date.UTC(2026, 10, 23), 1),
    random: seededRandom(options.seed ?? 1),
    env: { AIRLOCK_MASTER_KEY: Buffer.alloc(32, 9).toString('base64') },
    ...(options.policyFile ? { policyFile: options.policyFile } : {}),
    ...(options.metadataDir ? { metadataDir: options.metadataDir } : {}),
  });
  return Object.assign(airlock, { dataDir });
}

/**
 * Crash-test child: appends audit records under load until it is killed, printing
 * `<seq> <requestId>` for every append that was acknowledged. Usage:
 *   node --import tsx test/audit/crash-writer.ts <dataDir> [concurrency]
 */
import { openAudit } from '../../src/audit/index.js';
import { sampleRecord } from './support.js';

const [dataDir, concurrencyArg] = process.argv.slice(2);
if (dataDir === undefined) throw new Error('usage: crash-writer.ts <dataDir> [concurrency]');
const concurrency = Number(concurrencyArg ?? 64);
const { store } = openAudit({ dataDir, env: {}, checkpointEvery: 200, checkpointIntervalMs: 50 });

let next = Number(process.env['CRASH_START'] ?? 0);
async function worker(): Promise<void> {
  for (;;) {
    const i = next++;
    const record = sampleRecord(i);
    const { seq } = await store.append(record);
    process.stdout.write(`${seq} ${record.requestId} ${record.phase}\n`);
  }
}
process.stdout.write('ready\n');
await Promise.all(Array.from({ length: concurrency }, () => worker()));

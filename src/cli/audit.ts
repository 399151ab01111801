import { readFileSync } from 'node:fs';
import { Command, InvalidArgumentError, Option } from 'commander';
import {
  AuditForwarder,
  EXPORT_FORMATS,
  SUMMARY_DIMENSIONS,
  formatRecord,
  formatVerifyReport,
  httpSink,
  openAuditStore,
  parseAuditDate,
  pruneAudit,
  rotateSigningKey,
  summarizeAudit,
  syslogSink,
  verifyChain,
  type AuditQuery,
  type ExportFormat,
  type ForwardSink,
  type OpenedAudit,
  type StoredRecord,
  type SummaryDimension,
} from '../audit/index.js';
import { DECISIONS, type AuditDecision } from '../audit/record.js';
import { systemClock } from '../core/clock.js';
import { AirlockError } from '../core/errors.js';
import { defaultDataDir } from '../compose.js';
import type { CliIo } from './io.js';

interface StateOptions {
  dataDir: string;
  keyDir?: string;
  auditUrl?: string;
}

/** `airlock audit`: verify, query, export, forward and prune the tamper-evident audit trail. */
export function auditCommand(io: CliIo): Command {
  const audit = new Command('audit').description('the tamper-evident audit trail: verify, query, export, forward, prune');

  withState(audit.command('verify'))
    .description('walk the hash chain and check every checkpoint signature; exit 0 only when intact')
    .option('--from <seq>', 'first record to walk', parseSeq)
    .option('--to <seq>', 'last record to walk', parseSeq)
    .option('--json', 'print the report as JSON')
    .action(async (options: StateOptions & { from?: number; to?: number; json?: boolean }) => {
      await withAudit(options, true, async ({ store, trusted, headFile }) => {
        const report = await verifyChain(store, {
          trusted,
          headFile,
          ...(options.from !== undefined ? { from: options.from } : {}),
          ...(options.to !== undefined ? { to: options.to } : {}),
        });
        io.out(options.json ? `${JSON.stringify(report, null, 2)}\n` : formatVerifyReport(report));
        if (!report.ok) {
          throw new AirlockError('AUDIT_FAILED', `the audit chain does not verify (first bad seq ${report.firstBadSeq ?? '?'})`);
        }
      });
    });

  withFilters(withState(audit.command('export')))
    .description('write records as JSON lines, CEF or RFC 5424 syslog to stdout')
    .addOption(new Option('--format <format>', 'output format').choices(EXPORT_FORMATS).default('jsonl'))
    .option('--hostname <name>', 'syslog HOSTNAME field (default: this machine)')
    .action(async (options: StateOptions & FilterOptions & { format: ExportFormat; hostname?: string }) => {
      await withAudit(options, true, async ({ store }) => {
        const format = { ...(options.hostname !== undefined ? { hostname: options.hostname } : {}) };
        let chunk = '';
        for await (const r of store.records(queryOf(options))) {
          chunk += `${formatRecord(r, options.format, format)}\n`;
          if (chunk.length >= 64 * 1024) {
            io.out(chunk);
            chunk = '';
          }
        }
        if (chunk !== '') io.out(chunk);
      });
    });

  withFilters(withState(audit.command('query')))
    .description('list records, or count requests by day, jurisdiction or decision')
    .addOption(new Option('--summary <by>', 'count requests and findings by').choices(SUMMARY_DIMENSIONS))
    .option('--json', 'JSON output')
    .action(async (options: StateOptions & FilterOptions & { summary?: SummaryDimension; json?: boolean }) => {
      await withAudit(options, true, async ({ store }) => {
        const query = queryOf(options);
        if (options.summary !== undefined) {
          const rows = await summarizeAudit(store, query, options.summary);
          if (options.json) io.out(`${JSON.stringify(rows)}\n`);
          else io.out(table([options.summary.toUpperCase(), 'REQUESTS', 'FINDINGS'], rows.map((r) => [r.key, String(r.requests), String(r.findings)])));
          return;
        }
        const rows: string[][] = [];
        for await (const r of store.records(query)) {
          if (options.json) io.out(`${formatRecord(r, 'jsonl')}\n`);
          else rows.push(queryRow(r));
        }
        if (!options.json) {
          io.out(rows.length === 0 ? 'no records\n' : table(['SEQ', 'TIME', 'EVENT', 'REQUEST', 'CLIENT', 'DECISION', 'ENDPOINT', 'ENTITIES'], rows));
        }
      });
    });

  withState(audit.command('prune'))
    .description('delete records older than DATE, up to the newest signed checkpoint before it (which anchors the chain)')
    .requiredOption('--before <date>', 'YYYY-MM-DD or ISO 8601 time', parseDate)
    .option('--force', 'prune even records a forwarder has not shipped yet')
    .action(async (options: StateOptions & { before: number; force?: boolean }) => {
      await withAudit(options, false, async ({ store, trusted }) => {
        const result = await pruneAudit(store, { before: options.before, trusted, ...(options.force ? { force: true } : {}) });
        if (result.anchor !== undefined) {
          io.out(`pruned ${result.deleted} record(s) through seq ${result.anchor.seq}; the chain is now anchored at checkpoint ${result.anchor.seq} (${result.anchor.hash})\n`);
        } else {
          io.out(`${result.note ?? 'nothing pruned'}\n`);
        }
      });
    });

  withState(audit.command('checkpoint'))
    .description('sign a checkpoint at the current head now')
    .action(async (options: StateOptions) => {
      await withAudit(options, false, async ({ store }) => {
        const cp = await store.checkpoint();
        io.out(cp ? `signed checkpoint at seq ${cp.seq} with key ${cp.keyId}\n` : 'the head is already covered by a signed checkpoint\n');
      });
    });

  withState(audit.command('status'))
    .description('chain head, anchor, newest checkpoint and forwarder cursors')
    .action(async (options: StateOptions) => {
      await withAudit(options, true, async ({ store, trusted }) => {
        const head = await store.head();
        const anchor = await store.anchor();
        const cps = await store.checkpoints({ from: Math.max(0, head.seq - 1_000_000) });
        const last = cps[cps.length - 1];
        io.out(`chain ${store.chainId}\n`);
        io.out(`head seq ${head.seq} ${head.hash}\n`);
        if (anchor) io.out(`pruned through seq ${anchor.seq}\n`);
        io.out(last ? `newest checkpoint seq ${last.seq} signed by ${last.keyId} at ${new Date(last.at).toISOString()}\n` : 'no checkpoint yet\n');
        io.out(`trusted signing keys: ${trusted.keyIds.join(', ') || 'none'}\n`);
        for (const c of await store.cursors()) io.out(`forwarder ${c.name}: shipped through seq ${c.seq} (${head.seq - c.seq} behind)\n`);
      });
    });

  withState(audit.command('forward'))
    .description('ship records not yet shipped to a SIEM, then exit (run it from a timer; the gateway forwards live)')
    .requiredOption('--to <url>', 'syslog+udp://, syslog+tcp://, syslog+tls:// or an http(s):// collector URL')
    .addOption(new Option('--kind <kind>', 'HTTP collector kind').choices(['splunk-hec', 'elastic-bulk']).default('splunk-hec'))
    .option('--token <token>', 'HEC token or Elastic API key (or AIRLOCK_AUDIT_FORWARD_TOKEN)')
    .option('--index <name>', 'Splunk or Elastic index')
    .option('--ca <file>', 'CA certificate (PEM) for syslog+tls')
    .option('--hostname <name>', 'HOSTNAME in syslog messages')
    .option('--max-failures <n>', 'give up after this many failed attempts in a row', parseSeq, 5)
    .action(
      async (
        options: StateOptions & { to: string; kind: 'splunk-hec' | 'elastic-bulk'; token?: string; index?: string; ca?: string; hostname?: string; maxFailures: number },
      ) => {
        await withAudit(options, true, async ({ store }) => {
          const token = options.token ?? process.env['AIRLOCK_AUDIT_FORWARD_TOKEN'];
          let sink: ForwardSink;
          if (options.to.startsWith('syslog+')) {
            sink = syslogSink({
              url: options.to,
              ...(options.ca !== undefined ? { tls: { ca: readFileSync(options.ca) } } : {}),
              ...(options.hostname !== undefined ? { format: { hostname: options.hostname } } : {}),
            });
          } else {
            sink = httpSink({
              url: options.to,
              kind: options.kind,
              chainId: store.chainId,
              ...(token !== undefined ? { token } : {}),
              ...(options.index !== undefined ? { index: options.index } : {}),
            });
          }
          const forwarder = new AuditForwarder({ store, sink });
          try {
            const shipped = await forwarder.drain({ maxFailures: options.maxFailures });
            io.out(`shipped ${shipped} record(s) to ${sink.name}; cursor at seq ${forwarder.status().shippedSeq}\n`);
          } catch (error) {
            throw new AirlockError('UPSTREAM_UNAVAILABLE', `cannot deliver audit records to ${sink.name}: ${forwarder.status().lastError ?? 'failed'}`, {
              cause: error,
            });
          } finally {
            await sink.close();
          }
        });
      },
    );

  withState(audit.command('rotate-key'))
    .description('make a new checkpoint signing key; older public keys stay trusted')
    .action((options: StateOptions) => {
      const keyId = rotateSigningKey(options.keyDir ?? options.dataDir, systemClock);
      io.out(`audit checkpoints are now signed with ${keyId}\n`);
    });

  return audit;
}

// --- options ---

interface FilterOptions {
  since?: number;
  until?: number;
  client?: string;
  entity?: string;
  endpoint?: string;
  jurisdiction?: string;
  decision?: AuditDecision;
  request?: string;
  limit?: number;
}

function withState(command: Command): Command {
  return command
    .option('--data-dir <dir>', 'state directory', defaultDataDir())
    .option('--key-dir <dir>', 'directory of the audit signing key and head file (default: the data directory)')
    .option('--audit-url <url>', 'postgres:// URL of a shared audit chain (default AIRLOCK_AUDIT_DATABASE_URL, else AIRLOCK_DATABASE_URL; unset: SQLite in the data directory)');
}

function withFilters(command: Command): Command {
  return command
    .option('--since <date>', 'records at or after (YYYY-MM-DD or ISO 8601)', parseDate)
    .option('--until <date>', 'records before', parseDate)
    .option('--client <id>', 'client id')
    .option('--entity <id>', 'requests with findings of this entity, e.g. EMAIL_ADDRESS')
    .option('--endpoint <id>', 'endpoint id')
    .option('--jurisdiction <code>', 'endpoint jurisdiction, e.g. DE')
    .addOption(new Option('--decision <decision>', 'outcome').choices(DECISIONS))
    .option('--request <id>', 'request id')
    .option('--limit <n>', 'at most this many records', parseSeq);
}

function queryOf(o: FilterOptions): AuditQuery {
  return {
    ...(o.since !== undefined ? { since: o.since } : {}),
    ...(o.until !== undefined ? { until: o.until } : {}),
    ...(o.client !== undefined ? { clientId: o.client } : {}),
    ...(o.entity !== undefined ? { entity: o.entity } : {}),
    ...(o.endpoint !== undefined ? { endpointId: o.endpoint } : {}),
    ...(o.jurisdiction !== undefined ? { jurisdiction: o.jurisdiction } : {}),
    ...(o.decision !== undefined ? { decision: o.decision } : {}),
    ...(o.request !== undefined ? { requestId: o.request } : {}),
    ...(o.limit !== undefined ? { limit: o.limit } : {}),
  };
}

async function withAudit(options: StateOptions, readOnly: boolean, fn: (audit: OpenedAudit) => Promise<void>): Promise<void> {
  const audit = await openAuditStore({
    dataDir: options.dataDir,
    ...(options.keyDir !== undefined ? { keyDir: options.keyDir } : {}),
    ...(options.auditUrl !== undefined ? { url: options.auditUrl } : {}),
    readOnly,
    checkpointIntervalMs: 0,
  });
  try {
    await fn(audit);
  } finally {
    await audit.store.close();
  }
}

function parseSeq(value: string): number {
  if (!/^\d{1,15}$/.test(value)) throw new InvalidArgumentError('must be a whole number');
  return Number(value);
}

function parseDate(value: string): number {
  try {
    return parseAuditDate(value);
  } catch {
    throw new InvalidArgumentError('expected YYYY-MM-DD, an ISO 8601 time with a zone, or epoch milliseconds');
  }
}

// --- output ---

function queryRow(r: StoredRecord): string[] {
  const rec = r.record;
  if (rec.type === 'prune') {
    return [String(r.seq), new Date(rec.at).toISOString(), 'prune', '-', '-', '-', '-', `through seq ${rec.throughSeq}`];
  }
  const endpoint = rec.endpoint ? `${rec.endpoint.id}${rec.endpoint.jurisdiction ? ` (${rec.endpoint.jurisdiction})` : ''}` : '-';
  const entities = rec.entityCounts
    ? Object.keys(rec.entityCounts)
        .sort()
        .map((k) => `${k}:${rec.entityCounts?.[k]}`)
        .join(',')
    : '-';
  return [
    String(r.seq),
    new Date(rec.at).toISOString(),
    rec.phase,
    rec.requestId,
    rec.clientId ?? '-',
    rec.decision ?? '-',
    endpoint,
    entities || '-',
  ];
}

function table(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i] as number)).join('  ').trimEnd();
  return `${[line(header), ...rows.map(line)].join('\n')}\n`;
}

import { Command, InvalidArgumentError, Option } from 'commander';
import { FORWARD_KINDS, type ForwardConfig } from '../audit/forward/config.js';
import { defaultDataDir } from '../compose.js';
import { AirlockError } from '../core/errors.js';
import { createGateway } from '../gateway/server.js';
import type { CliIo } from './io.js';

interface ServeOptions {
  config?: string;
  host: string;
  port: number;
  upstream?: string;
  jurisdiction?: string;
  model?: string;
  dataDir: string;
  auditUrl?: string;
  auditForward?: string;
  auditForwardKind?: ForwardConfig['kind'];
  auditForwardIndex?: string;
  auditForwardCa?: string;
  auditEvidenceDays?: number;
}

/** `airlock serve`: the gateway on embedded defaults, bound to 127.0.0.1 unless told otherwise. */
export function serveCommand(io: CliIo, onListening?: (url: string, stop: () => Promise<void>) => void): Command {
  return new Command('serve')
    .description('run the OpenAI-compatible gateway (state in --data-dir; dry-run provider when no model is configured)')
    .option('--config <file>', 'policy file with endpoints and rules (reloaded on change)')
    .option('--host <host>', 'address to bind', '127.0.0.1')
    .option('--port <n>', 'port (0 picks a free one)', parsePort, 8787)
    .option('--upstream <url>', 'an OpenAI-compatible sovereign endpoint, e.g. http://127.0.0.1:11434/v1 (Ollama)')
    .option('--jurisdiction <code>', 'jurisdiction of --upstream or --model (ISO country, EU or EEA)', 'EU')
    .option('--model <file.gguf>', 'run a GGUF model in process (node-llama-cpp, CPU)')
    .option('--data-dir <dir>', 'state directory', defaultDataDir())
    .option('--audit-url <url>', 'postgres:// URL of a shared audit chain (default AIRLOCK_AUDIT_DATABASE_URL, else AIRLOCK_DATABASE_URL; unset: SQLite in --data-dir)')
    .option('--audit-forward <url>', 'ship the audit trail live: syslog+udp://, syslog+tcp://, syslog+tls:// or http(s):// (default AIRLOCK_AUDIT_FORWARD_URL; token from AIRLOCK_AUDIT_FORWARD_TOKEN)')
    .addOption(new Option('--audit-forward-kind <kind>', 'HTTP collector kind').choices(FORWARD_KINDS))
    .option('--audit-forward-index <name>', 'Splunk or Elastic index')
    .option('--audit-forward-ca <file>', 'CA certificate (PEM) for syslog+tls')
    .option('--audit-evidence-days <n>', 'keep sanitized request payloads, encrypted, for N days (off unless set)', parseDays)
    .action(async (options: ServeOptions) => {
      if (options.config && (options.upstream || options.model)) {
        throw new AirlockError('CONFIG_INVALID', '--config declares the endpoints; do not combine it with --upstream or --model');
      }
      const gateway = await createGateway({
        dataDir: options.dataDir,
        ...(options.config ? { configFile: options.config } : {}),
        ...(options.upstream ? { upstream: options.upstream } : {}),
        ...(options.model ? { modelFile: options.model } : {}),
        ...(options.jurisdiction ? { jurisdiction: options.jurisdiction } : {}),
        ...(options.auditUrl ? { auditUrl: options.auditUrl } : {}),
        ...(options.auditEvidenceDays !== undefined ? { auditEvidenceDays: options.auditEvidenceDays } : {}),
        ...auditForwardOf(options),
      });
      const address = await gateway.app.listen({ host: options.host, port: options.port });
      io.err(`airlock: ${gateway.summary}\n`);
      for (const w of gateway.warnings) io.err(`airlock: warning: ${w}\n`);
      io.err(`airlock: state in ${options.dataDir}; create a client key with: airlock keys create --client NAME --env prod --data-dir ${options.dataDir}\n`);
      io.out(`${address}\n`);
      const stop = async () => {
        await gateway.close();
      };
      if (onListening) {
        onListening(address, stop);
        return;
      }
      await new Promise<void>((resolve) => {
        const shutdown = () => void stop().then(resolve, resolve);
        process.once('SIGINT', shutdown);
        process.once('SIGTERM', shutdown);
      });
    });
}

function auditForwardOf(options: ServeOptions): { auditForward?: ForwardConfig } {
  const url = options.auditForward ?? (process.env['AIRLOCK_AUDIT_FORWARD_URL'] || undefined);
  if (url === undefined) return {};
  const token = process.env['AIRLOCK_AUDIT_FORWARD_TOKEN'] || undefined;
  return {
    auditForward: {
      url,
      ...(options.auditForwardKind ? { kind: options.auditForwardKind } : {}),
      ...(token ? { token } : {}),
      ...(options.auditForwardIndex ? { index: options.auditForwardIndex } : {}),
      ...(options.auditForwardCa ? { caFile: options.auditForwardCa } : {}),
    },
  };
}

function parseDays(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 3650) throw new InvalidArgumentError('must be a whole number of days (1-3650)');
  return n;
}

function parsePort(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 65535) throw new InvalidArgumentError('must be a port number');
  return n;
}

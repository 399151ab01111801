import { Command } from 'commander';
import { systemClock, cryptoRandom } from '../core/clock.js';
import { defaultDataDir } from '../compose.js';
import { AirlockError } from '../core/errors.js';
import { ApiKeyStore, type ApiKeyInfo } from '../gateway/auth/api-keys.js';
import { parseDuration } from '../gateway/auth/duration.js';
import { describeScope, isEnvironment, ENVIRONMENTS } from '../gateway/auth/scope.js';
import { Keyring } from '../keys/keyring.js';
import { openSqlite } from '../store/sqlite.js';
import type { CliIo } from './io.js';

interface CreateOptions {
  client: string;
  env: string;
  ttl?: string;
  routes?: string;
  models?: string;
  dataDir: string;
}

/**
 * `airlock keys`: `rotate` and `status` manage the encryption keyring (vault and
 * field-encryption keys); `create`, `list` and `revoke` manage client API keys.
 */
export function keysCommand(io: CliIo): Command {
  const keys = new Command('keys').description('manage encryption keys (rotate, status) and client API keys (create, list, revoke)');
  keys
    .command('rotate')
    .description('add a new active encryption key; older keys stay for decryption only')
    .option('--data-dir <dir>', 'state directory', defaultDataDir())
    .action((options: { dataDir: string }) => {
      const keyring = Keyring.open({ dataDir: options.dataDir, clock: systemClock, random: cryptoRandom });
      const id = keyring.rotate();
      io.out(`active key is now ${id}; ${keyring.listKeys().length - 1} older key(s) kept for decryption\n`);
    });
  keys
    .command('status')
    .description('list encryption key ids and their status (never key material)')
    .option('--data-dir <dir>', 'state directory', defaultDataDir())
    .action((options: { dataDir: string }) => {
      const keyring = Keyring.open({ dataDir: options.dataDir, clock: systemClock, random: cryptoRandom });
      for (const k of keyring.listKeys()) io.out(`${k.id}\t${k.status}\t${k.createdAt}\n`);
    });
  keys
    .command('create')
    .description('create a client API key; the key is printed once, as the last line of stdout')
    .requiredOption('--client <name>', 'client the key belongs to (1-64 characters of [A-Za-z0-9_.-])')
    .requiredOption('--env <env>', `environment: ${ENVIRONMENTS.join(' | ')}`)
    .option('--ttl <duration>', 'lifetime such as 15m, 12h, 30d (default: no expiry)')
    .option('--routes <list>', 'comma-separated routes the key may call, * as a trailing wildcard (default: any)')
    .option('--models <list>', 'comma-separated models the key may use, * as a trailing wildcard (default: any)')
    .option('--data-dir <dir>', 'state directory', defaultDataDir())
    .action((options: CreateOptions) => {
      if (!isEnvironment(options.env)) throw new AirlockError('INPUT_INVALID', `--env must be one of ${ENVIRONMENTS.join(', ')}`);
      const environment = options.env;
      const ttlMs = options.ttl === undefined ? undefined : parseDuration(options.ttl);
      withApiKeys(options.dataDir, (store) => {
        const { apiKey, info } = store.create({
          client: options.client,
          environment,
          ...(ttlMs === undefined ? {} : { ttlMs }),
          ...(options.routes === undefined ? {} : { routes: commaList(options.routes) }),
          ...(options.models === undefined ? {} : { models: commaList(options.models) }),
        });
        io.out(`created API key ${info.keyId} for client ${info.client} (${info.environment})\n`);
        io.out(`expires: ${info.expiresAt === null ? 'never' : isoTime(info.expiresAt)}\n`);
        io.out(`scope: ${describeScope(info)}\n`);
        io.out('the key is shown only this once; store it in a secret manager:\n');
        io.out(`${apiKey}\n`);
      });
    });
  keys
    .command('list')
    .description('list client API keys (never secrets)')
    .option('--data-dir <dir>', 'state directory', defaultDataDir())
    .action((options: { dataDir: string }) => {
      withApiKeys(options.dataDir, (store) => {
        const rows = store.list();
        if (rows.length === 0) {
          io.out('no API keys\n');
          return;
        }
        io.out(table([['KEY ID', 'CLIENT', 'ENV', 'CREATED', 'EXPIRES', 'REVOKED', 'SCOPE'], ...rows.map(listRow)]));
      });
    });
  keys
    .command('revoke')
    .description('revoke a client API key; tokens issued from it stop working too')
    .argument('<keyId>', 'key id, as shown by keys list')
    .option('--data-dir <dir>', 'state directory', defaultDataDir())
    .action((keyId: string, options: { dataDir: string }) => {
      withApiKeys(options.dataDir, (store) => {
        io.out(store.revoke(keyId) ? `revoked API key ${keyId}\n` : `API key ${keyId} was already revoked\n`);
      });
    });
  return keys;
}

function withApiKeys(dataDir: string, use: (store: ApiKeyStore) => void): void {
  const db = openSqlite(dataDir);
  try {
    use(new ApiKeyStore({ db, clock: systemClock, random: cryptoRandom }));
  } finally {
    db.close();
  }
}

function commaList(text: string): string[] {
  return text.split(',').map((item) => item.trim());
}

function isoTime(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

function listRow(info: ApiKeyInfo): string[] {
  return [
    info.keyId,
    info.client,
    info.environment,
    isoTime(info.createdAt),
    info.expiresAt === null ? 'never' : isoTime(info.expiresAt),
    info.revokedAt === null ? '-' : isoTime(info.revokedAt),
    describeScope(info),
  ];
}

function table(rows: readonly string[][]): string {
  const widths: number[] = [];
  for (const row of rows) row.forEach((cell, i) => (widths[i] = Math.max(widths[i] ?? 0, cell.length)));
  return rows.map((row) => `${row.map((cell, i) => (i === row.length - 1 ? cell : cell.padEnd(widths[i] ?? 0))).join('  ')}\n`).join('');
}

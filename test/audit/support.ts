import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { fixedClock, type Clock } from '../../src/core/clock.js';
import type { RequestAuditRecord } from '../../src/audit/record.js';
import { ephemeralSigner, type TrustedKeys } from '../../src/audit/signing.js';
import { SqliteAuditStore, type SqliteAuditStoreOptions } from '../../src/audit/sqlite-store.js';
import { openSqlite, type SqliteDatabase } from '../../src/store/sqlite.js';

export const T0 = Date.UTC(2026, 0, 15, 9, 30);

const CLIENTS = ['apex-billing', 'flow-service', 'mulesoft-hr'];
const ENDPOINTS = [
  { id: 'ollama-fra', jurisdiction: 'DE', sovereign: true },
  { id: 'vllm-par', jurisdiction: 'FR', sovereign: true },
  { id: 'openai-us', jurisdiction: 'US', sovereign: false },
];
const DECISIONS = ['allowed', 'transformed', 'blocked', 'failed'] as const;

/** A realistic request record: metadata only, deterministic in `i`. */
export function sampleRecord(i: number, phase: 'begin' | 'end' = i % 2 === 0 ? 'begin' : 'end'): RequestAuditRecord {
  const request = Math.floor(i / 2);
  const endpoint = ENDPOINTS[request % ENDPOINTS.length] as (typeof ENDPOINTS)[number];
  const decision = DECISIONS[request % 7 === 3 ? 2 : request % 11 === 5 ? 3 : request % 3 === 0 ? 0 : 1] as (typeof DECISIONS)[number];
  const base = {
    v: 1 as const,
    type: 'request' as const,
    phase,
    at: T0 + request * 1000 + (phase === 'end' ? 420 : 0),
    requestId: `req-${request.toString().padStart(8, '0')}`,
    clientId: CLIENTS[request % CLIENTS.length] as string,
    environment: 'prod' as const,
    salesforce: { orgId: '00D5g000004SnKzEAK', userId: '0055g00000A1b2CAAR', object: request % 2 ? 'Case' : 'Contact' },
    route: '/v1/chat/completions',
    model: 'llama3.1:8b',
    endpoint,
    origins: ['DE'],
    policyHash: 'sha256:9f2c4e1ab37d0c55',
    entityCounts: { EMAIL_ADDRESS: (request % 3) + 1, PERSON: 1, ...(request % 5 === 0 ? { IBAN_CODE: 1 } : {}) },
    actionCounts: { pseudonymize: 2, redact: request % 3 },
    fields: ['messages[0].content', 'messages[1].content'],
  };
  if (phase === 'begin') return base;
  return {
    ...base,
    decision,
    reasonCode: decision === 'blocked' ? 'BLOCKED_BY_RULE' : decision === 'failed' ? 'UPSTREAM_TIMEOUT' : decision === 'allowed' ? 'ALLOW' : 'TRANSFORM',
    upstreamStatus: decision === 'failed' ? 504 : 200,
    sizes: { requestBytes: 1834 + request, responseBytes: 912 },
    tokens: { prompt: 412, completion: 128, total: 540 },
    stageMs: { analyze: 1.25, decide: 0.1, transform: 0.5, 'audit.begin': 0.75, upstream: 312.5, inspect: 0.875 },
    fingerprints: { keyId: 'k1', request: 'a'.repeat(64), response: 'b'.repeat(64) },
  };
}

export interface TestStore {
  store: SqliteAuditStore;
  db: SqliteDatabase;
  trusted: TrustedKeys;
  dir: string;
  clock: Clock;
  /** a second connection, for tampering */
  raw(): Database.Database;
}

/** A file-backed store in a fresh temp dir, with an in-memory signing key. */
export function tempStore(options: Partial<SqliteAuditStoreOptions> & { dir?: string } = {}): TestStore {
  const dir = options.dir ?? mkdtempSync(join(tmpdir(), 'airlock-audit-'));
  const clock = options.clock ?? fixedClock(T0, 1);
  const { signer, trusted } = ephemeralSigner(clock);
  const db = openSqlite(dir);
  const store = new SqliteAuditStore({
    db,
    signer,
    clock,
    headDir: dir,
    chainId: 'test-chain',
    checkpointIntervalMs: 0,
    ...options,
  });
  return { store, db, trusted, dir, clock, raw: () => new Database(join(dir, 'airlock.db')) };
}

export async function appendMany(store: SqliteAuditStore, n: number, start = 0): Promise<void> {
  const all: Array<Promise<unknown>> = [];
  for (let i = start; i < start + n; i++) all.push(store.append(sampleRecord(i)));
  await Promise.all(all);
}

/** Runs `airlock audit …` in memory (the audit command is not yet wired into main). */
export async function runAudit(args: string[]): Promise<{ code: number; out: string; err: string }> {
  const { Command, CommanderError } = await import('commander');
  const { auditCommand } = await import('../../src/cli/audit.js');
  const { exitCodeFor } = await import('../../src/cli/main.js');
  const { isAirlockError } = await import('../../src/core/errors.js');
  let out = '';
  let err = '';
  const io = {
    stdin: (async function* () {})(),
    out: (s: string) => void (out += s),
    err: (s: string) => void (err += s),
  };
  const output = { writeOut: io.out, writeErr: io.err };
  const program = new Command('airlock').exitOverride().configureOutput(output);
  program.addCommand(auditCommand(io));
  const all = (c: InstanceType<typeof Command>): Array<InstanceType<typeof Command>> => [c, ...c.commands.flatMap(all)];
  for (const c of all(program)) c.exitOverride().configureOutput(output);
  let code = 0;
  try {
    await program.parseAsync(['node', 'airlock', 'audit', ...args]);
  } catch (error) {
    if (error instanceof CommanderError) code = error.exitCode === 0 ? 0 : 64;
    else if (isAirlockError(error)) {
      err += `airlock: ${error.code}: ${error.message}\n`;
      code = exitCodeFor(error.code);
    } else throw error;
  }
  return { code, out, err };
}

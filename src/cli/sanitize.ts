import { randomUUID } from 'node:crypto';
import { Command } from 'commander';
import { defaultDataDir, openAirlock } from '../compose.js';
import { Restorer, StreamRestorer } from '../transform/restore.js';
import type { CliIo } from './io.js';
import { decodeChunks, readAll } from './stdin.js';

const MAX_INPUT_BYTES = 8 * 1024 * 1024;

interface SanitizeOptions {
  policy?: string;
  session?: string;
  metadata?: string;
  explain?: boolean;
  dataDir: string;
}

/** `airlock sanitize`: text or JSON on stdin, the sanitized form on stdout. */
export function sanitizeCommand(io: CliIo): Command {
  return new Command('sanitize')
    .description('sanitize text or Salesforce JSON from stdin; with --explain, what was found and done goes to stderr')
    .option('--policy <file>', 'transform policy (YAML); the built-in default without it')
    .option('--session <id>', 'conversation id that scopes pseudonyms (a new one is made and printed to stderr without it)')
    .option('--metadata <dir>', 'SFDX project whose field classifications to use')
    .option('--explain', 'write, per field and span, the classification and the action (never values) to stderr as JSON')
    .option('--data-dir <dir>', 'state directory', defaultDataDir())
    .action(async (options: SanitizeOptions) => {
      const input = await readAll(io.stdin, MAX_INPUT_BYTES);
      const airlock = await openAirlock({
        dataDir: options.dataDir,
        ...(options.policy ? { policyFile: options.policy } : {}),
        ...(options.metadata ? { metadataDir: options.metadata } : {}),
      });
      try {
        const sessionId = options.session ?? randomUUID();
        if (!options.session) io.err(`airlock: session ${sessionId}\n`);
        const result = await airlock.sanitizer.sanitize(input, { sessionId });
        io.out(result.output);
        if (options.explain) {
          io.err(`${JSON.stringify({ format: result.format, policy: airlock.policy.version, counts: result.counts, items: result.explain }, null, 2)}\n`);
        }
      } finally {
        airlock.close();
      }
    });
}

/** `airlock restore`: model output on stdin, pseudonyms of the session replaced by the originals. */
export function restoreCommand(io: CliIo): Command {
  return new Command('restore')
    .description('restore the pseudonyms of a session in model output read from stdin (streams as it reads)')
    .requiredOption('--session <id>', 'the conversation id used when sanitizing')
    .option('--data-dir <dir>', 'state directory', defaultDataDir())
    .action(async (options: { session: string; dataDir: string }) => {
      const airlock = await openAirlock({ dataDir: options.dataDir });
      try {
        const stream = new StreamRestorer(new Restorer(await airlock.vault.entries(options.session)));
        for await (const chunk of decodeChunks(io.stdin)) io.out(stream.push(chunk));
        io.out(stream.end());
      } finally {
        airlock.close();
      }
    });
}

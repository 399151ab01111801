import { Command, CommanderError } from 'commander';
import { isAirlockError, type ErrorCode } from '../core/errors.js';
import { auditCommand } from './audit.js';
import { demoCommand } from './demo.js';
import { detectCommand } from './detect.js';
import { keysCommand } from './keys.js';
import { policyCommand } from './policy.js';
import { restoreCommand, sanitizeCommand } from './sanitize.js';
import { serveCommand } from './serve.js';
import { processIo, type CliIo } from './io.js';

/** Exit codes by error family (sysexits-style), so scripts can tell bad input from outages. */
export function exitCodeFor(code: ErrorCode): number {
  if (code.startsWith('INPUT_') || code === 'PAYLOAD_TOO_LARGE') return 65;
  if (code === 'CONFIG_INVALID' || code === 'POLICY_INVALID' || code === 'DETECTOR_SPEC_INVALID') return 78;
  if (code === 'POLICY_BLOCKED' || code === 'RESIDENCY_NO_COMPLIANT_ENDPOINT' || code === 'AUTH_INVALID') return 77;
  return 70;
}

export function buildProgram(io: CliIo): Command {
  const output = { writeOut: (s: string) => io.out(s), writeErr: (s: string) => io.err(s) };
  const program = new Command('airlock')
    .description('Airlock: sovereign AI gateway for CRM integrations')
    .version('0.1.0')
    .exitOverride()
    .configureOutput(output);
  program.addCommand(detectCommand(io));
  program.addCommand(sanitizeCommand(io));
  program.addCommand(restoreCommand(io));
  program.addCommand(keysCommand(io));
  program.addCommand(policyCommand(io));
  program.addCommand(serveCommand(io));
  program.addCommand(demoCommand(io));
  program.addCommand(auditCommand(io));
  // addCommand does not pass these on, and every command must answer through `io`
  const all = (c: Command): Command[] => [c, ...c.commands.flatMap(all)];
  for (const command of all(program)) command.exitOverride().configureOutput(output);
  return program;
}

/** Runs the CLI; resolves to the process exit code. */
export async function main(argv: string[], io: CliIo = processIo): Promise<number> {
  const program = buildProgram(io);
  try {
    await program.parseAsync(argv);
    return 0;
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? 0 : 64;
    if (isAirlockError(error)) {
      io.err(`airlock: ${error.code}: ${error.message}\n`);
      return exitCodeFor(error.code);
    }
    io.err(`airlock: INTERNAL: ${error instanceof Error ? error.name : 'unknown error'}\n`);
    return 70;
  }
}

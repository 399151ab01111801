import { randomBytes } from 'node:crypto';
import { closeSync, existsSync, fsyncSync, fstatSync, linkSync, openSync, readFileSync, renameSync, unlinkSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';
import type { z } from 'zod';
import { AirlockError, asAirlockError } from '../core/errors.js';

/**
 * Small files that hold keys (the keyring, the audit signing key) or must never be torn
 * (the audit head): read with an owner-only check made on the open descriptor, written
 * atomically. Messages name the file and JSON paths only: JSON.parse and zod messages can
 * quote values, and the values are key material.
 */
const POSIX = process.platform !== 'win32';

/** The parsed file, or undefined when it does not exist. `secret` refuses group- or world-accessible files. */
export function readJsonFile<T>(file: string, schema: z.ZodType<T>, opts: { secret?: boolean } = {}): T | undefined {
  let fd: number;
  try {
    fd = openSync(file, 'r');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new AirlockError('CONFIG_INVALID', `cannot open ${file}`, { cause: error });
  }
  let text: string;
  try {
    const stat = fstatSync(fd);
    if (!stat.isFile()) throw new AirlockError('CONFIG_INVALID', `${file} is not a regular file`);
    if (opts.secret && POSIX && (stat.mode & 0o077) !== 0) {
      throw new AirlockError(
        'CONFIG_INVALID',
        `${file} is readable or writable by group or others (mode ${(stat.mode & 0o777).toString(8)}); run chmod 600 on it`,
      );
    }
    text = readFileSync(fd, 'utf8');
  } finally {
    closeSync(fd);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new AirlockError('CONFIG_INVALID', `${file} is not valid JSON`);
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    const where = parsed.error.issues.map((i) => (i.path.length > 0 ? i.path.join('.') : i.message)).join(', ');
    throw new AirlockError('CONFIG_INVALID', `${file} is malformed (${where})`);
  }
  return parsed.data;
}

/**
 * Temp file with `mode`, fsync, then rename (replace) or hard link (create only), then the
 * directory is synced. Returns false only when creating and the file already existed.
 */
export function writeFileAtomic(file: string, text: string, mode: number, opts: { replace: boolean; sync?: boolean }): boolean {
  const temp = `${file}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`;
  try {
    const fd = openSync(temp, 'wx', mode);
    try {
      writeSync(fd, text);
      if (opts.sync !== false) fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    if (opts.replace) {
      renameSync(temp, file);
    } else {
      try {
        linkSync(temp, file);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
        // filesystems without hard links: a rename, after a last look for a competing file
        if (existsSync(file)) return false;
        renameSync(temp, file);
      }
    }
  } catch (error) {
    throw asAirlockError(error, 'CONFIG_INVALID', `cannot write ${file}`);
  } finally {
    try {
      unlinkSync(temp);
    } catch {
      // renamed away already
    }
  }
  if (opts.sync !== false) syncDir(file);
  return true;
}

function syncDir(file: string): void {
  if (!POSIX) return;
  try {
    const fd = openSync(dirname(file), 'r');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch {
    // best effort: some filesystems do not support fsync on directories
  }
}

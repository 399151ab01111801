import { chmodSync, existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { AirlockError } from '../core/errors.js';

export type SqliteDatabase = Database.Database;

/**
 * The embedded store: one SQLite file in the data directory, in WAL mode, readable by the
 * owner only. The vault, keys index, audit chain and baselines each keep their own tables
 * in it and create them on first use.
 */
export function openSqlite(dataDir: string, file = 'airlock.db'): SqliteDatabase {
  try {
    if (!existsSync(dataDir)) mkdirSync(dataDir, { recursive: true, mode: 0o700 });
    const path = join(dataDir, file);
    const fresh = !existsSync(path);
    const db = new Database(path);
    if (fresh) chmodSync(path, 0o600);
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    db.pragma('busy_timeout = 5000');
    db.pragma('foreign_keys = ON');
    return db;
  } catch (error) {
    throw new AirlockError('CONFIG_INVALID', `cannot open the SQLite store in ${dataDir}`, { cause: error });
  }
}

/** An in-memory database with the same settings, for tests and dry runs. */
export function openMemorySqlite(): SqliteDatabase {
  const db = new Database(':memory:');
  db.pragma('foreign_keys = ON');
  return db;
}

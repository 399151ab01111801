import { readFile } from 'node:fs/promises';
import { parse as parseYaml } from 'yaml';
import { Classifier, type FieldMetadata } from './classify/classifier.js';
import { cryptoRandom, systemClock, type Clock, type Random } from './core/clock.js';
import { AirlockError } from './core/errors.js';
import type { DictionaryConfig } from './detect/dictionaries.js';
import { createDetectionEngine, type DetectionEngine } from './detect/index.js';
import { Keyring } from './keys/keyring.js';
import { createOperatorCrypto } from './keys/operator-crypto.js';
import { createVaultCrypto } from './keys/vault-crypto.js';
import { readFieldMetadata } from './salesforce/project/sfdx.js';
import { openMemorySqlite, openSqlite, type SqliteDatabase } from './store/sqlite.js';
import type { OperatorCrypto } from './transform/operators/index.js';
import { Sanitizer } from './transform/sanitizer.js';
import { compileTransformPolicy, defaultTransformPolicy, type TransformPolicy } from './transform/transform-policy.js';
import { SqliteVault, type PseudonymVault } from './transform/vault.js';

export interface AirlockOptions {
  dataDir: string;
  policyFile?: string;
  metadataDir?: string;
  dictionaries?: DictionaryConfig;
  /** keep nothing: an in-memory store and a throw-away key (dry runs such as `policy explain`) */
  ephemeral?: boolean;
  clock?: Clock;
  random?: Random;
  env?: Readonly<Record<string, string | undefined>>;
}

/** Everything wired together once: the composition root that the CLI and gateway start from. */
export interface Airlock {
  engine: DetectionEngine;
  classifier: Classifier;
  policy: TransformPolicy;
  keyring: Keyring;
  crypto: OperatorCrypto;
  vault: PseudonymVault;
  sanitizer: Sanitizer;
  db: SqliteDatabase;
  clock: Clock;
  random: Random;
  close(): void;
}

export function defaultDataDir(env: Readonly<Record<string, string | undefined>> = process.env): string {
  return env.AIRLOCK_DATA_DIR ?? './.airlock';
}

export async function openAirlock(options: AirlockOptions): Promise<Airlock> {
  const clock = options.clock ?? systemClock;
  const random = options.random ?? cryptoRandom;
  const policy = options.policyFile ? compileTransformPolicy(await readYamlFile(options.policyFile, 'policy')) : defaultTransformPolicy();
  const metadata: FieldMetadata = options.metadataDir ? await readFieldMetadata(options.metadataDir) : new Map();
  const env = options.ephemeral ? { AIRLOCK_MASTER_KEY: random.bytes(32).toString('base64') } : options.env;
  const keyring = Keyring.open({ dataDir: options.dataDir, clock, random, ...(env ? { env } : {}) });
  const crypto = createOperatorCrypto(keyring, random);
  const db = options.ephemeral ? openMemorySqlite() : openSqlite(options.dataDir);
  const vault = new SqliteVault({ db, crypto: createVaultCrypto(keyring, random), clock, random });
  const engine = createDetectionEngine({
    fingerprintKey: keyring.subkey('fingerprint', (keyring.listKeys()[0] as { id: string }).id),
    ...(options.dictionaries ? { dictionaries: options.dictionaries } : {}),
  });
  const classifier = new Classifier(metadata);
  const sanitizer = new Sanitizer({ engine, classifier, policy, vault, crypto, random });
  return { engine, classifier, policy, keyring, crypto, vault, sanitizer, db, clock, random, close: () => db.close() };
}

export async function readYamlFile(file: string, what: string): Promise<unknown> {
  let raw: string;
  try {
    raw = await readFile(file, 'utf8');
  } catch (error) {
    throw new AirlockError('CONFIG_INVALID', `cannot read ${what} file ${file}`, { cause: error });
  }
  try {
    return parseYaml(raw) as unknown;
  } catch (error) {
    throw new AirlockError('CONFIG_INVALID', `${what} file ${file} is not valid YAML or JSON`, { cause: error });
  }
}

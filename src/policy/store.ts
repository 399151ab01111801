import { watch, type FSWatcher } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { parse as parseYaml } from 'yaml';
import { AirlockError, asAirlockError } from '../core/errors.js';
import { loadPolicy, type Policy } from './policy.js';

export async function loadPolicyFile(file: string): Promise<Policy> {
  let raw: string;
  try {
    raw = await readFile(file, 'utf8');
  } catch (error) {
    throw new AirlockError('POLICY_INVALID', `cannot read policy file ${file}`, { cause: error });
  }
  let doc: unknown;
  try {
    doc = parseYaml(raw);
  } catch (error) {
    throw new AirlockError('POLICY_INVALID', `policy file ${file} is not valid YAML: ${(error as Error).message.split('\n')[0]}`, { cause: error });
  }
  return loadPolicy(doc);
}

/**
 * The policy in force, reloaded when its file changes. A request reads `current` once and
 * keeps that policy to its end, so a reload never changes a decision half way. A policy
 * that fails validation is rejected and the previous one stays in force.
 */
export class PolicyStore {
  private policy: Policy;
  private watcher: FSWatcher | undefined;
  private timer: NodeJS.Timeout | undefined;

  private constructor(
    private readonly file: string,
    initial: Policy,
    private readonly onEvent: (event: { kind: 'reloaded' | 'rejected'; message: string }) => void,
  ) {
    this.policy = initial;
  }

  static async open(file: string, onEvent: PolicyStore['onEvent'] = () => undefined): Promise<PolicyStore> {
    return new PolicyStore(file, await loadPolicyFile(file), onEvent);
  }

  get current(): Policy {
    return this.policy;
  }

  /** Re-reads the file; keeps the old policy when the new one is invalid. */
  async reload(): Promise<boolean> {
    try {
      const next = await loadPolicyFile(this.file);
      if (next.hash !== this.policy.hash) {
        this.policy = next;
        this.onEvent({ kind: 'reloaded', message: `policy ${next.version} (${next.hash.slice(0, 12)}) in force` });
      }
      return true;
    } catch (error) {
      const e = asAirlockError(error, 'POLICY_INVALID', 'policy reload failed');
      this.onEvent({ kind: 'rejected', message: `${e.message}; policy ${this.policy.version} stays in force` });
      return false;
    }
  }

  watch(): void {
    if (this.watcher) return;
    this.watcher = watch(this.file, () => {
      clearTimeout(this.timer);
      this.timer = setTimeout(() => void this.reload(), 100);
    });
  }

  close(): void {
    clearTimeout(this.timer);
    this.watcher?.close();
    this.watcher = undefined;
  }
}

import { basename } from 'node:path';
import { DEFAULT_TRANSFORM_POLICY } from '../transform/transform-policy.js';

export interface QuickConfig {
  /** an OpenAI-compatible sovereign endpoint, e.g. a local Ollama at http://127.0.0.1:11434/v1 */
  upstream?: string;
  /** a GGUF file for in-process inference */
  modelFile?: string;
  /** jurisdiction of the quick endpoint (default EU) */
  jurisdiction?: string;
}

/**
 * The policy `airlock serve` runs when no --config is given: one endpoint from the flags
 * (or the dry-run provider when there is none), the built-in transforms, secrets blocked
 * from leaving in clear, and unknown origins treated as EU.
 */
export function quickPolicy(config: QuickConfig): { policy: Record<string, unknown>; summary: string } {
  const { version: _version, ...transforms } = DEFAULT_TRANSFORM_POLICY;
  const jurisdiction = (config.jurisdiction ?? 'EU').toUpperCase();
  let endpoint: Record<string, unknown>;
  let summary: string;
  if (config.modelFile) {
    const name = basename(config.modelFile).replace(/\.gguf$/i, '');
    endpoint = { id: 'local-model', kind: 'llama-cpp', modelPath: config.modelFile, models: [name], defaultModel: name, jurisdiction, sovereign: true };
    summary = `in-process model ${config.modelFile} (sovereign, ${jurisdiction})`;
  } else if (config.upstream) {
    endpoint = { id: 'upstream', kind: 'openai-compatible', url: config.upstream, jurisdiction, sovereign: true };
    summary = `upstream ${config.upstream} (${jurisdiction}; sovereign unless it is a public LLM API)`;
  } else {
    endpoint = { id: 'dry-run', kind: 'dry-run', models: [], defaultModel: 'dry-run', jurisdiction, sovereign: true };
    summary = 'no model configured: the dry-run provider answers with what would have been sent (use --upstream URL or --model FILE.gguf)';
  }
  return {
    policy: {
      version: 'builtin-quick-1',
      endpoints: [endpoint],
      origins: { unknown: 'EU' },
      transforms,
    },
    summary,
  };
}

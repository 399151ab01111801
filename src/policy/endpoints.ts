import { AirlockError } from '../core/errors.js';
import { isPublicLlmHost } from './jurisdictions.js';
import type { EndpointConfig } from './schema.js';

/** A declared upstream with its residency facts; `sovereign` already corrected for known public APIs. */
export type Endpoint = EndpointConfig & { host?: string };

/**
 * Compiles the endpoint registry. An endpoint on a known public LLM API host is never
 * sovereign, whatever the configuration says; the warning says why.
 */
export function compileEndpoints(configs: readonly EndpointConfig[]): { endpoints: Endpoint[]; warnings: string[] } {
  const warnings: string[] = [];
  const seen = new Set<string>();
  const endpoints = configs.map((config) => {
    if (seen.has(config.id)) throw new AirlockError('POLICY_INVALID', `endpoint "${config.id}": id is used twice`);
    seen.add(config.id);
    if ((config.kind === 'openai-compatible' || config.kind === 'anthropic') && !config.url) {
      throw new AirlockError('POLICY_INVALID', `endpoint "${config.id}": url is required for kind ${config.kind}`);
    }
    if (config.kind === 'llama-cpp' && !config.modelPath) {
      throw new AirlockError('POLICY_INVALID', `endpoint "${config.id}": modelPath is required for kind llama-cpp`);
    }
    const host = config.url ? new URL(config.url).hostname : undefined;
    if (host && config.sovereign && isPublicLlmHost(host)) {
      warnings.push(`endpoint "${config.id}": ${host} is a public LLM API, so it is treated as not sovereign`);
      return { ...config, host, sovereign: false };
    }
    return { ...config, ...(host ? { host } : {}) };
  });
  return { endpoints, warnings };
}

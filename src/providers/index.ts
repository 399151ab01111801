import type { Endpoint } from '../policy/endpoints.js';
import { createAnthropicProvider } from './anthropic.js';
import { createDryRunProvider } from './dry-run.js';
import { createLlamaCppProvider, type LlamaCppProviderOptions } from './llama-cpp.js';
import { createOpenAiCompatibleProvider } from './openai-compatible.js';
import type { ProviderDeps } from './shared.js';
import type { Provider } from './types.js';
import type { UpstreamClientOptions } from './upstream.js';

export { createAnthropicProvider, fromAnthropicResponse, toAnthropicRequest } from './anthropic.js';
export { createDryRunProvider, DRY_RUN_LABEL } from './dry-run.js';
export { createLlamaCppProvider, toChatHistory } from './llama-cpp.js';
export { createOpenAiCompatibleProvider, FLAVOUR_NAMES, FLAVOURS, type Flavour, type FlavourName } from './openai-compatible.js';
export type { ProviderDeps } from './shared.js';
export { readSse, SseParser, type SseEvent } from './sse.js';
export * from './types.js';
export { UpstreamHttpError } from './upstream.js';

export type ProviderKind = Endpoint['kind'];

/** One provider per endpoint kind, plus `close()` (not enumerable, so iterating yields providers only). */
export type Providers = Readonly<Record<ProviderKind, Provider>> & { close(): Promise<void> };

export interface CreateProvidersOptions extends ProviderDeps, UpstreamClientOptions {
  llamaCpp?: Omit<LlamaCppProviderOptions, keyof ProviderDeps>;
}

export function createProviders(options: CreateProvidersOptions = {}): Providers {
  const { llamaCpp, ...shared } = options;
  const providers: Record<ProviderKind, Provider> = {
    'openai-compatible': createOpenAiCompatibleProvider(shared),
    anthropic: createAnthropicProvider(shared),
    'llama-cpp': createLlamaCppProvider({ ...shared, ...llamaCpp }),
    'dry-run': createDryRunProvider(shared),
  };
  const close = async (): Promise<void> => {
    await Promise.all(Object.values(providers).map((p) => p.close?.()));
  };
  Object.defineProperty(providers, 'close', { value: close, enumerable: false });
  return providers as Providers;
}

/** Checks every endpoint's provider options at start-up (CONFIG_INVALID names endpoint and option). */
export function validateEndpoints(providers: Readonly<Record<ProviderKind, Provider>>, endpoints: readonly Endpoint[]): void {
  for (const endpoint of endpoints) providers[endpoint.kind].validate?.(endpoint);
}

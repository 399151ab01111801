import { z } from 'zod';
import { AirlockError } from '../core/errors.js';
import type { Endpoint } from '../policy/endpoints.js';
import { apiUrl, deferred, isRecord, optionsParser, requireUrl, resolveDeps, unixSeconds, type ProviderDeps, type ResolvedDeps } from './shared.js';
import { readSse } from './sse.js';
import type { CallOptions, ChatChunk, ChatRequest, ChatResponse, EmbeddingsResponse, Provider } from './types.js';
import { apiKeyFrom, extraHeaders, UpstreamClient, type UpstreamClientOptions, type UpstreamRequest } from './upstream.js';

/**
 * One provider for every upstream that speaks OpenAI's chat-completions API. What differs
 * between them — paths, auth header, a few request and response quirks — is a flavour: a
 * plain config object, chosen by `endpoint.options.flavour` (default `generic`).
 */

export const FLAVOUR_NAMES = ['ollama', 'vllm', 'llamacpp-server', 'lmstudio', 'tgi', 'localai', 'azure-openai', 'mistral', 'generic'] as const;
export type FlavourName = (typeof FLAVOUR_NAMES)[number];
export type ApiFunction = 'chat' | 'embeddings' | 'models';

export const compatOptionsSchema = z.object({
  flavour: z.enum(FLAVOUR_NAMES).default('generic'),
  /** name of the environment variable holding the API key (the key itself never sits in config) */
  apiKeyEnv: z.string().min(1).optional(),
  /** static, non-secret headers */
  headers: z.record(z.string(), z.string()).optional(),
  /** header name → environment variable holding its value */
  headersFromEnv: z.record(z.string(), z.string().min(1)).optional(),
  /** Azure: the deployment name (default: the request's model) */
  deployment: z.string().min(1).optional(),
  /** Azure: the `api-version` query parameter */
  apiVersion: z.string().min(1).optional(),
});
export type CompatOptions = z.infer<typeof compatOptionsSchema>;

type Body = Record<string, unknown>;

export interface Flavour {
  /** path per function, under the endpoint's URL */
  paths: Readonly<Record<ApiFunction, string>>;
  /** for upstreams whose URLs are not `{url}{path}` (Azure routes by deployment) */
  url?(base: string, fn: ApiFunction, options: CompatOptions, model: string | undefined): URL;
  /** how the API key travels */
  auth(apiKey: string): Record<string, string>;
  /** the upstream honours `stream_options.include_usage`, so streams can end with a usage chunk */
  streamUsage: boolean;
  /** request tweaks, applied in order to a copy of the request */
  request: ReadonlyArray<(body: Body) => Body>;
  /** upstream finish reasons that are not OpenAI's */
  finishReasons?: Readonly<Record<string, string>>;
  /** model names out of the models answer (default: OpenAI's `{ data: [{ id }] }`) */
  models?(json: unknown, options: CompatOptions): string[];
}

const OPENAI_PATHS: Record<ApiFunction, string> = { chat: '/v1/chat/completions', embeddings: '/v1/embeddings', models: '/v1/models' };

const bearer = (key: string): Record<string, string> => ({ authorization: `Bearer ${key}` });

/** Servers that predate `max_completion_tokens` only read `max_tokens`. */
function maxTokensOnly(body: Body): Body {
  if (body.max_completion_tokens === undefined) return body;
  const { max_completion_tokens: limit, ...rest } = body;
  return rest.max_tokens === undefined ? { ...rest, max_tokens: limit } : rest;
}

/** Mistral rejects unknown fields (HTTP 422), names the seed `random_seed` and says `any` for `required`. */
const MISTRAL_FIELDS = new Set([
  'model', 'messages', 'temperature', 'top_p', 'max_tokens', 'stream', 'stop', 'random_seed', 'response_format', 'tools', 'tool_choice',
  'presence_penalty', 'frequency_penalty', 'n', 'prediction', 'parallel_tool_calls', 'safe_prompt',
]);
function mistralRequest(body: Body): Body {
  const out: Body = {};
  for (const [key, value] of Object.entries(body)) if (MISTRAL_FIELDS.has(key)) out[key] = value;
  if (body.seed !== undefined && out.random_seed === undefined) out.random_seed = body.seed;
  if (body.tool_choice === 'required') out.tool_choice = 'any';
  return out;
}

const AZURE_DEFAULT_API_VERSION = '2024-10-21';
function azureUrl(base: string, fn: ApiFunction, options: CompatOptions, model: string | undefined): URL {
  const url = new URL(base);
  const root = url.pathname.replace(/\/+$/, '').replace(/\/openai$/, '');
  const path = FLAVOURS['azure-openai'].paths[fn];
  if (fn === 'models') {
    url.pathname = `${root}/openai${path}`;
  } else {
    const deployment = options.deployment ?? model;
    if (!deployment) throw new AirlockError('INPUT_INVALID', 'an Azure OpenAI call needs a deployment (options.deployment or the model name)');
    url.pathname = `${root}/openai/deployments/${encodeURIComponent(deployment)}${path}`;
  }
  url.search = '';
  url.searchParams.set('api-version', options.apiVersion ?? AZURE_DEFAULT_API_VERSION);
  return url;
}

const standard = { paths: OPENAI_PATHS, auth: bearer } as const;

export const FLAVOURS: Readonly<Record<FlavourName, Flavour>> = {
  generic: { ...standard, streamUsage: false, request: [] },
  ollama: { ...standard, streamUsage: true, request: [maxTokensOnly] },
  vllm: { ...standard, streamUsage: true, request: [] },
  // llama.cpp's server puts usage (and timings) on its last chunk unasked.
  'llamacpp-server': { ...standard, streamUsage: false, request: [maxTokensOnly] },
  lmstudio: { ...standard, streamUsage: false, request: [maxTokensOnly] },
  tgi: {
    // TGI serves one model and describes it at /info rather than /v1/models.
    paths: { ...OPENAI_PATHS, models: '/info' },
    auth: bearer,
    streamUsage: false,
    request: [maxTokensOnly],
    finishReasons: { eos_token: 'stop', stop_sequence: 'stop' },
    models: (json) => (isRecord(json) && typeof json.model_id === 'string' ? [json.model_id] : []),
  },
  localai: { ...standard, streamUsage: false, request: [maxTokensOnly] },
  'azure-openai': {
    paths: { chat: '/chat/completions', embeddings: '/embeddings', models: '/models' },
    url: azureUrl,
    auth: (key) => ({ 'api-key': key }),
    streamUsage: true,
    request: [],
    // The resource lists base models, not deployments; a configured deployment is what serves.
    models: (json, options) => (options.deployment ? [options.deployment] : openAiModelIds(json)),
  },
  mistral: { ...standard, streamUsage: false, request: [maxTokensOnly, mistralRequest] },
};

function openAiModelIds(json: unknown): string[] {
  if (!isRecord(json) || !Array.isArray(json.data)) return [];
  return json.data.flatMap((m) => (isRecord(m) && typeof m.id === 'string' ? [m.id] : []));
}

export interface OpenAiCompatibleProviderOptions extends ProviderDeps, UpstreamClientOptions {}

/** Each endpoint's URL per function, parsed once (an endpoint object does not change; the URLs are only read). */
const urls = new WeakMap<Endpoint, Map<string, URL>>();
function urlOf(endpoint: Endpoint, flavour: Flavour, fn: ApiFunction): URL {
  let byPath = urls.get(endpoint);
  if (byPath === undefined) {
    byPath = new Map();
    urls.set(endpoint, byPath);
  }
  const path = flavour.paths[fn];
  let url = byPath.get(path);
  if (url === undefined) {
    url = apiUrl(requireUrl(endpoint), path);
    byPath.set(path, url);
  }
  return url;
}

const parseOptions = optionsParser(compatOptionsSchema);

export function createOpenAiCompatibleProvider(options: OpenAiCompatibleProviderOptions = {}): Provider {
  const deps = resolveDeps(options);
  const upstream = new UpstreamClient(options);

  const prepare = (endpoint: Endpoint, fn: ApiFunction, model: string | undefined, call: CallOptions, accept: string, body?: Body): UpstreamRequest => {
    const opts = parseOptions(endpoint);
    const flavour = FLAVOURS[opts.flavour];
    const key = apiKeyFrom(endpoint, opts.apiKeyEnv, deps.env);
    const headers: Record<string, string> = {
      accept,
      ...extraHeaders(endpoint, opts.headers, opts.headersFromEnv, deps.env),
      ...(key ? flavour.auth(key) : {}),
    };
    if (body) headers['content-type'] = 'application/json';
    const req: UpstreamRequest = {
      endpoint,
      method: body ? 'POST' : 'GET',
      url: flavour.url ? flavour.url(requireUrl(endpoint), fn, opts, model) : urlOf(endpoint, flavour, fn),
      headers,
      timeoutMs: call.timeoutMs,
      signal: call.signal,
    };
    if (body) req.body = JSON.stringify(flavour.request.reduce((b, tweak) => tweak(b), body));
    return req;
  };

  const flavourOf = (endpoint: Endpoint): Flavour => FLAVOURS[parseOptions(endpoint).flavour];

  return {
    kind: 'openai-compatible',

    validate(endpoint) {
      parseOptions(endpoint);
      requireUrl(endpoint);
    },

    async chat(endpoint, request, call) {
      const { stream_options: _ignored, ...rest } = request;
      const json = await upstream.json(prepare(endpoint, 'chat', request.model, call, 'application/json', { ...rest, stream: false }));
      return toChatResponse(json, endpoint, request, flavourOf(endpoint), deps);
    },

    chatStream(endpoint, request, call) {
      return deferred(() => {
        const flavour = flavourOf(endpoint);
        const body: Body = { ...request, stream: true };
        if (flavour.streamUsage && request.stream_options === undefined) body.stream_options = { include_usage: true };
        const req = prepare(endpoint, 'chat', request.model, call, 'text/event-stream', body);
        return streamChunks(upstream, req, flavour, request, deps);
      });
    },

    async embeddings(endpoint, request, call) {
      const json = await upstream.json(prepare(endpoint, 'embeddings', request.model, call, 'application/json', { ...request }));
      if (!isRecord(json) || !Array.isArray(json.data)) throw unexpectedShape(endpoint);
      return { object: 'list', model: request.model, usage: { prompt_tokens: 0, total_tokens: 0 }, ...json } as EmbeddingsResponse;
    },

    async listModels(endpoint, call) {
      const opts = parseOptions(endpoint);
      const json = await upstream.json(prepare(endpoint, 'models', undefined, call, 'application/json'));
      const flavour = FLAVOURS[opts.flavour];
      return flavour.models ? flavour.models(json, opts) : openAiModelIds(json);
    },

    close: () => upstream.close(),
  };
}

function unexpectedShape(endpoint: Endpoint): AirlockError {
  return new AirlockError('UPSTREAM_UNAVAILABLE', `endpoint "${endpoint.id}": upstream answered with an unexpected shape`);
}

function upstreamReportedError(endpoint: Endpoint): AirlockError {
  return new AirlockError('UPSTREAM_UNAVAILABLE', `endpoint "${endpoint.id}": upstream reported an error`);
}

function mapFinish(choices: unknown[], flavour: Flavour): void {
  if (!flavour.finishReasons) return;
  for (const choice of choices) {
    if (isRecord(choice) && typeof choice.finish_reason === 'string') {
      choice.finish_reason = flavour.finishReasons[choice.finish_reason] ?? choice.finish_reason;
    }
  }
}

function toChatResponse(json: unknown, endpoint: Endpoint, request: ChatRequest, flavour: Flavour, deps: ResolvedDeps): ChatResponse {
  if (!isRecord(json) || !Array.isArray(json.choices)) {
    throw isRecord(json) && json.error !== undefined ? upstreamReportedError(endpoint) : unexpectedShape(endpoint);
  }
  mapFinish(json.choices, flavour);
  return {
    ...json,
    id: typeof json.id === 'string' ? json.id : `chatcmpl-${deps.randomId()}`,
    object: 'chat.completion',
    created: typeof json.created === 'number' ? json.created : unixSeconds(deps.now),
    model: typeof json.model === 'string' ? json.model : request.model,
  } as ChatResponse;
}

async function* streamChunks(upstream: UpstreamClient, req: UpstreamRequest, flavour: Flavour, request: ChatRequest, deps: ResolvedDeps): AsyncGenerator<ChatChunk, void, undefined> {
  const { endpoint } = req;
  let finished = false;
  let id: string | undefined;
  const created = unixSeconds(deps.now);
  for await (const event of readSse(upstream.stream(req))) {
    const data = event.data.trim();
    if (data === '[DONE]') return;
    if (event.event === 'error') throw upstreamReportedError(endpoint);
    if (data === '') continue;
    let json: unknown;
    try {
      json = JSON.parse(data) as unknown;
    } catch (error) {
      throw new AirlockError('UPSTREAM_UNAVAILABLE', `endpoint "${endpoint.id}": upstream sent malformed JSON in its stream`, { cause: error });
    }
    if (!isRecord(json)) throw unexpectedShape(endpoint);
    if (json.error !== undefined && !Array.isArray(json.choices)) throw upstreamReportedError(endpoint);
    // Some servers omit `choices` on their usage-only chunk.
    const choices = Array.isArray(json.choices) ? json.choices : [];
    if (choices.length === 0 && json.usage === undefined) continue;
    mapFinish(choices, flavour);
    if (choices.some((c) => isRecord(c) && typeof c.finish_reason === 'string')) finished = true;
    id ??= typeof json.id === 'string' && json.id !== '' ? json.id : `chatcmpl-${deps.randomId()}`;
    yield {
      ...json,
      id,
      object: 'chat.completion.chunk',
      created: typeof json.created === 'number' ? json.created : created,
      model: typeof json.model === 'string' ? json.model : request.model,
      choices,
    } as ChatChunk;
  }
  // No [DONE]: fine after a finish reason (some servers just close), a cut-off otherwise.
  if (!finished) throw new AirlockError('UPSTREAM_UNAVAILABLE', `endpoint "${endpoint.id}": upstream stream ended early`);
}

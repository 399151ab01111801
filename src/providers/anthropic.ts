import { z } from 'zod';
import { AirlockError } from '../core/errors.js';
import type { Endpoint } from '../policy/endpoints.js';
import { apiUrl, deferred, isRecord, messageText, optionsParser, requireUrl, resolveDeps, unixSeconds, type ProviderDeps, type ResolvedDeps } from './shared.js';
import { readSse } from './sse.js';
import type { CallOptions, ChatChunk, ChatMessage, ChatRequest, ChatResponse, ContentPart, Provider, ToolCall, Usage } from './types.js';
import { apiKeyFrom, extraHeaders, UpstreamClient, type UpstreamClientOptions, type UpstreamRequest } from './upstream.js';

/**
 * Anthropic's Messages API behind the OpenAI chat-completions shape, both ways, streaming
 * included. Parameters Anthropic has no counterpart for (seed, penalties, logit_bias,
 * logprobs) are dropped; ones that would change the answer's form (n > 1, JSON response
 * formats, non-image media) are refused with INPUT_INVALID rather than silently ignored.
 */

export const anthropicOptionsSchema = z.object({
  apiKeyEnv: z.string().min(1).optional(),
  /** the `anthropic-version` header */
  anthropicVersion: z.string().min(1).default('2023-06-01'),
  /** `anthropic-beta` feature flags */
  beta: z.array(z.string().min(1)).optional(),
  /** `max_tokens` when the request sets none (Anthropic requires one) */
  maxTokens: z.number().int().positive().default(4096),
  headers: z.record(z.string(), z.string()).optional(),
  headersFromEnv: z.record(z.string(), z.string().min(1)).optional(),
});
export type AnthropicOptions = z.infer<typeof anthropicOptionsSchema>;

const parseOptions = optionsParser(anthropicOptionsSchema);

// --- Anthropic wire shapes (the parts Airlock uses) ---

export type AnthropicBlock =
  | { type: 'text'; text: string }
  | { type: 'image'; source: { type: 'base64'; media_type: string; data: string } | { type: 'url'; url: string } }
  | { type: 'tool_use'; id: string; name: string; input: unknown }
  | { type: 'tool_result'; tool_use_id: string; content: string };

export interface AnthropicMessage {
  role: 'user' | 'assistant';
  content: AnthropicBlock[];
}

export interface AnthropicToolChoice {
  type: 'auto' | 'any' | 'none' | 'tool';
  name?: string;
  disable_parallel_tool_use?: boolean;
}

export interface AnthropicRequest {
  model: string;
  max_tokens: number;
  messages: AnthropicMessage[];
  system?: string;
  stop_sequences?: string[];
  temperature?: number;
  top_p?: number;
  tools?: Array<{ name: string; description?: string; input_schema: unknown }>;
  tool_choice?: AnthropicToolChoice;
  metadata?: { user_id: string };
  stream?: boolean;
}

function invalid(message: string): AirlockError {
  return new AirlockError('INPUT_INVALID', `${message} (anthropic endpoints)`);
}

const DATA_URL = /^data:(image\/[a-z0-9.+-]+);base64,(.*)$/is;

function userBlocks(content: ChatMessage['content']): AnthropicBlock[] {
  if (content === null) return [];
  if (typeof content === 'string') return content === '' ? [] : [{ type: 'text', text: content }];
  return content.flatMap((part: ContentPart): AnthropicBlock[] => {
    if (part.type === 'text') return typeof part.text === 'string' && part.text !== '' ? [{ type: 'text', text: part.text }] : [];
    if (part.type === 'image_url') {
      const image = part.image_url;
      const url = isRecord(image) ? image.url : typeof image === 'string' ? image : undefined;
      if (typeof url !== 'string') throw invalid('an image_url part has no url');
      const data = DATA_URL.exec(url);
      if (data) return [{ type: 'image', source: { type: 'base64', media_type: (data[1] as string).toLowerCase(), data: data[2] as string } }];
      return [{ type: 'image', source: { type: 'url', url } }];
    }
    throw invalid(`content parts of type "${part.type.slice(0, 40)}" are not supported`);
  });
}

function parseArguments(args: string): unknown {
  if (args.trim() === '') return {};
  try {
    return JSON.parse(args) as unknown;
  } catch {
    throw invalid('tool call arguments are not valid JSON');
  }
}

function toolChoice(request: ChatRequest): AnthropicToolChoice | undefined {
  const choice = request.tool_choice;
  const noParallel = request.parallel_tool_calls === false;
  let mapped: AnthropicToolChoice | undefined;
  if (choice === undefined || choice === null) mapped = noParallel ? { type: 'auto' } : undefined;
  else if (choice === 'auto') mapped = { type: 'auto' };
  else if (choice === 'required') mapped = { type: 'any' };
  else if (choice === 'none') mapped = { type: 'none' };
  else if (isRecord(choice) && isRecord(choice.function) && typeof choice.function.name === 'string') mapped = { type: 'tool', name: choice.function.name };
  else throw invalid('this tool_choice is not supported');
  if (mapped && noParallel && mapped.type !== 'none') mapped.disable_parallel_tool_use = true;
  return mapped;
}

/** OpenAI chat request → Anthropic Messages request. */
export function toAnthropicRequest(request: ChatRequest, defaultMaxTokens: number): AnthropicRequest {
  if (typeof request.n === 'number' && request.n > 1) throw invalid('n > 1 is not supported');
  const format = request.response_format;
  if (isRecord(format) && format.type !== 'text') throw invalid('response_format other than text is not supported');

  const system: string[] = [];
  const messages: AnthropicMessage[] = [];
  const append = (role: AnthropicMessage['role'], blocks: AnthropicBlock[]): void => {
    if (blocks.length === 0) return;
    const last = messages[messages.length - 1];
    // Anthropic wants alternating turns; consecutive ones (e.g. several tool results) merge.
    if (last && last.role === role) last.content.push(...blocks);
    else messages.push({ role, content: blocks });
  };

  for (const message of request.messages) {
    switch (message.role) {
      case 'system':
      case 'developer': {
        const text = messageText(message.content);
        if (text) system.push(text);
        break;
      }
      case 'user':
        append('user', userBlocks(message.content));
        break;
      case 'assistant': {
        const blocks: AnthropicBlock[] = [];
        const text = messageText(message.content);
        if (text) blocks.push({ type: 'text', text });
        for (const call of message.tool_calls ?? []) {
          blocks.push({ type: 'tool_use', id: call.id, name: call.function.name, input: parseArguments(call.function.arguments) });
        }
        append('assistant', blocks);
        break;
      }
      case 'tool':
        if (!message.tool_call_id) throw invalid('a tool message needs tool_call_id');
        append('user', [{ type: 'tool_result', tool_use_id: message.tool_call_id, content: messageText(message.content) }]);
        break;
      default:
        throw invalid('unknown message role');
    }
  }

  const out: AnthropicRequest = {
    model: request.model,
    max_tokens: request.max_completion_tokens ?? request.max_tokens ?? defaultMaxTokens,
    messages,
  };
  if (system.length > 0) out.system = system.join('\n\n');
  if (request.stop !== undefined) out.stop_sequences = Array.isArray(request.stop) ? request.stop : [request.stop];
  // OpenAI's temperature runs to 2, Anthropic's to 1.
  if (request.temperature !== undefined) out.temperature = Math.min(request.temperature, 1);
  if (request.top_p !== undefined) out.top_p = request.top_p;
  if (request.tools && request.tools.length > 0) {
    out.tools = request.tools.map((tool) => ({
      name: tool.function.name,
      ...(tool.function.description !== undefined ? { description: tool.function.description } : {}),
      input_schema: tool.function.parameters ?? { type: 'object', properties: {} },
    }));
  }
  // Anthropic refuses a tool_choice without tools.
  const choice = toolChoice(request);
  if (choice && out.tools) out.tool_choice = choice;
  if (typeof request.user === 'string') out.metadata = { user_id: request.user };
  return out;
}

const FINISH: Readonly<Record<string, string>> = {
  end_turn: 'stop',
  stop_sequence: 'stop',
  pause_turn: 'stop',
  max_tokens: 'length',
  model_context_window_exceeded: 'length',
  tool_use: 'tool_calls',
  refusal: 'content_filter',
};

export function finishReason(stopReason: unknown): string | null {
  if (typeof stopReason !== 'string') return null;
  return FINISH[stopReason] ?? 'stop';
}

function toUsage(usage: unknown): Usage {
  const n = (v: unknown): number => (typeof v === 'number' && Number.isFinite(v) ? v : 0);
  const u = isRecord(usage) ? usage : {};
  // Cached prompt tokens are still prompt tokens.
  const prompt = n(u.input_tokens) + n(u.cache_creation_input_tokens) + n(u.cache_read_input_tokens);
  const completion = n(u.output_tokens);
  return { prompt_tokens: prompt, completion_tokens: completion, total_tokens: prompt + completion };
}

/** Anthropic Messages response → OpenAI chat completion. */
export function fromAnthropicResponse(json: unknown, endpoint: Endpoint, request: ChatRequest, deps: ResolvedDeps): ChatResponse {
  if (!isRecord(json) || !Array.isArray(json.content)) throw unexpectedShape(endpoint, json);
  const texts: string[] = [];
  const toolCalls: ToolCall[] = [];
  for (const block of json.content) {
    if (!isRecord(block)) continue;
    if (block.type === 'text' && typeof block.text === 'string') texts.push(block.text);
    else if (block.type === 'tool_use' && typeof block.id === 'string' && typeof block.name === 'string') {
      toolCalls.push({ id: block.id, type: 'function', function: { name: block.name, arguments: JSON.stringify(block.input ?? {}) } });
    }
    // thinking and server-tool blocks have no OpenAI counterpart
  }
  const text = texts.join('');
  const message: ChatResponse['choices'][number]['message'] = { role: 'assistant', content: text === '' && toolCalls.length > 0 ? null : text };
  if (toolCalls.length > 0) message.tool_calls = toolCalls;
  return {
    id: typeof json.id === 'string' ? json.id : `chatcmpl-${deps.randomId()}`,
    object: 'chat.completion',
    created: unixSeconds(deps.now),
    model: typeof json.model === 'string' ? json.model : request.model,
    choices: [{ index: 0, message, finish_reason: finishReason(json.stop_reason) ?? 'stop' }],
    usage: toUsage(json.usage),
  };
}

function unexpectedShape(endpoint: Endpoint, json: unknown): AirlockError {
  if (isRecord(json) && json.type === 'error') return upstreamError(endpoint, json.error);
  return new AirlockError('UPSTREAM_UNAVAILABLE', `endpoint "${endpoint.id}": upstream answered with an unexpected shape`);
}

/** Names Anthropic's error type (a fixed vocabulary such as overloaded_error), never its message. */
function upstreamError(endpoint: Endpoint, error: unknown): AirlockError {
  const type = isRecord(error) && typeof error.type === 'string' && /^[a-z_]{1,40}$/.test(error.type) ? ` (${error.type})` : '';
  return new AirlockError('UPSTREAM_UNAVAILABLE', `endpoint "${endpoint.id}": upstream reported an error${type}`);
}

/** Anthropic stream events → OpenAI chunks. */
async function* fromAnthropicStream(
  events: AsyncIterable<{ event: string; data: string }>,
  endpoint: Endpoint,
  request: ChatRequest,
  deps: ResolvedDeps,
): AsyncGenerator<ChatChunk, void, undefined> {
  let id = `chatcmpl-${deps.randomId()}`;
  let model = request.model;
  const created = unixSeconds(deps.now);
  let usage: Record<string, unknown> = {};
  const toolIndex = new Map<number, number>();
  const chunk = (delta: ChatChunk['choices'][number]['delta'], finish: string | null = null): ChatChunk => ({
    id,
    object: 'chat.completion.chunk',
    created,
    model,
    choices: [{ index: 0, delta, finish_reason: finish }],
  });

  for await (const { event, data } of events) {
    let json: unknown;
    try {
      json = JSON.parse(data) as unknown;
    } catch (error) {
      throw new AirlockError('UPSTREAM_UNAVAILABLE', `endpoint "${endpoint.id}": upstream sent malformed JSON in its stream`, { cause: error });
    }
    if (!isRecord(json)) throw unexpectedShape(endpoint, json);
    const type = typeof json.type === 'string' ? json.type : event;
    switch (type) {
      case 'message_start': {
        const message = isRecord(json.message) ? json.message : {};
        if (typeof message.id === 'string') id = message.id;
        if (typeof message.model === 'string') model = message.model;
        if (isRecord(message.usage)) usage = { ...message.usage };
        yield chunk({ role: 'assistant', content: '' });
        break;
      }
      case 'content_block_start': {
        const block = isRecord(json.content_block) ? json.content_block : {};
        const index = typeof json.index === 'number' ? json.index : -1;
        if (block.type === 'tool_use' && typeof block.id === 'string' && typeof block.name === 'string') {
          const at = toolIndex.size;
          toolIndex.set(index, at);
          yield chunk({ tool_calls: [{ index: at, id: block.id, type: 'function', function: { name: block.name, arguments: '' } }] });
        } else if (block.type === 'text' && typeof block.text === 'string' && block.text !== '') {
          yield chunk({ content: block.text });
        }
        break;
      }
      case 'content_block_delta': {
        const delta = isRecord(json.delta) ? json.delta : {};
        if (delta.type === 'text_delta' && typeof delta.text === 'string') {
          yield chunk({ content: delta.text });
        } else if (delta.type === 'input_json_delta' && typeof delta.partial_json === 'string') {
          const at = toolIndex.get(typeof json.index === 'number' ? json.index : -1);
          if (at === undefined) throw unexpectedShape(endpoint, json);
          if (delta.partial_json !== '') yield chunk({ tool_calls: [{ index: at, function: { arguments: delta.partial_json } }] });
        }
        // thinking_delta, signature_delta, citations_delta: nothing to say in OpenAI's shape
        break;
      }
      case 'message_delta': {
        const delta = isRecord(json.delta) ? json.delta : {};
        // message_delta usage is cumulative and may restate input tokens.
        if (isRecord(json.usage)) usage = { ...usage, ...json.usage };
        const finish = finishReason(delta.stop_reason);
        if (finish) yield chunk({}, finish);
        break;
      }
      case 'message_stop': {
        yield { id, object: 'chat.completion.chunk', created, model, choices: [], usage: toUsage(usage) };
        return;
      }
      case 'error':
        throw upstreamError(endpoint, json.error);
      default:
        // ping, content_block_stop, and event types added later
        break;
    }
  }
  throw new AirlockError('UPSTREAM_UNAVAILABLE', `endpoint "${endpoint.id}": upstream stream ended early`);
}

export interface AnthropicProviderOptions extends ProviderDeps, UpstreamClientOptions {}

export function createAnthropicProvider(options: AnthropicProviderOptions = {}): Provider {
  const deps = resolveDeps(options);
  const upstream = new UpstreamClient(options);

  const prepare = (endpoint: Endpoint, path: string, call: CallOptions, accept: string, body?: unknown): UpstreamRequest => {
    const opts = parseOptions(endpoint);
    const key = apiKeyFrom(endpoint, opts.apiKeyEnv, deps.env);
    const headers: Record<string, string> = {
      accept,
      ...extraHeaders(endpoint, opts.headers, opts.headersFromEnv, deps.env),
      'anthropic-version': opts.anthropicVersion,
      ...(key ? { 'x-api-key': key } : {}),
      ...(opts.beta && opts.beta.length > 0 ? { 'anthropic-beta': opts.beta.join(',') } : {}),
    };
    const req: UpstreamRequest = { endpoint, method: body === undefined ? 'GET' : 'POST', url: apiUrl(requireUrl(endpoint), path), headers, timeoutMs: call.timeoutMs, signal: call.signal };
    if (body !== undefined) {
      headers['content-type'] = 'application/json';
      req.body = JSON.stringify(body);
    }
    return req;
  };

  return {
    kind: 'anthropic',

    validate(endpoint) {
      parseOptions(endpoint);
      requireUrl(endpoint);
    },

    async chat(endpoint, request, call) {
      const body = { ...toAnthropicRequest(request, parseOptions(endpoint).maxTokens), stream: false };
      const json = await upstream.json(prepare(endpoint, '/v1/messages', call, 'application/json', body));
      return fromAnthropicResponse(json, endpoint, request, deps);
    },

    chatStream(endpoint, request, call) {
      return deferred(() => {
        const body = { ...toAnthropicRequest(request, parseOptions(endpoint).maxTokens), stream: true };
        const req = prepare(endpoint, '/v1/messages', call, 'text/event-stream', body);
        return fromAnthropicStream(readSse(upstream.stream(req)), endpoint, request, deps);
      });
    },

    async embeddings() {
      throw new AirlockError('INPUT_INVALID', 'embeddings are not supported by anthropic endpoints');
    },

    async listModels(endpoint, call) {
      const json = await upstream.json(prepare(endpoint, '/v1/models?limit=1000', call, 'application/json'));
      if (!isRecord(json) || !Array.isArray(json.data)) throw unexpectedShape(endpoint, json);
      return json.data.flatMap((m) => (isRecord(m) && typeof m.id === 'string' ? [m.id] : []));
    },

    close: () => upstream.close(),
  };
}

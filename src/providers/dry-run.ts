import { createHash } from 'node:crypto';
import { AirlockError } from '../core/errors.js';
import type { Endpoint } from '../policy/endpoints.js';
import { deferred, resolveDeps, unixSeconds, type ProviderDeps } from './shared.js';
import type { ChatChunk, ChatRequest, ChatResponse, EmbeddingsResponse, Provider, Usage } from './types.js';

/**
 * Answers without calling any model — for policy testing and for a machine with no model
 * yet. The answer says so in its first words and shows what would have been sent (the
 * request as the provider received it, i.e. after sanitization) and where. Every response
 * carries `airlock_dry_run: true`.
 */

export const DRY_RUN_LABEL = '[AIRLOCK DRY RUN]';

/** How many pieces a streamed dry-run answer comes in. */
const STREAM_PIECES = 4;
const DEFAULT_DIMENSIONS = 8;

function servedModel(endpoint: Endpoint, requested: string): string {
  if (requested && requested !== 'default') return requested;
  return endpoint.defaultModel ?? endpoint.models[0] ?? 'dry-run';
}

/** Usage is an estimate (4 characters a token): no tokenizer ran. */
function estimateTokens(text: string): number {
  return Math.ceil(text.length / 4);
}

export function dryRunText(endpoint: Endpoint, request: ChatRequest): string {
  const { messages, stream: _stream, stream_options: _options, ...parameters } = request;
  const where = [
    `endpoint "${endpoint.id}" (kind ${endpoint.kind}${endpoint.host ? `, host ${endpoint.host}` : ''})`,
    `jurisdiction ${endpoint.jurisdiction}${endpoint.region ? `, region ${endpoint.region}` : ''}`,
    `sovereign: ${endpoint.sovereign ? 'yes' : 'no'}`,
    `model "${servedModel(endpoint, request.model)}"`,
  ];
  return [
    `${DRY_RUN_LABEL} No model was called.`,
    `This request would have been sent to ${where.join('; ')}.`,
    '',
    `Messages (${messages.length}), as they would have left Airlock:`,
    '```json',
    JSON.stringify(messages, null, 2),
    '```',
    '',
    'Other parameters:',
    '```json',
    JSON.stringify({ ...parameters, model: servedModel(endpoint, request.model) }, null, 2),
    '```',
  ].join('\n');
}

function usageFor(request: ChatRequest, answer: string): Usage {
  const prompt = estimateTokens(JSON.stringify(request.messages));
  const completion = estimateTokens(answer);
  return { prompt_tokens: prompt, completion_tokens: completion, total_tokens: prompt + completion };
}

/** Splits text into about `pieces` parts on code-point boundaries. */
function split(text: string, pieces: number): string[] {
  const points = Array.from(text);
  const size = Math.max(1, Math.ceil(points.length / pieces));
  const out: string[] = [];
  for (let i = 0; i < points.length; i += size) out.push(points.slice(i, i + size).join(''));
  return out.length > 0 ? out : [''];
}

/** Small deterministic values from a hash of the input: never zero everywhere (cosine needs a norm), never meaningful. */
function fakeVector(input: string, dimensions: number): number[] {
  const out: number[] = [];
  let block = createHash('sha256').update(input).digest();
  for (let i = 0; i < dimensions; i++) {
    if (i > 0 && i % 32 === 0) block = createHash('sha256').update(block).digest();
    out.push(((block[i % 32] as number) - 127.5) / 127.5 / 1000);
  }
  return out;
}

export function createDryRunProvider(options: ProviderDeps = {}): Provider {
  const deps = resolveDeps(options);

  async function* stream(endpoint: Endpoint, request: ChatRequest): AsyncGenerator<ChatChunk, void, undefined> {
    const text = dryRunText(endpoint, request);
    const base = { id: `chatcmpl-dryrun-${deps.randomId()}`, object: 'chat.completion.chunk' as const, created: unixSeconds(deps.now), model: servedModel(endpoint, request.model), airlock_dry_run: true };
    for (const [i, piece] of split(text, STREAM_PIECES).entries()) {
      yield { ...base, choices: [{ index: 0, delta: i === 0 ? { role: 'assistant', content: piece } : { content: piece }, finish_reason: null }] };
    }
    yield { ...base, choices: [{ index: 0, delta: {}, finish_reason: 'stop' }] };
    yield { ...base, choices: [], usage: usageFor(request, text) };
  }

  return {
    kind: 'dry-run',

    async chat(endpoint, request): Promise<ChatResponse> {
      const text = dryRunText(endpoint, request);
      return {
        id: `chatcmpl-dryrun-${deps.randomId()}`,
        object: 'chat.completion',
        created: unixSeconds(deps.now),
        model: servedModel(endpoint, request.model),
        choices: [{ index: 0, message: { role: 'assistant', content: text }, finish_reason: 'stop' }],
        usage: usageFor(request, text),
        airlock_dry_run: true,
      };
    },

    chatStream(endpoint, request) {
      return deferred(() => stream(endpoint, request));
    },

    async embeddings(endpoint, request): Promise<EmbeddingsResponse & { airlock_dry_run: true }> {
      const inputs = Array.isArray(request.input) ? request.input : [request.input];
      const dimensions = request.dimensions ?? DEFAULT_DIMENSIONS;
      if (!Number.isInteger(dimensions) || dimensions < 1 || dimensions > 8192) throw new AirlockError('INPUT_INVALID', 'dimensions must be an integer from 1 to 8192');
      const tokens = inputs.reduce((n, input) => n + estimateTokens(input), 0);
      return {
        object: 'list',
        data: inputs.map((input, index) => {
          const vector = fakeVector(input, dimensions);
          const embedding = request.encoding_format === 'base64' ? Buffer.from(Float32Array.from(vector).buffer).toString('base64') : vector;
          return { object: 'embedding' as const, index, embedding };
        }),
        model: servedModel(endpoint, request.model),
        usage: { prompt_tokens: tokens, total_tokens: tokens },
        airlock_dry_run: true,
      };
    },

    async listModels(endpoint) {
      return endpoint.models.length > 0 ? [...endpoint.models] : [endpoint.defaultModel ?? 'dry-run'];
    },
  };
}

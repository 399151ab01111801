import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { AirlockError } from '../core/errors.js';
import type { Endpoint } from '../policy/endpoints.js';
import { createAnthropicProvider, finishReason, toAnthropicRequest } from './anthropic.js';
import type { ChatChunk, ChatRequest, Provider } from './types.js';

const FIXTURES = join(import.meta.dirname, '../../test/fixtures/sse');
const transcript = (name: string): Buffer => readFileSync(join(FIXTURES, name));

interface Seen {
  url: string;
  headers: IncomingMessage['headers'];
  body: Record<string, unknown> | undefined;
}

/** A real HTTP server on 127.0.0.1 that answers like Anthropic's Messages API. */
async function startUpstream(handler: (req: IncomingMessage, res: ServerResponse) => void | Promise<void>) {
  const seen: Seen[] = [];
  const closed: string[] = [];
  const server = createServer((req, res) => {
    const parts: Buffer[] = [];
    req.on('data', (p: Buffer) => parts.push(p));
    req.on('end', () => {
      const text = Buffer.concat(parts).toString('utf8');
      seen.push({ url: req.url ?? '', headers: req.headers, body: text ? (JSON.parse(text) as Record<string, unknown>) : undefined });
      res.on('close', () => closed.push(req.url ?? ''));
      void handler(req, res);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    seen,
    closed,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

const endpoint = (url: string, options: Record<string, unknown> = { apiKeyEnv: 'ANTHROPIC_TEST_KEY' }): Endpoint => ({
  id: 'claude',
  kind: 'anthropic',
  url,
  models: [],
  jurisdiction: 'US',
  sovereign: false,
  retention: 30,
  trainsOnData: false,
  environments: ['prod', 'sandbox', 'dev'],
  tags: [],
  frameworks: [],
  priority: 100,
  options,
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function json(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}

const sendTranscript = (bytes: Buffer, k: number) => async (_req: IncomingMessage, res: ServerResponse) => {
  res.writeHead(200, { 'content-type': 'text/event-stream' });
  await new Promise((resolve) => res.write(bytes.subarray(0, k), resolve));
  await sleep(5);
  res.end(bytes.subarray(k));
};

async function collect(stream: AsyncIterable<ChatChunk>): Promise<ChatChunk[]> {
  const out: ChatChunk[] = [];
  for await (const chunk of stream) out.push(chunk);
  return out;
}

async function rejection(promise: Promise<unknown>): Promise<AirlockError> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(AirlockError);
    return error as AirlockError;
  }
  throw new Error('expected a rejection');
}

const CALL = { timeoutMs: 5_000 };
const chat = (extra: Partial<ChatRequest> = {}): ChatRequest => ({ model: 'claude-sonnet-4-20250514', messages: [{ role: 'user', content: 'Hallo' }], ...extra });

describe('toAnthropicRequest', () => {
  it('moves system and developer messages to `system` and sets a default max_tokens', () => {
    const out = toAnthropicRequest(
      chat({
        messages: [
          { role: 'system', content: 'Be brief.' },
          { role: 'developer', content: [{ type: 'text', text: 'Answer in German.' }] },
          { role: 'user', content: 'Hi' },
        ],
      }),
      1024,
    );
    expect(out).toEqual({ model: 'claude-sonnet-4-20250514', max_tokens: 1024, system: 'Be brief.\n\nAnswer in German.', messages: [{ role: 'user', content: [{ type: 'text', text: 'Hi' }] }] });
  });

  it('maps sampling, stop, user and token limits', () => {
    expect(toAnthropicRequest(chat({ max_tokens: 50, temperature: 1.7, top_p: 0.9, stop: 'END', user: 'sf-user-1', seed: 3 }), 1024)).toMatchObject({
      max_tokens: 50,
      temperature: 1,
      top_p: 0.9,
      stop_sequences: ['END'],
      metadata: { user_id: 'sf-user-1' },
    });
    expect(toAnthropicRequest(chat({ max_completion_tokens: 70, max_tokens: 50, stop: ['a', 'b'] }), 1024)).toMatchObject({ max_tokens: 70, stop_sequences: ['a', 'b'] });
    expect(toAnthropicRequest(chat({ seed: 3 }), 1024)).not.toHaveProperty('seed');
  });

  it('maps tools, tool calls and tool results (consecutive results in one user turn)', () => {
    const out = toAnthropicRequest(
      chat({
        messages: [
          { role: 'user', content: 'Weather in Munich and Paris?' },
          {
            role: 'assistant',
            content: 'Let me check.',
            tool_calls: [
              { id: 'call_1', type: 'function', function: { name: 'get_weather', arguments: '{"city":"München"}' } },
              { id: 'call_2', type: 'function', function: { name: 'get_weather', arguments: '{"city":"Paris"}' } },
            ],
          },
          { role: 'tool', tool_call_id: 'call_1', content: '12 °C' },
          { role: 'tool', tool_call_id: 'call_2', content: [{ type: 'text', text: '15 °C' }] },
        ],
        tools: [{ type: 'function', function: { name: 'get_weather', description: 'Current weather', parameters: { type: 'object', properties: { city: { type: 'string' } } } } }],
        tool_choice: { type: 'function', function: { name: 'get_weather' } },
        parallel_tool_calls: false,
      }),
      1024,
    );
    expect(out.tools).toEqual([{ name: 'get_weather', description: 'Current weather', input_schema: { type: 'object', properties: { city: { type: 'string' } } } }]);
    expect(out.tool_choice).toEqual({ type: 'tool', name: 'get_weather', disable_parallel_tool_use: true });
    expect(out.messages).toEqual([
      { role: 'user', content: [{ type: 'text', text: 'Weather in Munich and Paris?' }] },
      {
        role: 'assistant',
        content: [
          { type: 'text', text: 'Let me check.' },
          { type: 'tool_use', id: 'call_1', name: 'get_weather', input: { city: 'München' } },
          { type: 'tool_use', id: 'call_2', name: 'get_weather', input: { city: 'Paris' } },
        ],
      },
      {
        role: 'user',
        content: [
          { type: 'tool_result', tool_use_id: 'call_1', content: '12 °C' },
          { type: 'tool_result', tool_use_id: 'call_2', content: '15 °C' },
        ],
      },
    ]);
  });

  it.each([
    ['auto', { type: 'auto' }],
    ['required', { type: 'any' }],
    ['none', { type: 'none' }],
  ])('maps tool_choice %s', (choice, expected) => {
    const tools: ChatRequest['tools'] = [{ type: 'function', function: { name: 'f' } }];
    expect(toAnthropicRequest(chat({ tools, tool_choice: choice }), 1024).tool_choice).toEqual(expected);
    expect(toAnthropicRequest(chat({ tool_choice: choice }), 1024)).not.toHaveProperty('tool_choice');
  });

  it('maps image parts (data URLs and links)', () => {
    const out = toAnthropicRequest(
      chat({
        messages: [
          {
            role: 'user',
            content: [
              { type: 'text', text: 'What is this?' },
              { type: 'image_url', image_url: { url: 'data:image/png;base64,iVBORw0KGgo=' } },
              { type: 'image_url', image_url: { url: 'https://example.com/a.jpg', detail: 'low' } },
            ],
          },
        ],
      }),
      1024,
    );
    expect(out.messages[0]?.content).toEqual([
      { type: 'text', text: 'What is this?' },
      { type: 'image', source: { type: 'base64', media_type: 'image/png', data: 'iVBORw0KGgo=' } },
      { type: 'image', source: { type: 'url', url: 'https://example.com/a.jpg' } },
    ]);
  });

  it.each([
    ['n > 1', chat({ n: 2 })],
    ['a JSON response format', chat({ response_format: { type: 'json_object' } })],
    ['audio input', chat({ messages: [{ role: 'user', content: [{ type: 'input_audio', input_audio: { data: 'x', format: 'wav' } }] }] })],
    ['a tool message without id', chat({ messages: [{ role: 'tool', content: 'x' }] })],
  ])('refuses %s with INPUT_INVALID', (_name, request) => {
    expect(() => toAnthropicRequest(request, 1024)).toThrow(expect.objectContaining({ code: 'INPUT_INVALID' }));
  });

  it('refuses tool arguments that are not JSON without quoting them', () => {
    const request = chat({ messages: [{ role: 'assistant', content: null, tool_calls: [{ id: 'c', type: 'function', function: { name: 'f', arguments: '{SECRET-ARG' } }] }] });
    try {
      toAnthropicRequest(request, 1024);
      throw new Error('expected a throw');
    } catch (error) {
      expect((error as AirlockError).code).toBe('INPUT_INVALID');
      expect((error as Error).message).not.toContain('SECRET');
    }
  });

  it.each([
    ['end_turn', 'stop'],
    ['stop_sequence', 'stop'],
    ['max_tokens', 'length'],
    ['tool_use', 'tool_calls'],
    ['refusal', 'content_filter'],
    ['pause_turn', 'stop'],
  ])('maps stop_reason %s to finish_reason %s', (stop, finish) => {
    expect(finishReason(stop)).toBe(finish);
  });
});

describe('anthropic provider', () => {
  let provider: Provider;
  let upstream: Awaited<ReturnType<typeof startUpstream>> | undefined;

  beforeAll(() => {
    provider = createAnthropicProvider({ env: { ANTHROPIC_TEST_KEY: 'sk-ant-test-91xq' }, now: () => 1_732_370_000_000, randomId: () => 'fixed' });
  });
  afterAll(async () => provider.close?.());
  afterEach(async () => {
    await upstream?.close();
    upstream = undefined;
  });

  it('posts to /v1/messages with x-api-key and anthropic-version, and translates the answer back', async () => {
    upstream = await startUpstream((_req, res) =>
      json(res, 200, {
        id: 'msg_01A',
        type: 'message',
        role: 'assistant',
        model: 'claude-sonnet-4-20250514',
        content: [
          { type: 'text', text: 'Checking the weather.' },
          { type: 'tool_use', id: 'toolu_01', name: 'get_weather', input: { city: 'München' } },
        ],
        stop_reason: 'tool_use',
        stop_sequence: null,
        usage: { input_tokens: 30, cache_read_input_tokens: 100, output_tokens: 20 },
      }),
    );
    const answer = await provider.chat(endpoint(upstream.url), chat({ messages: [{ role: 'system', content: 'S' }, { role: 'user', content: 'Hallo' }] }), CALL);
    const [seen] = upstream.seen;
    expect(seen?.url).toBe('/v1/messages');
    expect(seen?.headers['x-api-key']).toBe('sk-ant-test-91xq');
    expect(seen?.headers['anthropic-version']).toBe('2023-06-01');
    expect(seen?.headers.authorization).toBeUndefined();
    expect(seen?.body).toEqual({ model: 'claude-sonnet-4-20250514', max_tokens: 4096, system: 'S', messages: [{ role: 'user', content: [{ type: 'text', text: 'Hallo' }] }], stream: false });
    expect(answer).toEqual({
      id: 'msg_01A',
      object: 'chat.completion',
      created: 1_732_370_000,
      model: 'claude-sonnet-4-20250514',
      choices: [
        {
          index: 0,
          message: { role: 'assistant', content: 'Checking the weather.', tool_calls: [{ id: 'toolu_01', type: 'function', function: { name: 'get_weather', arguments: '{"city":"München"}' } }] },
          finish_reason: 'tool_calls',
        },
      ],
      usage: { prompt_tokens: 130, completion_tokens: 20, total_tokens: 150 },
    });
  });

  it('sends beta flags, a configured version and default max_tokens from options', async () => {
    upstream = await startUpstream((_req, res) => json(res, 200, { id: 'm', content: [{ type: 'text', text: 'ok' }], stop_reason: 'end_turn', usage: { input_tokens: 1, output_tokens: 1 } }));
    await provider.chat(endpoint(`${upstream.url}/v1`, { apiKeyEnv: 'ANTHROPIC_TEST_KEY', beta: ['a-2025-01-01', 'b'], anthropicVersion: '2023-01-01', maxTokens: 333 }), chat(), CALL);
    expect(upstream.seen[0]?.url).toBe('/v1/messages');
    expect(upstream.seen[0]?.headers).toMatchObject({ 'anthropic-beta': 'a-2025-01-01,b', 'anthropic-version': '2023-01-01' });
    expect(upstream.seen[0]?.body).toMatchObject({ max_tokens: 333 });
  });

  it('streams text as OpenAI chunks, with role first, finish reason and usage last', async () => {
    upstream = await startUpstream(sendTranscript(transcript('anthropic-messages-stream.sse'), 0));
    const chunks = await collect(provider.chatStream(endpoint(upstream.url), chat(), CALL));
    expect(upstream.seen[0]?.body).toMatchObject({ stream: true });
    expect(upstream.seen[0]?.headers.accept).toBe('text/event-stream');
    expect(chunks[0]?.choices[0]?.delta).toEqual({ role: 'assistant', content: '' });
    expect(chunks.map((c) => c.choices[0]?.delta.content ?? '').join('')).toBe('Hallo! Schön, dass du fragst — 日本語 🙂');
    expect(chunks.at(-2)?.choices[0]?.finish_reason).toBe('stop');
    expect(chunks.at(-1)).toEqual({ id: 'msg_01XFDUDYJgAACzvnptvVoYEL', object: 'chat.completion.chunk', created: 1_732_370_000, model: 'claude-sonnet-4-20250514', choices: [], usage: { prompt_tokens: 25, completion_tokens: 15, total_tokens: 40 } });
    for (const chunk of chunks) expect(chunk.id).toBe('msg_01XFDUDYJgAACzvnptvVoYEL');
  });

  it('streams tool use as tool_calls deltas', async () => {
    upstream = await startUpstream(sendTranscript(transcript('anthropic-tool-use-stream.sse'), 0));
    const chunks = await collect(provider.chatStream(endpoint(upstream.url), chat(), CALL));
    const calls = chunks.flatMap((c) => c.choices[0]?.delta.tool_calls ?? []);
    expect(calls[0]).toEqual({ index: 0, id: 'toolu_01T1x1fJ34qAmk2tNTrN7Up6', type: 'function', function: { name: 'get_weather', arguments: '' } });
    expect(calls.every((c) => c.index === 0)).toBe(true);
    expect(JSON.parse(calls.map((c) => c.function?.arguments ?? '').join(''))).toEqual({ location: 'San Francisco, CA', unit: 'fahrenheit' });
    expect(chunks.map((c) => c.choices[0]?.delta.content ?? '').join('')).toBe('Okay, let me check the weather.');
    expect(chunks.at(-2)?.choices[0]?.finish_reason).toBe('tool_calls');
    expect(chunks.at(-1)?.usage).toEqual({ prompt_tokens: 472, completion_tokens: 89, total_tokens: 561 });
  });

  it.each(['anthropic-messages-stream.sse', 'anthropic-tool-use-stream.sse'])(
    'gives the same chunks whatever byte the upstream splits %s at',
    async (name) => {
      const bytes = transcript(name);
      upstream = await startUpstream((req, res) => sendTranscript(bytes, Number(new URL(req.url ?? '/', 'http://x').searchParams.get('k')))(req, res));
      const at = (k: number) => endpoint(`${upstream?.url ?? ''}/?k=${k}`);
      const expected = await collect(provider.chatStream(at(bytes.length), chat(), CALL));
      expect(expected.length).toBeGreaterThan(4);
      const BATCH = 16;
      for (let k = 0; k <= bytes.length; k += BATCH) {
        const splits = Array.from({ length: Math.min(BATCH, bytes.length + 1 - k) }, (_, i) => k + i);
        const results = await Promise.all(splits.map((split) => collect(provider.chatStream(at(split), chat(), CALL))));
        for (const [i, result] of results.entries()) expect(result, `split at byte ${splits[i]}`).toEqual(expected);
      }
    },
    120_000,
  );

  it('turns an error event mid-stream into UPSTREAM_UNAVAILABLE naming only the error type', async () => {
    upstream = await startUpstream(sendTranscript(transcript('anthropic-error-stream.sse'), 0));
    const chunks: ChatChunk[] = [];
    const error = await rejection(
      (async () => {
        for await (const chunk of provider.chatStream(endpoint(upstream?.url ?? ''), chat(), CALL)) chunks.push(chunk);
      })(),
    );
    expect(error.code).toBe('UPSTREAM_UNAVAILABLE');
    expect(error.message).toBe('endpoint "claude": upstream reported an error (overloaded_error)');
    expect(chunks.map((c) => c.choices[0]?.delta.content ?? '').join('')).toBe('Partial');
  });

  it('treats a stream that ends before message_stop as cut off', async () => {
    const bytes = transcript('anthropic-messages-stream.sse');
    upstream = await startUpstream((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/event-stream' });
      res.end(bytes.subarray(0, bytes.indexOf('event: message_delta')));
    });
    expect((await rejection(collect(provider.chatStream(endpoint(upstream.url), chat(), CALL)))).message).toBe('endpoint "claude": upstream stream ended early');
  });

  it.each([529, 500, 429, 400])('maps HTTP %i to UPSTREAM_UNAVAILABLE with the status only', async (status) => {
    upstream = await startUpstream((_req, res) => json(res, status, { type: 'error', error: { type: 'invalid_request_error', message: 'SECRET-BODY: messages.0.content' } }));
    const error = await rejection(provider.chat(endpoint(upstream.url), chat(), CALL));
    expect(error.code).toBe('UPSTREAM_UNAVAILABLE');
    expect(error.message).toBe(`endpoint "claude": upstream answered HTTP ${status}`);
    expect((await rejection(collect(provider.chatStream(endpoint(upstream.url), chat(), CALL)))).message).toBe(`endpoint "claude": upstream answered HTTP ${status}`);
  });

  it('times out, and aborts mid-stream closing the connection', async () => {
    const bytes = transcript('anthropic-messages-stream.sse');
    upstream = await startUpstream((req, res) => {
      if (req.url?.includes('silent')) return;
      res.writeHead(200, { 'content-type': 'text/event-stream' });
      res.write(bytes.subarray(0, bytes.indexOf('event: ping')));
    });
    expect((await rejection(provider.chat(endpoint(`${upstream.url}/silent`), chat(), { timeoutMs: 200 }))).code).toBe('UPSTREAM_TIMEOUT');
    const controller = new AbortController();
    const iterator = provider.chatStream(endpoint(upstream.url), chat(), { timeoutMs: 5_000, signal: controller.signal })[Symbol.asyncIterator]();
    expect((await iterator.next()).value).toMatchObject({ choices: [{ delta: { role: 'assistant' } }] });
    const pending = iterator.next();
    controller.abort();
    expect((await rejection(pending)).message).toContain('aborted');
    await sleep(50);
    expect(upstream.closed).toContain('/v1/messages');
  });

  it('fails with CONFIG_INVALID when the key variable is not set', async () => {
    const bare = createAnthropicProvider({ env: {} });
    const error = await rejection(bare.chat(endpoint('http://127.0.0.1:9'), chat(), CALL));
    expect(error.code).toBe('CONFIG_INVALID');
    expect(error.message).toContain('ANTHROPIC_TEST_KEY');
    await bare.close?.();
  });

  it('refuses embeddings with INPUT_INVALID', async () => {
    const error = await rejection(provider.embeddings(endpoint('http://127.0.0.1:9'), { model: 'x', input: 'y' }, CALL));
    expect(error.code).toBe('INPUT_INVALID');
    expect(error.message).toBe('embeddings are not supported by anthropic endpoints');
  });

  it('lists models from /v1/models', async () => {
    upstream = await startUpstream((_req, res) =>
      json(res, 200, { data: [{ type: 'model', id: 'claude-sonnet-4-20250514', display_name: 'Claude Sonnet 4', created_at: '2025-05-22T00:00:00Z' }], has_more: false, first_id: 'claude-sonnet-4-20250514', last_id: 'claude-sonnet-4-20250514' }),
    );
    expect(await provider.listModels(endpoint(upstream.url), CALL)).toEqual(['claude-sonnet-4-20250514']);
    expect(upstream.seen[0]?.url).toBe('/v1/models?limit=1000');
    expect(upstream.seen[0]?.headers['x-api-key']).toBe('sk-ant-test-91xq');
  });
});

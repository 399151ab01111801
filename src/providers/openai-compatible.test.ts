import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { AirlockError } from '../core/errors.js';
import type { Endpoint } from '../policy/endpoints.js';
import { createOpenAiCompatibleProvider } from './openai-compatible.js';
import type { ChatChunk, ChatRequest, Provider } from './types.js';
import { UpstreamHttpError } from './upstream.js';

const FIXTURES = join(import.meta.dirname, '../../test/fixtures/sse');
const transcript = (name: string): Buffer => readFileSync(join(FIXTURES, name));

interface Seen {
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
  body: Record<string, unknown> | undefined;
}

type Handler = (req: IncomingMessage, res: ServerResponse, seen: Seen) => void | Promise<void>;

/** A real HTTP upstream on 127.0.0.1, answering like an OpenAI-compatible server. */
async function startUpstream(handler: Handler) {
  const seen: Seen[] = [];
  const closed: string[] = [];
  let connections = 0;
  const server = createServer((req, res) => {
    const parts: Buffer[] = [];
    req.on('data', (p: Buffer) => parts.push(p));
    req.on('end', () => {
      const text = Buffer.concat(parts).toString('utf8');
      const entry: Seen = { method: req.method ?? '', url: req.url ?? '', headers: req.headers, body: text ? (JSON.parse(text) as Record<string, unknown>) : undefined };
      seen.push(entry);
      res.on('close', () => closed.push(req.url ?? ''));
      void handler(req, res, entry);
    });
  });
  server.on('connection', () => connections++);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    seen,
    closed,
    connections: () => connections,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

const endpoint = (url: string, options: Record<string, unknown> = {}, id = 'local'): Endpoint => ({
  id,
  kind: 'openai-compatible',
  url,
  models: [],
  jurisdiction: 'DE',
  sovereign: true,
  retention: 'none',
  trainsOnData: false,
  environments: ['prod', 'sandbox', 'dev'],
  tags: [],
  frameworks: [],
  priority: 100,
  options,
});

const request = (extra: Partial<ChatRequest> = {}): ChatRequest => ({ model: 'llama3.1:8b', messages: [{ role: 'user', content: 'Hallo' }], ...extra });

const completion = {
  id: 'chatcmpl-1',
  object: 'chat.completion',
  created: 1732370000,
  model: 'llama3.1:8b',
  choices: [{ index: 0, message: { role: 'assistant', content: 'Hi!' }, finish_reason: 'stop' }],
  usage: { prompt_tokens: 3, completion_tokens: 2, total_tokens: 5 },
};

function json(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(JSON.stringify(body));
}

function sseHead(res: ServerResponse): void {
  res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
}

async function collect(stream: AsyncIterable<ChatChunk>): Promise<ChatChunk[]> {
  const out: ChatChunk[] = [];
  for await (const chunk of stream) out.push(chunk);
  return out;
}

const contentOf = (chunks: ChatChunk[]): string => chunks.map((c) => c.choices[0]?.delta.content ?? '').join('');

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
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('openai-compatible provider', () => {
  let provider: Provider;
  let upstream: Awaited<ReturnType<typeof startUpstream>> | undefined;

  beforeAll(() => {
    provider = createOpenAiCompatibleProvider({ env: { AIRLOCK_TEST_KEY: 'sk-test-4f9a2c', AZURE_KEY: 'az-key-77' }, now: () => 1_732_370_000_000, randomId: () => 'fixed' });
  });
  afterAll(async () => provider.close?.());
  afterEach(async () => {
    await upstream?.close();
    upstream = undefined;
  });

  describe('requests', () => {
    it('posts a chat request to /v1/chat/completions and returns the completion', async () => {
      upstream = await startUpstream((_req, res) => json(res, 200, completion));
      const answer = await provider.chat(endpoint(upstream.url), request({ stream: true, stream_options: { include_usage: true } }), CALL);
      expect(answer).toEqual(completion);
      const [seen] = upstream.seen;
      expect(seen?.method).toBe('POST');
      expect(seen?.url).toBe('/v1/chat/completions');
      expect(seen?.headers['content-type']).toBe('application/json');
      expect(seen?.headers.authorization).toBeUndefined();
      expect(seen?.body).toEqual({ model: 'llama3.1:8b', messages: [{ role: 'user', content: 'Hallo' }], stream: false });
    });

    it('accepts a base URL that already ends in /v1, and keeps a path prefix', async () => {
      upstream = await startUpstream((_req, res) => json(res, 200, completion));
      await provider.chat(endpoint(`${upstream.url}/v1/`), request(), CALL);
      await provider.chat(endpoint(`${upstream.url}/ollama`), request(), CALL);
      expect(upstream.seen.map((s) => s.url)).toEqual(['/v1/chat/completions', '/ollama/v1/chat/completions']);
    });

    it('fills id, created and model when an upstream leaves them out', async () => {
      upstream = await startUpstream((_req, res) => json(res, 200, { choices: completion.choices }));
      const answer = await provider.chat(endpoint(upstream.url), request(), CALL);
      expect(answer).toMatchObject({ id: 'chatcmpl-fixed', object: 'chat.completion', created: 1_732_370_000, model: 'llama3.1:8b' });
    });

    it.each([
      ['ollama', { max_completion_tokens: 50 }, { max_tokens: 50 }, ['max_completion_tokens']],
      ['llamacpp-server', { max_completion_tokens: 50, max_tokens: 10 }, { max_tokens: 10 }, ['max_completion_tokens']],
      ['vllm', { max_completion_tokens: 50 }, { max_completion_tokens: 50 }, ['max_tokens']],
      ['generic', { max_completion_tokens: 50, user: 'u1' }, { max_completion_tokens: 50, user: 'u1' }, []],
      ['mistral', { seed: 42, user: 'u1', tool_choice: 'required', max_completion_tokens: 9, logit_bias: {} }, { random_seed: 42, tool_choice: 'any', max_tokens: 9 }, ['seed', 'user', 'logit_bias', 'max_completion_tokens']],
    ] as const)('flavour %s tweaks the request', async (flavour, extra, expected, absent) => {
      upstream = await startUpstream((_req, res) => json(res, 200, completion));
      await provider.chat(endpoint(upstream.url, { flavour }), request(extra as Partial<ChatRequest>), CALL);
      const body = upstream.seen[0]?.body ?? {};
      expect(body).toMatchObject(expected);
      for (const key of absent) expect(body).not.toHaveProperty(key);
    });

    it('sends the API key from the environment variable named by apiKeyEnv as a bearer token', async () => {
      upstream = await startUpstream((_req, res) => json(res, 200, completion));
      await provider.chat(endpoint(upstream.url, { flavour: 'vllm', apiKeyEnv: 'AIRLOCK_TEST_KEY', headers: { 'x-team': 'crm' } }), request(), CALL);
      expect(upstream.seen[0]?.headers.authorization).toBe('Bearer sk-test-4f9a2c');
      expect(upstream.seen[0]?.headers['x-team']).toBe('crm');
    });

    it('fails with CONFIG_INVALID naming the variable, not a value, when the key is missing', async () => {
      upstream = await startUpstream((_req, res) => json(res, 200, completion));
      const error = await rejection(provider.chat(endpoint(upstream.url, { apiKeyEnv: 'NOT_SET_ANYWHERE' }), request(), CALL));
      expect(error.code).toBe('CONFIG_INVALID');
      expect(error.message).toContain('NOT_SET_ANYWHERE');
      expect(upstream.seen).toHaveLength(0);
    });

    it('rejects an unknown flavour with CONFIG_INVALID naming the option', async () => {
      const error = await rejection(provider.chat(endpoint('http://127.0.0.1:9', { flavour: 'openia' }), request(), CALL));
      expect(error.code).toBe('CONFIG_INVALID');
      expect(error.message).toContain('options.flavour');
      expect(() => provider.validate?.(endpoint('http://127.0.0.1:9', { flavour: 'openia' }))).toThrow(AirlockError);
    });

    it('never puts the API key into an error', async () => {
      upstream = await startUpstream((req, res) => json(res, 401, { error: { message: `bad key ${req.headers.authorization ?? ''}` } }));
      const error = await rejection(provider.chat(endpoint(upstream.url, { apiKeyEnv: 'AIRLOCK_TEST_KEY' }), request(), CALL));
      expect(error.code).toBe('UPSTREAM_UNAVAILABLE');
      expect(JSON.stringify({ ...error, message: error.message, stack: error.stack })).not.toContain('sk-test-4f9a2c');
    });

    it('reuses keep-alive connections across calls', async () => {
      upstream = await startUpstream((_req, res) => json(res, 200, completion));
      for (let i = 0; i < 10; i++) await provider.chat(endpoint(upstream.url), request(), CALL);
      await collect(provider.chatStream(endpoint(upstream.url), request(), CALL)).catch(() => undefined);
      for (let i = 0; i < 10; i++) await provider.chat(endpoint(upstream.url), request(), CALL);
      expect(upstream.seen).toHaveLength(21);
      // undici may open a second socket while the first is being released; it never opens one per call.
      expect(upstream.connections()).toBeLessThanOrEqual(2);
    });
  });

  describe('Azure OpenAI', () => {
    it('calls the deployment URL with api-version and the api-key header', async () => {
      upstream = await startUpstream((_req, res) => json(res, 200, completion));
      const azure = endpoint(upstream.url, { flavour: 'azure-openai', deployment: 'gpt-4o-eu', apiVersion: '2024-10-21', apiKeyEnv: 'AZURE_KEY' });
      await provider.chat(azure, request({ model: 'gpt-4o' }), CALL);
      const [seen] = upstream.seen;
      expect(seen?.url).toBe('/openai/deployments/gpt-4o-eu/chat/completions?api-version=2024-10-21');
      expect(seen?.headers['api-key']).toBe('az-key-77');
      expect(seen?.headers.authorization).toBeUndefined();
    });

    it('uses the model as deployment when none is configured, and a default api-version', async () => {
      upstream = await startUpstream((req, res) => json(res, 200, req.url?.includes('/embeddings') ? { object: 'list', data: [], model: 'x', usage: { prompt_tokens: 0, total_tokens: 0 } } : completion));
      await provider.chat(endpoint(`${upstream.url}/openai/`, { flavour: 'azure-openai' }), request({ model: 'my deploy' }), CALL);
      await provider.embeddings(endpoint(upstream.url, { flavour: 'azure-openai' }), { model: 'emb-3', input: 'x' }, CALL);
      expect(upstream.seen.map((s) => s.url)).toEqual([
        '/openai/deployments/my%20deploy/chat/completions?api-version=2024-10-21',
        '/openai/deployments/emb-3/embeddings?api-version=2024-10-21',
      ]);
    });

    it('lists the configured deployment as its model after probing the resource', async () => {
      upstream = await startUpstream((_req, res) => json(res, 200, { data: [{ id: 'gpt-4o' }, { id: 'gpt-35-turbo' }] }));
      const models = await provider.listModels(endpoint(upstream.url, { flavour: 'azure-openai', deployment: 'gpt-4o-eu' }), CALL);
      expect(models).toEqual(['gpt-4o-eu']);
      expect(upstream.seen[0]?.url).toBe('/openai/models?api-version=2024-10-21');
    });
  });

  describe('models and embeddings', () => {
    it('lists models from /v1/models (Ollama serves it too)', async () => {
      upstream = await startUpstream((_req, res) => json(res, 200, { object: 'list', data: [{ id: 'llama3.1:8b', object: 'model', created: 1, owned_by: 'library' }, { id: 'nomic-embed-text:latest', object: 'model' }] }));
      expect(await provider.listModels(endpoint(upstream.url, { flavour: 'ollama' }), CALL)).toEqual(['llama3.1:8b', 'nomic-embed-text:latest']);
      expect(upstream.seen[0]).toMatchObject({ method: 'GET', url: '/v1/models' });
    });

    it('asks TGI for its one model at /info', async () => {
      upstream = await startUpstream((_req, res) => json(res, 200, { model_id: 'mistralai/Mistral-7B-Instruct-v0.3', max_total_tokens: 8192 }));
      expect(await provider.listModels(endpoint(upstream.url, { flavour: 'tgi' }), CALL)).toEqual(['mistralai/Mistral-7B-Instruct-v0.3']);
      expect(upstream.seen[0]?.url).toBe('/info');
    });

    it('passes embeddings through', async () => {
      const answer = { object: 'list', data: [{ object: 'embedding', index: 0, embedding: [0.1, -0.2] }], model: 'nomic-embed-text', usage: { prompt_tokens: 2, total_tokens: 2 } };
      upstream = await startUpstream((_req, res) => json(res, 200, answer));
      expect(await provider.embeddings(endpoint(upstream.url), { model: 'nomic-embed-text', input: ['a'], encoding_format: 'float' }, CALL)).toEqual(answer);
      expect(upstream.seen[0]).toMatchObject({ url: '/v1/embeddings', body: { model: 'nomic-embed-text', input: ['a'], encoding_format: 'float' } });
    });
  });

  describe('streaming', () => {
    /**
     * Writes the transcript in two pieces split at byte k. The pause after the first piece
     * has been flushed lets the client read it alone (without it, the client's stream buffer
     * may merge both pieces before the provider reads).
     */
    const sendTranscript = (bytes: Buffer, k: number) => async (_req: IncomingMessage, res: ServerResponse) => {
      sseHead(res);
      await new Promise((resolve) => res.write(bytes.subarray(0, k), resolve));
      await sleep(5);
      res.end(bytes.subarray(k));
    };

    it('streams chunks, asking usage of flavours that support it', async () => {
      upstream = await startUpstream(sendTranscript(transcript('openai-chat-stream.sse'), 0));
      const chunks = await collect(provider.chatStream(endpoint(upstream.url, { flavour: 'vllm' }), request(), CALL));
      expect(upstream.seen[0]?.body).toMatchObject({ stream: true, stream_options: { include_usage: true } });
      expect(upstream.seen[0]?.headers.accept).toBe('text/event-stream');
      expect(contentOf(chunks)).toBe('Grüße aus Zürich — 東京の天気 ☀️ 👋🏽.');
      expect(chunks[0]?.choices[0]?.delta.role).toBe('assistant');
      expect(chunks.at(-2)?.choices[0]?.finish_reason).toBe('stop');
      expect(chunks.at(-1)).toMatchObject({ choices: [], usage: { prompt_tokens: 21, completion_tokens: 12, total_tokens: 33 } });
      for (const chunk of chunks) expect(chunk).toMatchObject({ id: 'chatcmpl-b7c1a2f0e9d84c6f', object: 'chat.completion.chunk', model: 'mistralai/Mistral-7B-Instruct-v0.3' });
    });

    it('does not add stream_options for the generic flavour', async () => {
      upstream = await startUpstream(sendTranscript(transcript('openai-chat-stream.sse'), 0));
      await collect(provider.chatStream(endpoint(upstream.url), request(), CALL));
      expect(upstream.seen[0]?.body).not.toHaveProperty('stream_options');
    });

    it.each(['openai-chat-stream.sse', 'openai-chat-stream-crlf.sse', 'openai-tool-call-stream.sse'])(
      'gives the same chunks whatever byte the upstream splits %s at',
      async (name) => {
        const bytes = transcript(name);
        let k = 0;
        upstream = await startUpstream((req, res) => sendTranscript(bytes, Number(new URL(req.url ?? '/', 'http://x').searchParams.get('k') ?? k))(req, res));
        const at = (split: number) => endpoint(`${upstream?.url ?? ''}/?k=${split}`);
        const expected = await collect(provider.chatStream(at(bytes.length), request(), CALL));
        expect(expected.length).toBeGreaterThan(3);
        const BATCH = 16;
        for (k = 0; k <= bytes.length; k += BATCH) {
          const splits = Array.from({ length: Math.min(BATCH, bytes.length + 1 - k) }, (_, i) => k + i);
          const results = await Promise.all(splits.map((split) => collect(provider.chatStream(at(split), request(), CALL))));
          for (const [i, result] of results.entries()) expect(result, `split at byte ${splits[i]}`).toEqual(expected);
        }
      },
      120_000,
    );

    it('reads a CRLF transcript with comments, ids and multi-line data', async () => {
      upstream = await startUpstream(sendTranscript(transcript('openai-chat-stream-crlf.sse'), 0));
      const chunks = await collect(provider.chatStream(endpoint(upstream.url, { flavour: 'ollama' }), request(), CALL));
      expect(contentOf(chunks)).toBe('Olá, ça va ? ¿Qué tal? Ελληνικά €');
      expect(chunks.at(-1)?.choices[0]?.finish_reason).toBe('stop');
    });

    it('assembles streamed tool-call arguments', async () => {
      upstream = await startUpstream(sendTranscript(transcript('openai-tool-call-stream.sse'), 0));
      const chunks = await collect(provider.chatStream(endpoint(upstream.url), request(), CALL));
      const args = chunks.map((c) => c.choices[0]?.delta.tool_calls?.[0]?.function?.arguments ?? '').join('');
      expect(JSON.parse(args)).toEqual({ city: 'München', unit: 'c' });
      expect(chunks[0]?.choices[0]?.delta.tool_calls?.[0]).toMatchObject({ id: 'call_Qx7LrT2bJ9', function: { name: 'get_weather' } });
      expect(chunks.at(-1)?.choices[0]?.finish_reason).toBe('tool_calls');
    });

    it("maps TGI's eos_token finish reason to stop", async () => {
      upstream = await startUpstream(sendTranscript(transcript('tgi-chat-stream.sse'), 0));
      const chunks = await collect(provider.chatStream(endpoint(upstream.url, { flavour: 'tgi' }), request(), CALL));
      expect(contentOf(chunks)).toBe('Bonjour à vous');
      expect(chunks.at(-1)?.choices[0]?.finish_reason).toBe('stop');
      expect(chunks[0]?.id).toBe('chatcmpl-fixed');
    });

    it('does not count a slow consumer against the upstream timeout', async () => {
      upstream = await startUpstream(sendTranscript(transcript('tgi-chat-stream.sse'), 0));
      const chunks: ChatChunk[] = [];
      for await (const chunk of provider.chatStream(endpoint(upstream.url, { flavour: 'tgi' }), request(), { timeoutMs: 400 })) {
        chunks.push(chunk);
        await sleep(600);
      }
      expect(chunks).toHaveLength(3);
    });
  });

  describe('failures', () => {
    it.each([500, 503, 429, 404])('maps HTTP %i to UPSTREAM_UNAVAILABLE with the status only', async (status) => {
      upstream = await startUpstream((_req, res) => json(res, status, { error: { message: 'SECRET-BODY: patient Jane Doe' } }, { 'retry-after': '7' }));
      for (const call of [
        () => provider.chat(endpoint(upstream?.url ?? ''), request(), CALL),
        () => collect(provider.chatStream(endpoint(upstream?.url ?? ''), request(), CALL)),
        () => provider.embeddings(endpoint(upstream?.url ?? ''), { model: 'e', input: 'x' }, CALL),
        () => provider.listModels(endpoint(upstream?.url ?? ''), CALL),
      ]) {
        const error = await rejection(call());
        expect(error.code).toBe('UPSTREAM_UNAVAILABLE');
        expect(error.status).toBe(502);
        expect(error.message).toBe(`endpoint "local": upstream answered HTTP ${status}`);
        expect(error).toBeInstanceOf(UpstreamHttpError);
        expect((error as UpstreamHttpError).upstreamStatus).toBe(status);
        expect((error as UpstreamHttpError).retryAfter).toBe(7);
      }
    });

    it('maps a refused connection to UPSTREAM_UNAVAILABLE', async () => {
      const gone = await startUpstream(() => undefined);
      const url = gone.url;
      await gone.close();
      const error = await rejection(provider.chat(endpoint(url), request(), CALL));
      expect(error.code).toBe('UPSTREAM_UNAVAILABLE');
      expect(error.message).toContain('ECONNREFUSED');
      expect((await rejection(collect(provider.chatStream(endpoint(url), request(), CALL)))).code).toBe('UPSTREAM_UNAVAILABLE');
    });

    it('times out with UPSTREAM_TIMEOUT when the headers never come', async () => {
      upstream = await startUpstream(() => undefined);
      const started = Date.now();
      const error = await rejection(provider.chat(endpoint(upstream.url), request(), { timeoutMs: 200 }));
      expect(error.code).toBe('UPSTREAM_TIMEOUT');
      expect(error.status).toBe(504);
      expect(Date.now() - started).toBeLessThan(2_000);
      expect((await rejection(collect(provider.chatStream(endpoint(upstream.url), request(), { timeoutMs: 200 })))).code).toBe('UPSTREAM_TIMEOUT');
    });

    it('times out when a whole answer stalls half-way through its body', async () => {
      upstream = await startUpstream((_req, res) => {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.write('{"id":"chatcmpl-1","choices":[');
      });
      expect((await rejection(provider.chat(endpoint(upstream.url), request(), { timeoutMs: 200 }))).code).toBe('UPSTREAM_TIMEOUT');
    });

    it('times out when a stream falls silent, after yielding what came', async () => {
      const bytes = transcript('openai-chat-stream.sse');
      upstream = await startUpstream((_req, res) => {
        sseHead(res);
        res.write(bytes.subarray(0, bytes.indexOf('\n\n') + 2));
      });
      const chunks: ChatChunk[] = [];
      const error = await rejection(
        (async () => {
          for await (const chunk of provider.chatStream(endpoint(upstream?.url ?? ''), request(), { timeoutMs: 200 })) chunks.push(chunk);
        })(),
      );
      expect(error.code).toBe('UPSTREAM_TIMEOUT');
      expect(chunks).toHaveLength(1);
      await sleep(50);
      expect(upstream.closed).toHaveLength(1);
    });

    it('maps malformed JSON to UPSTREAM_UNAVAILABLE without quoting it', async () => {
      upstream = await startUpstream((_req, res) => {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end('{"choices": [SECRET-BODY');
      });
      const error = await rejection(provider.chat(endpoint(upstream.url), request(), CALL));
      expect(error.code).toBe('UPSTREAM_UNAVAILABLE');
      expect(error.message).toBe('endpoint "local": upstream sent malformed JSON');
      expect(error.message).not.toContain('SECRET');
    });

    it('maps malformed JSON inside a stream to UPSTREAM_UNAVAILABLE', async () => {
      upstream = await startUpstream((_req, res) => {
        sseHead(res);
        res.end(`data: ${JSON.stringify({ id: 'c', choices: [{ index: 0, delta: { content: 'ok' }, finish_reason: null }] })}\n\ndata: {"choices":[SECRET-BODY\n\n`);
      });
      const chunks: ChatChunk[] = [];
      const error = await rejection(
        (async () => {
          for await (const chunk of provider.chatStream(endpoint(upstream?.url ?? ''), request(), CALL)) chunks.push(chunk);
        })(),
      );
      expect(error.code).toBe('UPSTREAM_UNAVAILABLE');
      expect(error.message).not.toContain('SECRET');
      expect(contentOf(chunks)).toBe('ok');
    });

    it.each([
      ['an answer without choices', (res: ServerResponse) => json(res, 200, { object: 'list' }), 'unexpected shape'],
      ['an error object with status 200', (res: ServerResponse) => json(res, 200, { error: { message: 'SECRET-BODY' } }), 'reported an error'],
    ])('maps %s to UPSTREAM_UNAVAILABLE', async (_name, answer, phrase) => {
      upstream = await startUpstream((_req, res) => answer(res));
      const error = await rejection(provider.chat(endpoint(upstream.url), request(), CALL));
      expect(error.code).toBe('UPSTREAM_UNAVAILABLE');
      expect(error.message).toContain(phrase);
    });

    it('maps an error event in a stream, and a stream cut before any finish, to UPSTREAM_UNAVAILABLE', async () => {
      const first = `data: ${JSON.stringify({ id: 'c', choices: [{ index: 0, delta: { content: 'ok' }, finish_reason: null }] })}\n\n`;
      upstream = await startUpstream((req, res) => {
        sseHead(res);
        if (req.url?.includes('cut')) res.end(first);
        else res.end(`${first}data: {"error":{"message":"SECRET-BODY","code":500}}\n\n`);
      });
      const errored = await rejection(collect(provider.chatStream(endpoint(upstream.url), request(), CALL)));
      expect(errored.message).toBe('endpoint "local": upstream reported an error');
      const cut = await rejection(collect(provider.chatStream(endpoint(`${upstream.url}/cut`), request(), CALL)));
      expect(cut.message).toBe('endpoint "local": upstream stream ended early');
    });

    it('stops mid-stream on abort, closing the upstream connection', async () => {
      const bytes = transcript('openai-chat-stream.sse');
      upstream = await startUpstream((_req, res) => {
        sseHead(res);
        res.write(bytes.subarray(0, bytes.indexOf('\n\n') + 2));
      });
      const controller = new AbortController();
      const iterator = provider.chatStream(endpoint(upstream.url), request(), { timeoutMs: 5_000, signal: controller.signal })[Symbol.asyncIterator]();
      const first = await iterator.next();
      expect(first.done).toBe(false);
      const pending = iterator.next();
      controller.abort();
      const error = await rejection(pending);
      expect(error.code).toBe('UPSTREAM_UNAVAILABLE');
      expect(error.message).toContain('aborted');
      await sleep(50);
      expect(upstream.closed).toHaveLength(1);
    });

    it('refuses a call whose signal is already aborted, without sending it', async () => {
      upstream = await startUpstream((_req, res) => json(res, 200, completion));
      const error = await rejection(provider.chat(endpoint(upstream.url), request(), { timeoutMs: 1_000, signal: AbortSignal.abort() }));
      expect(error.message).toContain('aborted');
      expect(upstream.seen).toHaveLength(0);
    });

    it('closes even while a stream hangs on a silent upstream', async () => {
      const bytes = transcript('openai-chat-stream.sse');
      upstream = await startUpstream((_req, res) => {
        sseHead(res);
        res.write(bytes.subarray(0, bytes.indexOf('\n\n') + 2));
      });
      const own = createOpenAiCompatibleProvider();
      const iterator = own.chatStream(endpoint(upstream.url), request(), { timeoutMs: 60_000 })[Symbol.asyncIterator]();
      await iterator.next();
      const pending = iterator.next();
      const started = Date.now();
      await own.close?.();
      expect(Date.now() - started).toBeLessThan(5_000);
      expect((await rejection(pending)).code).toBe('UPSTREAM_UNAVAILABLE');
      expect((await rejection(own.chat(endpoint(upstream.url), request(), CALL))).message).toBe('the provider is closed');
    });

    it('releases the upstream when the consumer stops reading early', async () => {
      const bytes = transcript('openai-chat-stream.sse');
      upstream = await startUpstream((_req, res) => {
        sseHead(res);
        res.write(bytes);
      });
      for await (const chunk of provider.chatStream(endpoint(upstream.url), request(), CALL)) {
        expect(chunk.object).toBe('chat.completion.chunk');
        break;
      }
      await sleep(50);
      expect(upstream.closed).toHaveLength(1);
    });
  });
});

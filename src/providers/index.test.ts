import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import OpenAI from 'openai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AirlockError } from '../core/errors.js';
import type { Endpoint } from '../policy/endpoints.js';
import { createProviders, validateEndpoints, type Providers } from './index.js';
import type { ChatRequest } from './types.js';

const FIXTURES = join(import.meta.dirname, '../../test/fixtures/sse');

const base = {
  models: [],
  jurisdiction: 'DE',
  sovereign: true,
  retention: 'none' as const,
  trainsOnData: false,
  environments: ['prod' as const],
  tags: [],
  frameworks: [],
  priority: 100,
  options: {},
};

async function listen(server: Server): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

async function closeServer(server: Server): Promise<void> {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
}

describe('createProviders', () => {
  it('has one provider per endpoint kind, and a close() that iteration does not see', async () => {
    const providers = createProviders();
    expect(Object.keys(providers).sort()).toEqual(['anthropic', 'dry-run', 'llama-cpp', 'openai-compatible']);
    for (const kind of ['anthropic', 'dry-run', 'llama-cpp', 'openai-compatible'] as const) expect(providers[kind].kind).toBe(kind);
    await providers.close();
  });

  it('validates endpoint options at start-up, naming endpoint and option', async () => {
    const providers = createProviders();
    const bad: Endpoint = { ...base, id: 'ollama-eu', kind: 'openai-compatible', url: 'http://127.0.0.1:1', options: { flavour: 'olama' } };
    expect(() => validateEndpoints(providers, [bad])).toThrow(AirlockError);
    expect(() => validateEndpoints(providers, [bad])).toThrow(/endpoint "ollama-eu": options\.flavour is invalid/);
    expect(() => validateEndpoints(providers, [{ ...bad, options: { flavour: 'ollama' } }])).not.toThrow();
    await providers.close();
  });
});

/**
 * The official openai SDK reads what the providers produce, served by a minimal
 * OpenAI-shaped HTTP front: proof that the chunks and answers are what real clients expect.
 */
describe('provider output read by the official openai SDK', () => {
  let providers: Providers;
  let upstream: Server;
  let front: Server;
  let client: OpenAI;
  const endpoints: Record<string, Endpoint> = {};

  beforeAll(async () => {
    providers = createProviders({ env: { ANTHROPIC_KEY: 'sk-ant-x' } });
    // Upstream: Anthropic and an OpenAI-compatible server replaying recorded transcripts.
    upstream = createServer((req, res) => {
      req.resume();
      req.on('end', () => {
        res.writeHead(200, { 'content-type': 'text/event-stream' });
        const name = req.url?.startsWith('/v1/messages') ? 'anthropic-tool-use-stream.sse' : 'openai-chat-stream.sse';
        res.end(readFileSync(join(FIXTURES, name)));
      });
    });
    const upstreamUrl = await listen(upstream);
    endpoints['claude'] = { ...base, id: 'claude', kind: 'anthropic', url: upstreamUrl, options: { apiKeyEnv: 'ANTHROPIC_KEY' } };
    endpoints['vllm'] = { ...base, id: 'vllm', kind: 'openai-compatible', url: upstreamUrl, options: { flavour: 'vllm' } };
    endpoints['dry'] = { ...base, id: 'dry', kind: 'dry-run' };

    // Front: the model name picks the endpoint.
    front = createServer((req, res) => {
      const parts: Buffer[] = [];
      req.on('data', (p: Buffer) => parts.push(p));
      req.on('end', () => {
        void (async () => {
          const request = JSON.parse(Buffer.concat(parts).toString('utf8')) as ChatRequest;
          const endpoint = endpoints[request.model] as Endpoint;
          const provider = providers[endpoint.kind];
          if (!request.stream) {
            res.writeHead(200, { 'content-type': 'application/json' });
            res.end(JSON.stringify(await provider.chat(endpoint, request, { timeoutMs: 5_000 })));
            return;
          }
          res.writeHead(200, { 'content-type': 'text/event-stream' });
          for await (const chunk of provider.chatStream(endpoint, request, { timeoutMs: 5_000 })) res.write(`data: ${JSON.stringify(chunk)}\n\n`);
          res.end('data: [DONE]\n\n');
        })();
      });
    });
    client = new OpenAI({ baseURL: `${await listen(front)}/v1`, apiKey: 'airlock-client-key', maxRetries: 0 });
  });

  afterAll(async () => {
    await closeServer(front);
    await closeServer(upstream);
    await providers.close();
  });

  it('accumulates an Anthropic tool-use stream into a complete tool call', async () => {
    const stream = client.chat.completions.stream({ model: 'claude', messages: [{ role: 'user', content: 'Weather in SF?' }], tools: [{ type: 'function', function: { name: 'get_weather', parameters: { type: 'object' } } }] });
    const final = await stream.finalChatCompletion();
    const choice = final.choices[0];
    expect(choice?.finish_reason).toBe('tool_calls');
    expect(choice?.message.content).toBe('Okay, let me check the weather.');
    const call = choice?.message.tool_calls?.[0];
    expect(call?.type === 'function' && call.function.name).toBe('get_weather');
    expect(call?.type === 'function' && JSON.parse(call.function.arguments)).toEqual({ location: 'San Francisco, CA', unit: 'fahrenheit' });
    expect(final.usage).toMatchObject({ prompt_tokens: 472, completion_tokens: 89 });
  });

  it('iterates an OpenAI-compatible stream with a usage chunk', async () => {
    const stream = await client.chat.completions.create({ model: 'vllm', messages: [{ role: 'user', content: 'Hi' }], stream: true });
    let text = '';
    let usage: OpenAI.CompletionUsage | null | undefined;
    for await (const chunk of stream) {
      text += chunk.choices[0]?.delta.content ?? '';
      usage = chunk.usage ?? usage;
    }
    expect(text).toBe('Grüße aus Zürich — 東京の天気 ☀️ 👋🏽.');
    expect(usage?.total_tokens).toBe(33);
  });

  it('reads a dry-run answer, whole and streamed', async () => {
    const whole = await client.chat.completions.create({ model: 'dry', messages: [{ role: 'user', content: 'Hi' }] });
    expect(whole.choices[0]?.message.content).toMatch(/^\[AIRLOCK DRY RUN\]/);
    const streamed = await client.chat.completions.stream({ model: 'dry', messages: [{ role: 'user', content: 'Hi' }] }).finalChatCompletion();
    expect(streamed.choices[0]?.message.content).toBe(whole.choices[0]?.message.content);
  });
});

import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AirlockError } from '../core/errors.js';
import type { Endpoint } from '../policy/endpoints.js';
import { createLlamaCppProvider, toChatHistory } from './llama-cpp.js';
import type { ChatChunk, ChatRequest } from './types.js';

/**
 * The real in-process path with a random-weight model: it speaks gibberish, so these tests
 * assert on shape, streaming, usage, limits and cancellation — never on what it says.
 */
const MODEL = join(import.meta.dirname, '../../../shared/models/llama-2-tiny-random.gguf');

const endpoint = (modelPath: string, extra: Partial<Endpoint> = {}): Endpoint => ({
  id: 'local-llama',
  kind: 'llama-cpp',
  modelPath,
  models: [],
  jurisdiction: 'DE',
  sovereign: true,
  retention: 'none',
  trainsOnData: false,
  environments: ['prod', 'sandbox', 'dev'],
  tags: [],
  frameworks: [],
  priority: 100,
  options: { contextSize: 512 },
  ...extra,
});

const chat = (extra: Partial<ChatRequest> = {}): ChatRequest => ({
  model: 'default',
  messages: [
    { role: 'system', content: 'You are terse.' },
    { role: 'user', content: 'Summarise case 00001234.' },
  ],
  max_tokens: 12,
  ...extra,
});

const CALL = { timeoutMs: 20_000 };

async function rejection(promise: Promise<unknown>): Promise<AirlockError> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(AirlockError);
    return error as AirlockError;
  }
  throw new Error('expected a rejection');
}

describe('toChatHistory', () => {
  it('maps system, user, assistant and tool messages and leaves room for the answer', () => {
    expect(
      toChatHistory([
        { role: 'system', content: 'S' },
        { role: 'user', content: [{ type: 'text', text: 'U' }] },
        { role: 'assistant', content: 'A', tool_calls: [{ id: 'c1', type: 'function', function: { name: 'f', arguments: '{"x":1}' } }] },
        { role: 'tool', tool_call_id: 'c1', content: 'R' },
      ]),
    ).toEqual([
      { type: 'system', text: 'S' },
      { type: 'user', text: 'U' },
      { type: 'model', response: ['A\nTool call f({"x":1})'] },
      { type: 'user', text: 'Tool result:\nR' },
      { type: 'model', response: [] },
    ]);
  });

  it('continues a trailing assistant message instead of starting a new one', () => {
    expect(toChatHistory([{ role: 'user', content: 'U' }, { role: 'assistant', content: 'Sure,' }]).at(-1)).toEqual({ type: 'model', response: ['Sure,'] });
  });
});

describe('llama-cpp provider without its model file', () => {
  it('fails with CONFIG_INVALID, naming the endpoint but not the path', async () => {
    const provider = createLlamaCppProvider();
    const error = await rejection(provider.chat(endpoint('/nonexistent/secret-dir/model.gguf'), chat(), CALL));
    expect(error.code).toBe('CONFIG_INVALID');
    expect(error.message).toContain('local-llama');
    expect(error.message).not.toContain('secret-dir');
    expect(() => provider.validate?.(endpoint('/x.gguf', { options: { threads: 0 } }))).toThrow(/options\.threads/);
    await provider.close?.();
  });
});

describe.skipIf(!existsSync(MODEL))('llama-cpp provider (needs ../shared/models/llama-2-tiny-random.gguf)', () => {
  const provider = createLlamaCppProvider({ now: () => 1_732_370_000_000, randomId: () => 'fixed' });
  const local = endpoint(MODEL);

  afterAll(async () => provider.close?.());

  // The first test loads the model (~3 s); the rest reuse it.
  beforeAll(async () => {
    const first = await Promise.all([provider.chat(local, chat(), CALL), provider.chat(local, chat({ max_tokens: 4 }), CALL), provider.listModels(local, CALL)]);
    expect(first[0].object).toBe('chat.completion');
    expect(first[1].object).toBe('chat.completion');
  }, 60_000);

  it('loads the model once, even for concurrent first calls', () => {
    expect(provider.loads()).toBe(1);
  });

  it('answers in the OpenAI shape with token usage from the tokenizer', async () => {
    const answer = await provider.chat(local, chat(), CALL);
    expect(answer).toMatchObject({ id: 'chatcmpl-fixed', object: 'chat.completion', created: 1_732_370_000, model: 'llama-2-tiny-random.gguf' });
    expect(answer.choices).toHaveLength(1);
    expect(answer.choices[0]?.message.role).toBe('assistant');
    expect(typeof answer.choices[0]?.message.content).toBe('string');
    expect(['stop', 'length']).toContain(answer.choices[0]?.finish_reason);
    const usage = answer.usage;
    expect(usage?.prompt_tokens).toBeGreaterThan(5);
    expect(usage?.completion_tokens).toBeGreaterThan(0);
    expect(usage?.total_tokens).toBe((usage?.prompt_tokens ?? 0) + (usage?.completion_tokens ?? 0));
  });

  it('counts more prompt tokens for a longer prompt', async () => {
    const short = await provider.chat(local, chat({ max_tokens: 1 }), CALL);
    const long = await provider.chat(local, chat({ max_tokens: 1, messages: [{ role: 'user', content: 'word '.repeat(60) }] }), CALL);
    expect(long.usage?.prompt_tokens).toBeGreaterThanOrEqual(60);
    expect(long.usage?.prompt_tokens).toBeGreaterThan(short.usage?.prompt_tokens ?? Infinity);
  });

  it.each([1, 5])('honours max_tokens = %i', async (max) => {
    const answer = await provider.chat(local, chat({ max_tokens: max }), CALL);
    expect(answer.usage?.completion_tokens).toBeLessThanOrEqual(max);
    if (answer.choices[0]?.finish_reason === 'length') expect(answer.usage?.completion_tokens).toBe(max);
  });

  it('honours max_completion_tokens and defaults to at most 256 tokens', async () => {
    expect((await provider.chat(local, chat({ max_tokens: 50, max_completion_tokens: 2 }), CALL)).usage?.completion_tokens).toBeLessThanOrEqual(2);
    const { max_tokens: _none, ...unlimited } = chat();
    expect((await provider.chat(local, unlimited, CALL)).usage?.completion_tokens).toBeLessThanOrEqual(256);
  });

  it('streams: role first, text in chunks, then the finish reason and usage; same text as the whole answer', async () => {
    const whole = await provider.chat(local, chat({ max_tokens: 16 }), CALL);
    const chunks: ChatChunk[] = [];
    for await (const chunk of provider.chatStream(local, chat({ max_tokens: 16 }), CALL)) chunks.push(chunk);
    expect(chunks[0]?.choices[0]?.delta.role).toBe('assistant');
    const text = chunks.map((c) => c.choices[0]?.delta.content ?? '').join('');
    const textChunks = chunks.filter((c) => (c.choices[0]?.delta.content ?? '') !== '');
    if (text !== '') expect(textChunks.length).toBeGreaterThan(1);
    // Greedy sampling makes the in-process model deterministic.
    expect(text).toBe(whole.choices[0]?.message.content);
    expect(chunks.at(-2)?.choices[0]?.finish_reason).toBe(whole.choices[0]?.finish_reason);
    expect(chunks.at(-1)).toMatchObject({ choices: [], usage: whole.usage });
    for (const chunk of chunks) expect(chunk).toMatchObject({ id: 'chatcmpl-fixed', object: 'chat.completion.chunk', model: 'llama-2-tiny-random.gguf' });
  });

  it('stops generating on abort mid-stream, and the next call still runs', async () => {
    const controller = new AbortController();
    const iterator = provider.chatStream(local, chat({ max_tokens: 200 }), { timeoutMs: 20_000, signal: controller.signal })[Symbol.asyncIterator]();
    const first = await iterator.next();
    expect(first.done).toBe(false);
    controller.abort();
    let error: unknown;
    try {
      while (!(await iterator.next()).done) {
        /* drain what was already generated */
      }
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(AirlockError);
    expect((error as AirlockError).message).toContain('aborted');
    expect((await provider.chat(local, chat({ max_tokens: 2 }), CALL)).object).toBe('chat.completion');
  });

  it('frees its turn when the consumer stops reading early', async () => {
    for await (const chunk of provider.chatStream(local, chat({ max_tokens: 200 }), CALL)) {
      expect(chunk.object).toBe('chat.completion.chunk');
      break;
    }
    expect((await provider.chat(local, chat({ max_tokens: 2 }), CALL)).object).toBe('chat.completion');
  });

  it('refuses an already aborted call, and times out with UPSTREAM_TIMEOUT', async () => {
    expect((await rejection(provider.chat(local, chat(), { timeoutMs: 5_000, signal: AbortSignal.abort() }))).message).toContain('aborted');
    expect((await rejection(provider.chat(local, chat({ max_tokens: 256 }), { timeoutMs: 1 }))).code).toBe('UPSTREAM_TIMEOUT');
  });

  it('serves concurrent calls one at a time, all of them', async () => {
    const answers = await Promise.all([1, 2, 3].map(() => provider.chat(local, chat({ max_tokens: 3 }), CALL)));
    for (const answer of answers) expect(answer.choices[0]?.message.role).toBe('assistant');
  });

  it('computes embeddings if the model supports them (this one does), as floats or base64', async () => {
    const result = await provider.embeddings(local, { model: 'default', input: ['Hallo Welt', 'Hallo Welt', 'anders'] }, CALL).catch((e: unknown) => e);
    if (result instanceof AirlockError) {
      // A model without embedding support must say so as INPUT_INVALID, not fail otherwise.
      expect(result.code).toBe('INPUT_INVALID');
      return;
    }
    if (result instanceof Error) throw result;
    const response = result as Awaited<ReturnType<typeof provider.embeddings>>;
    expect(response.object).toBe('list');
    expect(response.data).toHaveLength(3);
    const [a, b, c] = response.data.map((d) => d.embedding as number[]);
    expect(a?.length).toBeGreaterThan(0);
    expect(a?.every((x) => Number.isFinite(x))).toBe(true);
    expect(b).toEqual(a);
    expect(c).toHaveLength(a?.length ?? -1);
    expect(response.usage.prompt_tokens).toBeGreaterThan(3);
    const encoded = await provider.embeddings(local, { model: 'default', input: 'Hallo Welt', encoding_format: 'base64' }, CALL);
    const bytes = Buffer.from(encoded.data[0]?.embedding as string, 'base64');
    const floats = Array.from(new Float32Array(bytes.buffer, bytes.byteOffset, bytes.length / 4));
    expect(floats).toHaveLength(a?.length ?? -1);
    floats.forEach((x, i) => expect(x).toBeCloseTo(a?.[i] ?? NaN, 5));
  });

  it('lists the file name, or the configured default model', async () => {
    expect(await provider.listModels(local, CALL)).toEqual(['llama-2-tiny-random.gguf']);
    expect(await provider.listModels(endpoint(MODEL, { defaultModel: 'tiny' }), CALL)).toEqual(['tiny']);
  });
});

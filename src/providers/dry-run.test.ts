import { describe, expect, it } from 'vitest';
import type { Endpoint } from '../policy/endpoints.js';
import { createDryRunProvider, DRY_RUN_LABEL } from './dry-run.js';
import type { ChatChunk, ChatRequest } from './types.js';

const endpoint: Endpoint = {
  id: 'eu-ollama',
  kind: 'dry-run',
  url: 'http://10.0.0.5:11434',
  host: '10.0.0.5',
  models: [],
  defaultModel: 'llama3.1:8b',
  jurisdiction: 'DE',
  region: 'eu-central',
  sovereign: true,
  retention: 'none',
  trainsOnData: false,
  environments: ['prod', 'sandbox', 'dev'],
  tags: [],
  frameworks: [],
  priority: 100,
  options: {},
};

const request: ChatRequest = {
  model: 'default',
  messages: [
    { role: 'system', content: 'Summarise the case.' },
    { role: 'user', content: 'Case for <PERSON_1> (<EMAIL_ADDRESS_1>): Knie-OP, Übergröße 👋🏽' },
  ],
  temperature: 0.2,
  stream: true,
};

const CALL = { timeoutMs: 1_000 };
const provider = createDryRunProvider({ now: () => 1_732_370_000_000, randomId: () => 'fixed' });

describe('dry-run provider', () => {
  it('says it is a dry run and shows what would have been sent, and where', async () => {
    const answer = await provider.chat(endpoint, request, CALL);
    const text = answer.choices[0]?.message.content ?? '';
    expect(text.startsWith(`${DRY_RUN_LABEL} No model was called.`)).toBe(true);
    expect(text).toContain('endpoint "eu-ollama" (kind dry-run, host 10.0.0.5)');
    expect(text).toContain('jurisdiction DE, region eu-central');
    expect(text).toContain('sovereign: yes');
    expect(text).toContain('model "llama3.1:8b"');
    expect(text).toContain(JSON.stringify(request.messages, null, 2));
    expect(text).toContain('"temperature": 0.2');
    expect(text).not.toContain('"stream"');
    expect(answer).toMatchObject({ id: 'chatcmpl-dryrun-fixed', object: 'chat.completion', created: 1_732_370_000, model: 'llama3.1:8b', airlock_dry_run: true });
    expect(answer.choices[0]?.finish_reason).toBe('stop');
    expect(answer.usage?.prompt_tokens).toBeGreaterThan(0);
  });

  it('says "sovereign: no" for a non-sovereign endpoint and keeps an explicit model name', async () => {
    const answer = await provider.chat({ ...endpoint, sovereign: false, jurisdiction: 'US' }, { ...request, model: 'gpt-4o' }, CALL);
    expect(answer.choices[0]?.message.content).toContain('jurisdiction US');
    expect(answer.choices[0]?.message.content).toContain('sovereign: no');
    expect(answer.model).toBe('gpt-4o');
  });

  it('streams the same text in a few chunks, then finish and usage', async () => {
    const whole = await provider.chat(endpoint, request, CALL);
    const chunks: ChatChunk[] = [];
    for await (const chunk of provider.chatStream(endpoint, request, CALL)) chunks.push(chunk);
    const content = chunks.filter((c) => typeof c.choices[0]?.delta.content === 'string');
    expect(content.length).toBeGreaterThanOrEqual(3);
    expect(content.map((c) => c.choices[0]?.delta.content).join('')).toBe(whole.choices[0]?.message.content);
    expect(chunks[0]?.choices[0]?.delta.role).toBe('assistant');
    expect(chunks.at(-2)?.choices[0]?.finish_reason).toBe('stop');
    expect(chunks.at(-1)).toMatchObject({ choices: [], usage: whole.usage });
    for (const chunk of chunks) expect(chunk).toMatchObject({ object: 'chat.completion.chunk', airlock_dry_run: true });
  });

  it('returns small deterministic embeddings, flagged as dry run', async () => {
    const a = await provider.embeddings(endpoint, { model: 'default', input: ['x', 'y', 'x'] }, CALL);
    expect(a).toMatchObject({ object: 'list', model: 'llama3.1:8b', airlock_dry_run: true });
    const [x, y, x2] = a.data.map((d) => d.embedding as number[]);
    expect(x).toHaveLength(8);
    expect(x2).toEqual(x);
    expect(y).not.toEqual(x);
    expect(x?.every((v) => Math.abs(v) <= 0.001)).toBe(true);
    expect(x?.some((v) => v !== 0)).toBe(true);
    const wide = await provider.embeddings(endpoint, { model: 'e', input: 'x', dimensions: 100, encoding_format: 'base64' }, CALL);
    expect(Buffer.from(wide.data[0]?.embedding as string, 'base64')).toHaveLength(400);
    await expect(provider.embeddings(endpoint, { model: 'e', input: 'x', dimensions: 0 }, CALL)).rejects.toMatchObject({ code: 'INPUT_INVALID' });
  });

  it('lists configured models, else the default model', async () => {
    expect(await provider.listModels(endpoint, CALL)).toEqual(['llama3.1:8b']);
    expect(await provider.listModels({ ...endpoint, models: ['a', 'b'] }, CALL)).toEqual(['a', 'b']);
    const { defaultModel: _d, ...bare } = endpoint;
    expect(await provider.listModels(bare, CALL)).toEqual(['dry-run']);
  });
});

import { existsSync } from 'node:fs';
import { join } from 'node:path';
import OpenAI from 'openai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startGateway } from './support.js';

const MODEL = join(import.meta.dirname, '../../../shared/models/llama-2-tiny-random.gguf');

describe.skipIf(!existsSync(MODEL))('gateway with the in-process tiny model (needs ../shared/models/llama-2-tiny-random.gguf)', () => {
  let gw: Awaited<ReturnType<typeof startGateway>>;
  let client: OpenAI;
  beforeAll(async () => {
    gw = await startGateway({ modelFile: MODEL, jurisdiction: 'DE' });
    client = new OpenAI({ apiKey: gw.key, baseURL: gw.url, maxRetries: 0 });
  }, 60_000);
  afterAll(async () => gw?.close());

  it('answers through real inference, whole and streamed', async () => {
    const completion = await client.chat.completions.create({ model: 'default', max_tokens: 12, messages: [{ role: 'user', content: 'Summarise for j.mueller@example.de' }] });
    expect(typeof completion.choices[0]?.message.content).toBe('string');
    expect(completion.choices[0]?.finish_reason).toMatch(/stop|length/);
    const { response } = await client.chat.completions.create({ model: 'default', max_tokens: 4, messages: [{ role: 'user', content: 'hi' }] }).withResponse();
    expect(response.headers.get('x-airlock-decision')).toMatch(/endpoint=local-model;jurisdiction=DE/);
    const stream = await client.chat.completions.create({ model: 'default', stream: true, max_tokens: 12, messages: [{ role: 'user', content: 'hello' }] });
    let chunks = 0;
    let finish: string | null = null;
    for await (const chunk of stream) {
      chunks++;
      finish = chunk.choices[0]?.finish_reason ?? finish;
    }
    expect(chunks).toBeGreaterThan(1);
    expect(finish).toMatch(/stop|length/);
  }, 60_000);
});

import OpenAI from 'openai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startUpstream, type Upstream } from '../support/upstream.js';
import { startGateway } from './support.js';

const SECRETS = ['sk-proj-Xq7vT2mN9pL4kR8sW1yB3dF6hJ0cV5gZaB3c', 'AKIAIOSFODNN7Q2XK4PB', '536-22-8146'];

describe('streamed answers are inspected before any byte reaches the client', () => {
  const upstreams: Upstream[] = [];
  const gateways: Array<Awaited<ReturnType<typeof startGateway>>> = [];
  afterAll(async () => {
    for (const g of gateways) await g.close();
    for (const u of upstreams) await u.close();
  });

  let clients: Array<{ size: number; client: OpenAI }> = [];
  beforeAll(async () => {
    clients = [];
    for (const size of [1, 2, 3, 5, 7, 11]) {
      const u = await startUpstream({ chunkSize: size, reply: () => `Sure. The key is ${SECRETS[0]} and ${SECRETS[1]}; the SSN is ${SECRETS[2]}. Done.` });
      upstreams.push(u);
      const g = await startGateway({ policy: { version: 's', endpoints: [{ id: 'local', kind: 'openai-compatible', url: u.url, models: ['m'], jurisdiction: 'DE', sovereign: true }] } });
      gateways.push(g);
      clients.push({ size, client: new OpenAI({ apiKey: g.key, baseURL: g.url, maxRetries: 0 }) });
    }
  }, 60_000);

  it('removes secrets and unknown restricted values at every chunk size', async () => {
    for (const { size, client } of clients) {
      const stream = await client.chat.completions.create({ model: 'm', stream: true, messages: [{ role: 'user', content: 'tell me' }] });
      let text = '';
      for await (const chunk of stream) text += chunk.choices[0]?.delta.content ?? '';
      for (const s of SECRETS) expect(text, `chunk size ${size}`).not.toContain(s);
      expect(text).toBe('Sure. The key is [SECRET] and [SECRET]; the SSN is [US_SSN]. Done.');
    }
  });
});

describe('whole answers', () => {
  it('return only inspected message fields: extra upstream fields such as reasoning text are dropped', async () => {
    const u = await startUpstream({ extraMessageFields: { reasoning_content: `the key is ${SECRETS[0]}` } });
    const g = await startGateway({ policy: { version: 'x', endpoints: [{ id: 'local', kind: 'openai-compatible', url: u.url, models: ['m'], jurisdiction: 'DE', sovereign: true }] } });
    try {
      const res = await fetch(`${g.url}/chat/completions`, {
        method: 'POST',
        headers: { authorization: `Bearer ${g.key}`, 'content-type': 'application/json' },
        body: JSON.stringify({ model: 'm', messages: [{ role: 'user', content: 'hi' }] }),
      });
      const text = await res.text();
      expect(res.status).toBe(200);
      expect(text).not.toContain(SECRETS[0]);
      expect(text).not.toContain('reasoning_content');
    } finally {
      await g.close();
      await u.close();
    }
  });
});

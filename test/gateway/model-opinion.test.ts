import OpenAI from 'openai';
import { describe, expect, it } from 'vitest';
import { loadPolicy } from '../../src/policy/policy.js';
import { startUpstream } from '../support/upstream.js';
import { startGateway } from './support.js';

describe('second opinion from the sovereign model', () => {
  it('adds the names the model finds to the pattern findings before anything leaves', async () => {
    const upstream = await startUpstream({
      reply: (body) => {
        const system = body.messages.find((m) => m.role === 'system')?.content ?? '';
        if (system.startsWith('You find personal data')) return JSON.stringify({ entities: [{ type: 'PERSON', text: 'tjorven quaas' }] });
        return `ok: ${body.messages.at(-1)?.content}`;
      },
    });
    const gw = await startGateway({
      policy: {
        version: 'op-1',
        endpoints: [{ id: 'local', kind: 'openai-compatible', url: upstream.url, models: ['m'], jurisdiction: 'DE', sovereign: true }],
        detection: { modelOpinion: { endpoint: 'local' } },
      },
    });
    try {
      const client = new OpenAI({ apiKey: gw.key, baseURL: gw.url, maxRetries: 0 });
      const c = await client.chat.completions.create({ model: 'm', messages: [{ role: 'user', content: 'budget approved by tjorven quaas yesterday' }] });
      const chat = upstream.received.filter((b) => !b.messages.some((m) => m.role === 'system'));
      expect(JSON.stringify(chat)).not.toContain('tjorven quaas');
      expect(JSON.stringify(chat)).toContain('PERSON_1');
      expect(c.choices[0]?.message.content).toBe('ok: budget approved by tjorven quaas yesterday');
    } finally {
      await gw.close();
      await upstream.close();
    }
  });

  it('denies when the model does not answer with the requested JSON', async () => {
    const upstream = await startUpstream({ reply: () => 'I am not JSON' });
    const gw = await startGateway({
      policy: {
        version: 'op-2',
        endpoints: [{ id: 'local', kind: 'openai-compatible', url: upstream.url, models: ['m'], jurisdiction: 'DE', sovereign: true }],
        detection: { modelOpinion: { endpoint: 'local' } },
      },
    });
    try {
      const client = new OpenAI({ apiKey: gw.key, baseURL: gw.url, maxRetries: 0 });
      const error = await client.chat.completions.create({ model: 'm', messages: [{ role: 'user', content: 'hello there' }] }).catch((e: unknown) => e);
      expect((error as { code?: string }).code).toBe('DETECTION_FAILED');
      expect(upstream.received.filter((b) => !b.messages.some((m) => m.role === 'system'))).toEqual([]);
    } finally {
      await gw.close();
      await upstream.close();
    }
  });

  it('is refused at load for an endpoint that is not sovereign', () => {
    expect(() =>
      loadPolicy({
        version: 1,
        endpoints: [{ id: 'cloud', kind: 'openai-compatible', url: 'https://api.openai.com/v1', jurisdiction: 'US', sovereign: true }],
        detection: { modelOpinion: { endpoint: 'cloud' } },
      }),
    ).toThrow(/not sovereign/);
  });
});

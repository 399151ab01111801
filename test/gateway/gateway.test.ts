import { createOpenAI } from '@ai-sdk/openai';
import { generateText, streamText } from 'ai';
import OpenAI from 'openai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startUpstream, type Upstream } from '../support/upstream.js';
import { startGateway } from './support.js';

const PERSONAL = 'Summarise the case of Jürgen Müller (j.mueller@example.de), card 4111 1111 1111 1111, SSN 536-22-8146.';

let upstream: Upstream;
let gw: Awaited<ReturnType<typeof startGateway>>;
let client: OpenAI;

beforeAll(async () => {
  upstream = await startUpstream({ chunkSize: 3 });
  gw = await startGateway({
    policy: {
      version: 'test-1',
      endpoints: [
        { id: 'local', kind: 'openai-compatible', url: upstream.url, models: ['stub-model'], defaultModel: 'stub-model', jurisdiction: 'DE', sovereign: true, environments: ['prod'] },
        { id: 'us-cloud', kind: 'openai-compatible', url: upstream.url, models: ['us-model'], jurisdiction: 'US', environments: ['prod', 'sandbox'] },
      ],
      aliases: { default: 'local' },
      rules: [{ id: 'no-private-keys', match: { entity: 'PRIVATE_KEY' }, action: 'block', reason: 'key material never leaves' }],
    },
  });
  client = new OpenAI({ apiKey: gw.key, baseURL: gw.url, maxRetries: 0 });
});

afterAll(async () => {
  await gw?.close();
  await upstream?.close();
});

describe('gateway with the official openai SDK', () => {
  it('pseudonymizes personal data on the way out and restores it in the answer', async () => {
    const before = upstream.received.length;
    const completion = await client.chat.completions.create({ model: 'default', messages: [{ role: 'user', content: PERSONAL }] });
    const sent = JSON.stringify(upstream.received.slice(before));
    for (const raw of ['Jürgen', 'Müller', 'j.mueller@example.de', '4111 1111 1111 1111', '536-22-8146']) expect(sent).not.toContain(raw);
    expect(sent).toContain('[CREDIT_CARD]');
    const answer = completion.choices[0]?.message.content ?? '';
    expect(answer).toContain('Jürgen Müller');
    expect(answer).toContain('j.mueller@example.de');
    expect(answer).toContain('[CREDIT_CARD]');
    expect(answer).not.toContain('4111');
    expect(completion.model).toBe('stub-model');
  });

  it('summarises the decision in a header, with counts and never values', async () => {
    const { response } = await client.chat.completions.create({ model: 'default', messages: [{ role: 'user', content: PERSONAL }] }).withResponse();
    const header = response.headers.get('x-airlock-decision') ?? '';
    expect(header).toMatch(/verdict=transform;reason=TRANSFORM;endpoint=local;jurisdiction=DE/);
    expect(header).toMatch(/CREDIT_CARD:redact=1/);
    expect(header).not.toContain('Müller');
  });

  it('streams: restores pseudonyms split across chunks, ends with [DONE]', async () => {
    const stream = await client.chat.completions.create({ model: 'default', stream: true, messages: [{ role: 'user', content: PERSONAL }] });
    let text = '';
    let finish: string | null = null;
    for await (const chunk of stream) {
      text += chunk.choices[0]?.delta.content ?? '';
      finish = chunk.choices[0]?.finish_reason ?? finish;
    }
    expect(text).toContain('Jürgen Müller');
    expect(text).not.toContain('PERSON_');
    expect(text).not.toContain('4111');
    expect(finish).toBe('stop');
  });

  it('gives embeddings of sanitized input', async () => {
    const before = upstream.received.length;
    const res = await client.embeddings.create({ model: 'default', input: ['mail j.mueller@example.de', 'hello'] });
    expect(res.data).toHaveLength(2);
    expect(JSON.stringify(upstream.received.slice(before))).not.toContain('j.mueller@example.de');
  });

  it('lists the models the caller may reach', async () => {
    const models = await client.models.list();
    const ids = models.data.map((m) => m.id);
    expect(ids).toEqual(expect.arrayContaining(['stub-model', 'us-model', 'default']));
    const sandbox = new OpenAI({ apiKey: gw.sandboxKey, baseURL: gw.url, maxRetries: 0 });
    const sandboxIds = (await sandbox.models.list()).data.map((m) => m.id);
    expect(sandboxIds).not.toContain('stub-model');
  });

  it('refuses EU personal data to a US endpoint with RESIDENCY_NO_COMPLIANT_ENDPOINT, and sends nothing', async () => {
    const before = upstream.received.length;
    const error = await client.chat.completions.create({ model: 'us-model', messages: [{ role: 'user', content: PERSONAL }] }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OpenAI.PermissionDeniedError);
    expect((error as { code?: string }).code).toBe('RESIDENCY_NO_COMPLIANT_ENDPOINT');
    expect(upstream.received.length).toBe(before);
  });

  it('blocks by rule with POLICY_BLOCKED', async () => {
    const pem = `-----BEGIN PRIVATE KEY-----\n${'MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC7VJTUt9Us8cKj'.repeat(1)}\nMzEfYyjiWA4R4/M2bS1GB4t7NXp98C3SC6dVMvDuictGeurT8jNbvJZHtCSuYEvu\nnd3Lq8Rj5Wk2Xp9Tz4Vb7Nc1Mq6Ld3Fs8Gh2Jk5Pw9Ry4Tu7Ia0Ob3Qe6Wr1Ez\n-----END PRIVATE KEY-----`;
    const error = await client.chat.completions.create({ model: 'default', messages: [{ role: 'user', content: `debug this ${pem}` }] }).catch((e: unknown) => e);
    expect((error as { code?: string }).code).toBe('POLICY_BLOCKED');
  });

  it('rejects a missing or wrong key with AUTH_INVALID, never echoing it', async () => {
    const bad = new OpenAI({ apiKey: 'alk_prod_AAAAAAAAAAA_wrongwrongwrongwrongwrongwrongwrongwrongwro', baseURL: gw.url, maxRetries: 0 });
    const error = await bad.chat.completions.create({ model: 'default', messages: [{ role: 'user', content: 'hi' }] }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OpenAI.AuthenticationError);
    expect((error as { code?: string }).code).toBe('AUTH_INVALID');
    expect(JSON.stringify((error as { error?: unknown }).error)).not.toContain('wrongwrong');
  });

  it('answers malformed and oversized bodies with coded errors', async () => {
    const post = (body: string) =>
      fetch(`${gw.url}/chat/completions`, { method: 'POST', headers: { authorization: `Bearer ${gw.key}`, 'content-type': 'application/json' }, body });
    const bad = await post('{"model": "default", "messages": [');
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: { code: string } }).error.code).toBe('INPUT_INVALID_JSON');
    const deep = await post(`{"model":"default","messages":${'['.repeat(500)}${']'.repeat(500)}}`);
    expect(((await deep.json()) as { error: { code: string } }).error.code).toBe('INPUT_TOO_DEEP');
    const invalid = await post('{"model": "default"}');
    expect(((await invalid.json()) as { error: { code: string } }).error.code).toBe('INPUT_INVALID');
  });

  it('serves health, readiness and Prometheus metrics', async () => {
    expect((await fetch(`${gw.url.replace('/v1', '')}/healthz`)).status).toBe(200);
    const ready = await fetch(`${gw.url.replace('/v1', '')}/readyz`);
    expect(ready.status).toBe(200);
    const metrics = await (await fetch(`${gw.url.replace('/v1', '')}/metrics`)).text();
    expect(metrics).toMatch(/airlock_requests_total/);
    expect(metrics).toMatch(/airlock_stage_seconds_bucket\{[^}]*stage="analyze"[^}]*\} \d+/);
    expect(metrics).toMatch(/airlock_entities_total\{entity="CREDIT_CARD",action="redact"\} \d+/);
  });

  it('issues short-lived tokens that work as bearer credentials', async () => {
    const res = await fetch(`${gw.url}/auth/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ grant_type: 'client_credentials', client_secret: gw.key }),
    });
    const token = (await res.json()) as { access_token: string; expires_in: number };
    expect(token.expires_in).toBeLessThanOrEqual(900);
    const viaToken = new OpenAI({ apiKey: token.access_token, baseURL: gw.url, maxRetries: 0 });
    const c = await viaToken.chat.completions.create({ model: 'default', messages: [{ role: 'user', content: 'hello' }] });
    expect(c.choices[0]?.message.content).toContain('hello');
  });

  it('sanitizes a Salesforce record through POST /v1/sanitize with an explanation', async () => {
    const res = await fetch(`${gw.url}/sanitize`, {
      method: 'POST',
      headers: { authorization: `Bearer ${gw.key}`, 'content-type': 'application/json' },
      body: JSON.stringify({ attributes: { type: 'Contact' }, LastName: 'Müller', Email: 'j.mueller@example.de', Title: 'CFO' }),
    });
    const body = (await res.json()) as { sanitized: Record<string, string>; explain: Array<{ path: string }> };
    expect(body.sanitized.Title).toBe('CFO');
    expect(body.sanitized.Email).toMatch(/^EMAIL_ADDRESS_\d+$/);
    expect(JSON.stringify(body.explain)).not.toContain('Müller');
  });
});

describe('gateway with the Vercel AI SDK', () => {
  it('generates and streams through Airlock', async () => {
    const provider = createOpenAI({ apiKey: gw.key, baseURL: gw.url });
    const { text } = await generateText({ model: provider.chat('default'), prompt: 'Write to j.mueller@example.de please' });
    expect(text).toContain('j.mueller@example.de');
    const stream = streamText({ model: provider.chat('default'), prompt: 'Call Jürgen Müller back' });
    let streamed = '';
    for await (const part of stream.textStream) streamed += part;
    expect(streamed).toContain('Jürgen Müller');
  });
});

describe('failover', () => {
  it('fails over only to an endpoint of the same decision, and never to one that is not compliant', async () => {
    const broken = await startUpstream({ failFirst: { count: 1000, status: 503 } });
    const good = await startUpstream();
    const g = await startGateway({
      policy: {
        version: 'fo-1',
        endpoints: [
          { id: 'a', kind: 'openai-compatible', url: broken.url, models: ['m'], jurisdiction: 'DE', sovereign: true, priority: 1 },
          { id: 'b', kind: 'openai-compatible', url: good.url, models: ['m'], jurisdiction: 'FR', sovereign: true, priority: 2 },
          { id: 'c', kind: 'openai-compatible', url: good.url, models: ['m'], jurisdiction: 'US', priority: 3 },
        ],
      },
    });
    try {
      const c = new OpenAI({ apiKey: g.key, baseURL: g.url, maxRetries: 0 });
      const { response } = await c.chat.completions.create({ model: 'm', messages: [{ role: 'user', content: PERSONAL }] }).withResponse();
      expect(response.headers.get('x-airlock-decision')).toMatch(/endpoint=b;jurisdiction=FR/);
      // with b down too, the only endpoint left is in the US: denied, not downgraded
      await good.close();
      const error = await c.chat.completions.create({ model: 'm', messages: [{ role: 'user', content: PERSONAL }] }).catch((e: unknown) => e);
      expect((error as { code?: string }).code).toMatch(/UPSTREAM_UNAVAILABLE|UPSTREAM_TIMEOUT/);
    } finally {
      await g.close();
      await broken.close();
    }
  });
});

describe('pseudonym lifetime', () => {
  it('keeps a conversation’s pseudonyms in the vault, and those of a request without one only for that request', async () => {
    const count = () => (gw.gateway.airlock.db.prepare('SELECT COUNT(*) AS n FROM vault_mappings').get() as { n: number }).n;
    const before = count();
    const c1 = await client.chat.completions.create({ model: 'default', messages: [{ role: 'user', content: 'Call Zoë Dubois back' }] });
    expect(c1.choices[0]?.message.content).toContain('Zoë Dubois');
    expect(count()).toBe(before);
    const withSession = new OpenAI({ apiKey: gw.key, baseURL: gw.url, maxRetries: 0, defaultHeaders: { 'x-airlock-session': 'conv-42' } });
    await withSession.chat.completions.create({ model: 'default', messages: [{ role: 'user', content: 'Call Zoë Dubois back' }] });
    expect(count()).toBeGreaterThan(before);
    const sent = JSON.stringify(upstream.received.at(-1));
    const token = sent.match(/PERSON_\d+/)?.[0] as string;
    // a later turn of the same conversation gets the same pseudonym back
    await withSession.chat.completions.create({ model: 'default', messages: [{ role: 'user', content: 'Zoë Dubois again' }] });
    expect(JSON.stringify(upstream.received.at(-1))).toContain(token);
  });
});

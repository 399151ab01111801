import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A real OpenAI-compatible HTTP upstream on 127.0.0.1 for tests and benchmarks: it records
 * every request body it receives (so tests can assert what actually left Airlock) and
 * answers with `reply(request)` — whole or streamed as SSE in `chunkSize`-character pieces.
 */
export interface UpstreamOptions {
  reply?: (body: ChatBody) => string;
  chunkSize?: number;
  /** answer these many requests with this status before behaving */
  failFirst?: { count: number; status: number };
  models?: string[];
  /** delay before the first byte, ms */
  delayMs?: number;
  /** extra fields put on the answer's message (as some upstreams add reasoning text) */
  extraMessageFields?: Record<string, unknown>;
}

export interface ChatBody {
  model: string;
  messages: Array<{ role: string; content: string | null }>;
  stream?: boolean;
  input?: string | string[];
}

export interface Upstream {
  url: string;
  received: ChatBody[];
  close(): Promise<void>;
}

const lastUser = (body: ChatBody): string =>
  [...body.messages].reverse().find((m) => m.role === 'user')?.content ?? '';

export async function startUpstream(options: UpstreamOptions = {}): Promise<Upstream> {
  const received: ChatBody[] = [];
  let failures = options.failFirst?.count ?? 0;
  const reply = options.reply ?? ((body) => `You said: ${lastUser(body)}`);
  const server: Server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const parts: Buffer[] = [];
    req.on('data', (c: Buffer) => parts.push(c));
    req.on('end', () => {
      const raw = Buffer.concat(parts).toString('utf8');
      const respond = () => {
        if (req.method === 'GET' && req.url?.endsWith('/models')) {
          res.writeHead(200, { 'content-type': 'application/json' });
          res.end(JSON.stringify({ object: 'list', data: (options.models ?? ['stub-model']).map((id) => ({ id, object: 'model', owned_by: 'stub' })) }));
          return;
        }
        const body = (raw ? JSON.parse(raw) : {}) as ChatBody;
        received.push(body);
        if (failures > 0) {
          failures--;
          res.writeHead(options.failFirst?.status ?? 500, { 'content-type': 'application/json' });
          res.end(JSON.stringify({ error: { message: 'stub failure' } }));
          return;
        }
        if (req.url?.endsWith('/embeddings')) {
          const inputs = Array.isArray(body.input) ? body.input : [body.input ?? ''];
          res.writeHead(200, { 'content-type': 'application/json' });
          res.end(
            JSON.stringify({
              object: 'list',
              data: inputs.map((text, index) => ({ object: 'embedding', index, embedding: [text.length / 100, 0.5, -0.25] })),
              model: body.model,
              usage: { prompt_tokens: inputs.length, total_tokens: inputs.length },
            }),
          );
          return;
        }
        const text = reply(body);
        const base = { id: 'chatcmpl-stub', created: 1_700_000_000, model: body.model };
        if (!body.stream) {
          res.writeHead(200, { 'content-type': 'application/json' });
          res.end(
            JSON.stringify({
              ...base,
              object: 'chat.completion',
              choices: [{ index: 0, message: { role: 'assistant', content: text, ...options.extraMessageFields }, finish_reason: 'stop' }],
              usage: { prompt_tokens: 10, completion_tokens: text.length, total_tokens: 10 + text.length },
            }),
          );
          return;
        }
        res.writeHead(200, { 'content-type': 'text/event-stream' });
        const size = options.chunkSize ?? 8;
        const chunk = (delta: object, finish: string | null) =>
          `data: ${JSON.stringify({ ...base, object: 'chat.completion.chunk', choices: [{ index: 0, delta, finish_reason: finish }] })}\n\n`;
        res.write(chunk({ role: 'assistant', content: '' }, null));
        for (let i = 0; i < text.length; i += size) res.write(chunk({ content: text.slice(i, i + size) }, null));
        res.write(chunk({}, 'stop'));
        res.end('data: [DONE]\n\n');
      };
      if (options.delayMs) setTimeout(respond, options.delayMs);
      else respond();
    });
  });
  server.keepAliveTimeout = 10_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/v1`,
    received,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/**
 * The upstream of bench:gateway, run as its own process so it does not share an event loop
 * with the load generator: an OpenAI-compatible endpoint that answers from constant,
 * pre-serialized buffers, with keep-alive and no JSON parsing (a byte search tells a streamed
 * request from a whole one). A streamed answer sends one word every BENCH_STREAM_TOKEN_MS,
 * like a fast model, so time-to-first-byte through a gateway shows any holding back.
 *
 * Prints `{"port":N}` once listening; exits when its stdin closes (the parent is gone) or on SIGTERM.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

const tokenMs = Number(process.env.BENCH_STREAM_TOKEN_MS ?? 5);

/** A realistic CRM answer with no sensitive values, ~600 characters. */
const STUB_ANSWER =
  'Summary: the customer reports that the integration stopped syncing after the last release. ' +
  'The account is on the enterprise plan and the renewal is due next quarter. Two earlier cases ' +
  'about the same connector were closed as configuration issues. Recommended next steps: confirm ' +
  'the connector version, re-run the failed batch with verbose logging, and schedule a call with ' +
  'the account owner to review the sync settings. Sentiment is neutral to slightly negative; the ' +
  'customer expects an update within one business day. No refund or credit was requested in this thread.';

const MODEL = 'stub-model';
const base = { id: 'chatcmpl-bench', created: 1_700_000_000, model: MODEL };

const completion = Buffer.from(
  JSON.stringify({
    ...base,
    object: 'chat.completion',
    choices: [{ index: 0, message: { role: 'assistant', content: STUB_ANSWER }, finish_reason: 'stop' }],
    usage: { prompt_tokens: 1000, completion_tokens: 120, total_tokens: 1120 },
  }),
);
const models = Buffer.from(JSON.stringify({ object: 'list', data: [{ id: MODEL, object: 'model', owned_by: 'bench' }] }));
const chunk = (delta: object, finish: string | null): Buffer =>
  Buffer.from(`data: ${JSON.stringify({ ...base, object: 'chat.completion.chunk', choices: [{ index: 0, delta, finish_reason: finish }] })}\n\n`);
const streamHead = chunk({ role: 'assistant', content: '' }, null);
const streamWords = STUB_ANSWER.split(/(?= )/).map((word) => chunk({ content: word }, null));
const streamTail = Buffer.concat([chunk({}, 'stop'), Buffer.from('data: [DONE]\n\n')]);
const STREAM_FLAG = Buffer.from('"stream":true');

const jsonHeaders = { 'content-type': 'application/json', 'content-length': String(completion.length) };
const modelsHeaders = { 'content-type': 'application/json', 'content-length': String(models.length) };
const sseHeaders = { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' };

function stream(res: ServerResponse): void {
  res.writeHead(200, sseHeaders);
  res.write(streamHead);
  if (tokenMs <= 0) {
    res.end(Buffer.concat([...streamWords, streamTail]));
    return;
  }
  let i = 0;
  const next = () => {
    if (res.destroyed) return;
    const word = streamWords[i++];
    if (!word) {
      res.end(streamTail);
      return;
    }
    res.write(word);
    setTimeout(next, tokenMs);
  };
  setTimeout(next, tokenMs);
}

const server = createServer((req: IncomingMessage, res: ServerResponse) => {
  if (req.method === 'GET') {
    req.resume();
    res.writeHead(200, modelsHeaders).end(models);
    return;
  }
  const parts: Buffer[] = [];
  req.on('data', (c: Buffer) => parts.push(c));
  req.on('end', () => {
    const body = parts.length === 1 ? (parts[0] as Buffer) : Buffer.concat(parts);
    if (body.includes(STREAM_FLAG)) stream(res);
    else res.writeHead(200, jsonHeaders).end(completion);
  });
});
server.keepAliveTimeout = 120_000;
server.headersTimeout = 130_000;

server.listen(0, '127.0.0.1', () => {
  process.stdout.write(`${JSON.stringify({ port: (server.address() as AddressInfo).port })}\n`);
});

const stop = () => {
  server.closeAllConnections();
  server.close(() => process.exit(0));
  setTimeout(() => process.exit(0), 1000).unref();
};
process.stdin.on('end', stop);
process.stdin.resume();
process.on('SIGTERM', stop);

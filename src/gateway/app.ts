import { randomUUID } from 'node:crypto';
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import { AirlockError } from '../core/errors.js';
import type { Policy } from '../policy/policy.js';
import type { Sanitizer } from '../transform/sanitizer.js';
import { allows } from './auth/scope.js';
import { ChatHandler, type GatewayDeps, type RequestContext } from './chat.js';
import { toHttpError } from './http-errors.js';
import { requestId } from './request-id.js';

/** The authenticated caller. */
export interface Principal {
  keyId: string;
  client: string;
  environment: 'prod' | 'sandbox' | 'dev';
  routes?: readonly string[];
  models?: readonly string[];
}

export interface AuthPort {
  authenticate(authorization: string | undefined): Promise<Principal> | Principal;
  authorize(principal: Principal, request: { route: string; model?: string }): void;
  issueToken(body: unknown, headers: Record<string, string | undefined>): Promise<unknown> | unknown;
}

/** Admission per client: size, depth, rate and concurrency. `release` must be called once. */
export interface LimitsPort {
  maxBodyBytes: number;
  admit(principal: Principal, raw: string): Promise<{ release(): void }> | { release(): void };
  chargeTokens(principal: Principal, tokens: number): void;
}

export interface AppDeps extends GatewayDeps {
  auth: AuthPort;
  limits: LimitsPort;
  /** readiness: the store answers and at least one endpoint is reachable */
  ready(): Promise<{ ok: boolean; checks: Record<string, boolean> }>;
  /** the sanitizer used by POST /v1/sanitize (the same one the pipeline uses) */
  sanitizer: Sanitizer;
  logger?: boolean;
}

const SESSION = /^[A-Za-z0-9._:-]{1,128}$/;

/**
 * The gateway's routes, without listening: tests and benchmarks call `app.inject()`, the
 * server module listens. Every error leaves in the OpenAI error shape with an Airlock code.
 */
export function buildApp(deps: AppDeps): FastifyInstance {
  const app = Fastify({ logger: deps.logger ?? false, bodyLimit: deps.limits.maxBodyBytes, return503OnClosing: true, genReqId: () => requestId(deps.clock.now()) });
  const handler = new ChatHandler(deps);

  // bodies stay raw text: the pipeline parses them itself, with positions, limits and codes
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', { parseAs: 'string', bodyLimit: deps.limits.maxBodyBytes }, (_req, body, done) => done(null, body));

  app.setErrorHandler((error, _request, reply) => {
    const e =
      error instanceof AirlockError
        ? error
        : (error as { code?: string }).code === 'FST_ERR_CTP_BODY_TOO_LARGE'
          ? new AirlockError('PAYLOAD_TOO_LARGE', `request body exceeds ${deps.limits.maxBodyBytes} bytes`)
          : (error as { statusCode?: number }).statusCode === 400
            ? new AirlockError('INPUT_INVALID', 'malformed request')
            : error;
    sendError(reply, e);
  });
  app.setNotFoundHandler((request, reply) => {
    sendError(reply, new AirlockError('INPUT_INVALID', `no route ${request.method} ${request.url.split('?')[0]}`), 404);
  });
  // a callback hook: an async one costs a promise per request for one increment
  app.addHook('onResponse', (request, reply, done) => {
    deps.metrics.requestsOf(request.routeOptions.url ?? 'unknown', String(reply.statusCode)).inc();
    done();
  });

  const guarded = (route: string, run: (ctx: RequestContext, raw: string, principal: Principal, reply: FastifyReply) => Promise<void>) =>
    async (request: FastifyRequest, reply: FastifyReply) => {
      const raw = typeof request.body === 'string' ? request.body : '';
      const principal = await deps.auth.authenticate(request.headers.authorization);
      deps.auth.authorize(principal, { route });
      const ticket = await deps.limits.admit(principal, raw);
      try {
        await run(contextOf(request, principal, route), raw, principal, reply);
      } finally {
        ticket.release();
      }
    };

  app.post(
    '/v1/chat/completions',
    guarded('/v1/chat/completions', async (ctx, raw, principal, reply) => {
      const result = await handler.chat(ctx, raw);
      if (result.kind === 'json') {
        const usage = (result.body as { usage?: { total_tokens?: number } }).usage;
        if (usage?.total_tokens) deps.limits.chargeTokens(principal, usage.total_tokens);
        reply.headers(result.headers).send(result.body);
        return;
      }
      reply.hijack();
      const res = reply.raw;
      res.writeHead(200, { ...result.headers, 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-cache', connection: 'keep-alive' });
      for await (const event of result.events) {
        if (res.destroyed) break;
        if (!res.write(event)) await new Promise((resolve) => res.once('drain', resolve));
      }
      res.end();
    }),
  );

  app.post(
    '/v1/embeddings',
    guarded('/v1/embeddings', async (ctx, raw, _principal, reply) => {
      const result = await handler.embeddings(ctx, raw);
      if (result.kind === 'json') reply.headers(result.headers).send(result.body);
    }),
  );

  app.get('/v1/models', async (request, reply) => {
    const principal = await deps.auth.authenticate(request.headers.authorization);
    deps.auth.authorize(principal, { route: '/v1/models' });
    reply.send({ object: 'list', data: modelsFor(deps.policy(), principal) });
  });

  app.post('/v1/sanitize', async (request, reply) => {
    const principal = await deps.auth.authenticate(request.headers.authorization);
    deps.auth.authorize(principal, { route: '/v1/sanitize' });
    const raw = typeof request.body === 'string' ? request.body : '';
    const ticket = await deps.limits.admit(principal, raw);
    try {
      const body = parseSanitizeBody(raw);
      const session = sessionOf(request) ?? randomUUID();
      const policy = deps.policy().actionsFor({ clientId: principal.client, environment: principal.environment, route: '/v1/sanitize', origins: [] }, undefined);
      const result = await deps.sanitizer.sanitize(body.source, { sessionId: session, format: body.format, policy });
      reply.header('x-airlock-session', session).send({
        object: 'airlock.sanitized',
        format: result.format,
        sanitized: result.format === 'json' ? JSON.parse(result.output) : result.output,
        counts: result.counts,
        explain: result.explain,
        session,
      });
    } finally {
      ticket.release();
    }
  });

  app.post('/v1/auth/token', async (request, reply) => {
    const raw = typeof request.body === 'string' ? request.body : '';
    let body: unknown = {};
    if (raw.trim()) {
      const type = String(request.headers['content-type'] ?? '');
      body = type.includes('application/x-www-form-urlencoded') ? Object.fromEntries(new URLSearchParams(raw)) : safeJson(raw);
    }
    reply.send(await deps.auth.issueToken(body, request.headers as Record<string, string | undefined>));
  });

  app.get('/healthz', async () => ({ status: 'ok' }));
  app.get('/readyz', async (_request, reply) => {
    const r = await deps.ready();
    reply.code(r.ok ? 200 : 503).send({ status: r.ok ? 'ready' : 'not ready', checks: r.checks });
  });
  app.get('/metrics', async (_request, reply) => {
    reply.header('content-type', deps.metrics.registry.contentType).send(await deps.metrics.registry.metrics());
  });

  function contextOf(request: FastifyRequest, principal: Principal, route: string): RequestContext {
    const header = (name: string): string | undefined => {
      const v = request.headers[name];
      return typeof v === 'string' && v.length > 0 && v.length <= 256 ? v : undefined;
    };
    const session = sessionOf(request);
    return {
      requestId: request.id,
      clientId: principal.client,
      environment: principal.environment,
      route,
      sessionId: session ?? `req-${request.id}`,
      persistentSession: session !== undefined,
      ...(header('x-airlock-origin') ? { originHeader: header('x-airlock-origin') as string } : {}),
      salesforce: {
        ...(header('x-sfdc-org-id') ? { orgId: header('x-sfdc-org-id') as string } : {}),
        ...(header('x-sfdc-user-id') ? { userId: header('x-sfdc-user-id') as string } : {}),
        ...(header('x-sfdc-object') ? { object: header('x-sfdc-object') as string } : {}),
      },
      authorizeModel: (model: string) => deps.auth.authorize(principal, { route, model }),
    };
  }

  return app;
}

function sessionOf(request: FastifyRequest): string | undefined {
  const v = request.headers['x-airlock-session'];
  if (v === undefined) return undefined;
  if (typeof v !== 'string' || !SESSION.test(v)) throw new AirlockError('INPUT_INVALID', 'x-airlock-session must be 1-128 of A-Z a-z 0-9 . _ : -');
  return v;
}

function sendError(reply: FastifyReply, error: unknown, status?: number): void {
  const http = toHttpError(error);
  if (http.retryAfterSeconds !== undefined) reply.header('retry-after', String(http.retryAfterSeconds));
  reply.code(status ?? http.status).send(http.body);
}

function safeJson(raw: string): unknown {
  try {
    return JSON.parse(raw);
  } catch {
    throw new AirlockError('INPUT_INVALID_JSON', 'request body is not valid JSON');
  }
}

/** `{ "text": "..." }`, `{ "record": {...} }` / `{ "records": [...] }`, or a Salesforce record or query result as is. */
function parseSanitizeBody(raw: string): { source: string; format: 'text' | 'json' } {
  const body = safeJson(raw);
  if (body && typeof body === 'object' && !Array.isArray(body)) {
    const b = body as Record<string, unknown>;
    if (typeof b.text === 'string' && Object.keys(b).length === 1) return { source: b.text, format: 'text' };
    if (b.record && typeof b.record === 'object' && Object.keys(b).length === 1) return { source: JSON.stringify(b.record), format: 'json' };
  }
  return { source: raw, format: 'json' };
}

function allowed(principal: Principal, model: string): boolean {
  return !principal.models || allows(principal.models, model);
}

function modelsFor(policy: Policy, principal: Principal) {
  const seen = new Set<string>();
  const data: Array<{ id: string; object: 'model'; owned_by: string; airlock: { endpoint: string; jurisdiction: string; sovereign: boolean } }> = [];
  for (const e of policy.endpoints) {
    if (!e.environments.includes(principal.environment)) continue;
    for (const id of [...e.models, ...(e.defaultModel ? [e.defaultModel] : [])]) {
      if (seen.has(id) || !allowed(principal, id)) continue;
      seen.add(id);
      data.push({ id, object: 'model', owned_by: e.id, airlock: { endpoint: e.id, jurisdiction: e.jurisdiction, sovereign: e.sovereign } });
    }
  }
  for (const alias of Object.keys(policy.config.aliases)) {
    if (!seen.has(alias) && allowed(principal, alias)) data.push({ id: alias, object: 'model', owned_by: 'airlock', airlock: { endpoint: 'alias', jurisdiction: '-', sovereign: true } });
  }
  if (!seen.has('default')) data.push({ id: 'default', object: 'model', owned_by: 'airlock', airlock: { endpoint: 'policy', jurisdiction: '-', sovereign: true } });
  return data;
}

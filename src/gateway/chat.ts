import type { Clock, Random } from '../core/clock.js';
import { AirlockError } from '../core/errors.js';
import { parseJsonSource, type JsonLimits, type JsonNode } from '../core/json-source.js';
import { Pipeline, type AuditMark, type PipelineDecision, type PipelineStages } from '../core/pipeline.js';
import type { DetectionEngine } from '../detect/engine.js';
import { modelOpinion } from '../detect/model-opinion.js';
import { decide, type PolicyDecision } from '../policy/decide.js';
import type { Endpoint } from '../policy/endpoints.js';
import type { Policy } from '../policy/policy.js';
import type { ChatChunk, ChatRequest, ChatResponse, EmbeddingsRequest, EmbeddingsResponse, Provider } from '../providers/types.js';
import { OutputInspector, type ResponseRules } from '../transform/inspect.js';
import { Restorer } from '../transform/restore.js';
import type { Analysis, Sanitizer } from '../transform/sanitizer.js';
import { RequestVault, type PseudonymVault } from '../transform/vault.js';
import type { Metrics } from './metrics.js';
import { chatItems, embeddingItems, member } from './openai-format.js';
import { planSummary, type ActionCounts } from './plan-summary.js';

/** Who is calling and about what: established by auth and headers before the pipeline runs. */
export interface RequestContext {
  requestId: string;
  clientId: string;
  environment: 'prod' | 'sandbox' | 'dev';
  route: string;
  sessionId: string;
  /** pseudonyms of a conversation persist in the vault; those of a single request need not */
  persistentSession: boolean;
  originHeader?: string;
  salesforce: { orgId?: string; userId?: string; object?: string };
  /** throws AUTH_INVALID when this caller's credential does not cover the model */
  authorizeModel(model: string): void;
}

/** Everything the audit needs of a request: metadata only, never content. */
export interface AuditDetails {
  context: RequestContext;
  mark: AuditMark;
  analysis?: Analysis;
  decision?: PolicyDecision;
  endpoint?: Endpoint;
  model?: string;
  upstream?: { status?: number; promptTokens?: number; completionTokens?: number; bytesIn?: number; bytesOut?: number };
  /** the chat request as sent upstream (sanitized), for the opt-in evidence store */
  outbound?: ChatRequest;
}

export interface GatewayDeps {
  sanitizer: Sanitizer;
  engine: DetectionEngine;
  vault: PseudonymVault;
  policy(): Policy;
  providers: Readonly<Record<Endpoint['kind'], Provider>>;
  audit(details: AuditDetails): Promise<void> | void;
  metrics: Metrics;
  clock: Clock;
  random: Random;
  responseRules: ResponseRules;
  canaries(): readonly string[];
  upstreamTimeoutMs: number;
  jsonLimits: JsonLimits;
  /** the default model of an endpoint that names none (first of its /v1/models) */
  defaultModelOf(endpoint: Endpoint): Promise<string | undefined>;
}

type OpinionConfig = NonNullable<NonNullable<Policy['config']['detection']>['modelOpinion']>;

interface Decided extends PipelineDecision {
  policy: PolicyDecision;
}

interface Outbound<Req> {
  request: Req;
}

export type ChatResult =
  | { kind: 'json'; body: ChatResponse | EmbeddingsResponse; headers: Record<string, string> }
  | { kind: 'stream'; headers: Record<string, string>; events: AsyncIterable<string> };

/**
 * One request through the pipeline: parse → detect/classify → decide → transform → audit
 * begin → upstream (failover only among endpoints of the same decision) → inspect and
 * restore → audit end.
 */
export class ChatHandler {
  private readonly pipeline: Pipeline;

  constructor(private readonly deps: GatewayDeps) {
    this.pipeline = new Pipeline(deps.clock);
  }

  /** The conversation's vault, or a vault of this request alone when there is no conversation. */
  private vaultFor(ctx: RequestContext): PseudonymVault {
    return ctx.persistentSession ? this.deps.vault : new RequestVault(this.deps.random);
  }

  async chat(ctx: RequestContext, raw: string): Promise<ChatResult> {
    // parsed once: whether the answer streams must be known before the pipeline starts
    const parsed = parseOnce(raw, this.deps.jsonLimits);
    const streamNode = member(parsed.root, 'stream');
    const stream = streamNode?.kind === 'literal' && streamNode.value === true;
    const vault = this.vaultFor(ctx);
    const upstream: AuditDetails['upstream'] = { bytesIn: Buffer.byteLength(raw) };
    let endpointUsed: Endpoint | undefined;
    let modelUsed: string | undefined;
    let sentRequest: ChatRequest | undefined;
    const stages: PipelineStages<string, Analysis, Decided, Outbound<ChatRequest>, ChatResponse | StreamStart> = {
      analyze: (input) => {
        if (parsed.root === undefined) throw parsed.error;
        return this.withOpinion(this.deps.sanitizer.analyzeItems(input, parsed.root, chatItems(parsed.root, ctx.salesforce)));
      },
      decide: (_input, analysis) => this.decide(ctx, analysis, modelOf(analysis)),
      transform: (_input, analysis, decided) => this.transform(ctx, analysis, decided, vault),
      send: async (outbound, decided) => {
        const sent = await this.sendWithFailover(decided.policy, async (endpoint, provider) => {
          const request = { ...outbound.request, model: await this.upstreamModel(endpoint, outbound.request.model) };
          modelUsed = request.model;
          sentRequest = request;
          if (!stream) return provider.chat(endpoint, request, { timeoutMs: this.deps.upstreamTimeoutMs });
          const iterator = provider.chatStream(endpoint, { ...request, stream: true }, { timeoutMs: this.deps.upstreamTimeoutMs })[Symbol.asyncIterator]();
          // the first chunk arrives before anything is sent on, so failover is still possible
          const first = await iterator.next();
          return { iterator, first } satisfies StreamStart;
        });
        endpointUsed = sent.endpoint;
        return sent.result;
      },
      inspect: (response, analysis) => {
        if (isStreamStart(response)) return response;
        return this.inspectChat(response, analysis, ctx, upstream, vault);
      },
      audit: (mark, analysis, decided) =>
        this.deps.audit({
          context: ctx,
          mark,
          ...(analysis ? { analysis } : {}),
          ...(decided ? { decision: decided.policy } : {}),
          ...(endpointUsed ? { endpoint: endpointUsed } : {}),
          ...(modelUsed ? { model: modelUsed } : {}),
          ...(sentRequest ? { outbound: sentRequest } : {}),
          upstream,
        }),
    };

    const result = await this.pipeline.run(ctx.requestId, raw, stages, { deferEnd: stream });
    const counts = planSummary(result.decision.policy).pairs;
    this.observe(result.decision.policy, counts, result.stageMs);
    const headers = decisionHeaders(ctx, result.decision.policy, endpointUsed, counts);
    if (!isStreamStart(result.response)) return { kind: 'json', body: result.response, headers };
    const inspectorFor = this.inspectorFactory(result.analysis, ctx, vault);
    return { kind: 'stream', headers, events: this.streamEvents(result.response, await inspectorFor, result.finish, upstream) };
  }

  async embeddings(ctx: RequestContext, raw: string): Promise<ChatResult> {
    const upstream: AuditDetails['upstream'] = { bytesIn: Buffer.byteLength(raw) };
    let endpointUsed: Endpoint | undefined;
    const stages: PipelineStages<string, Analysis, Decided, Outbound<EmbeddingsRequest>, EmbeddingsResponse> = {
      analyze: (input) => {
        const root = parseJsonSource(input, this.deps.jsonLimits);
        return this.withOpinion(this.deps.sanitizer.analyzeItems(input, root, embeddingItems(root)));
      },
      decide: (_input, analysis) => this.decide(ctx, analysis, modelOf(analysis)),
      transform: async (_input, analysis, decided) => {
        const request = await this.deps.sanitizer.rewriteValue(analysis, decided.policy.plans, ctx.sessionId, this.vaultFor(ctx));
        return { request: request as EmbeddingsRequest };
      },
      send: async (outbound, decided) => {
        const sent = await this.sendWithFailover(decided.policy, async (endpoint, provider) =>
          provider.embeddings(endpoint, { ...outbound.request, model: await this.upstreamModel(endpoint, outbound.request.model) }, { timeoutMs: this.deps.upstreamTimeoutMs }),
        );
        endpointUsed = sent.endpoint;
        return sent.result;
      },
      inspect: (response) => response,
      audit: (mark, analysis, decided) =>
        this.deps.audit({ context: ctx, mark, ...(analysis ? { analysis } : {}), ...(decided ? { decision: decided.policy } : {}), ...(endpointUsed ? { endpoint: endpointUsed } : {}), upstream }),
    };
    const result = await this.pipeline.run(ctx.requestId, raw, stages);
    const counts = planSummary(result.decision.policy).pairs;
    this.observe(result.decision.policy, counts, result.stageMs);
    return { kind: 'json', body: result.response, headers: decisionHeaders(ctx, result.decision.policy, endpointUsed, counts) };
  }

  /**
   * The sovereign model's second opinion on each text, when the policy switches it on. The
   * policy loader already refused a non-sovereign endpoint for it; an error here denies.
   */
  private withOpinion(analysis: Analysis): Promise<Analysis> | Analysis {
    const config = this.deps.policy().config.detection?.modelOpinion;
    // without a second opinion the analysis is final now: no promise, no extra turn
    return config ? this.askOpinion(analysis, config) : analysis;
  }

  private async askOpinion(analysis: Analysis, config: OpinionConfig): Promise<Analysis> {
    const endpoint = this.deps.policy().endpoints.find((e) => e.id === config.endpoint);
    if (!endpoint?.sovereign) throw new AirlockError('DETECTION_FAILED', 'the second-opinion endpoint is not sovereign');
    const provider = this.deps.providers[endpoint.kind];
    const model = config.model ?? (await this.upstreamModel(endpoint, 'default'));
    const started = this.deps.clock.now();
    const extra = new Map<number, Awaited<ReturnType<typeof modelOpinion>>>();
    for (const [i, item] of analysis.items.entries()) {
      const spans = await modelOpinion(item.text, {
        entities: config.entities,
        maxChars: config.maxChars,
        ask: async ({ system, user, schema }) => {
          const answer = await provider.chat(
            endpoint,
            {
              model,
              temperature: 0,
              max_tokens: 512,
              response_format: { type: 'json_schema', json_schema: { name: 'entities', strict: true, schema } },
              messages: [
                { role: 'system', content: system },
                { role: 'user', content: user },
              ],
            },
            { timeoutMs: config.timeoutMs },
          );
          return answer.choices[0]?.message.content ?? '';
        },
      });
      if (spans.length > 0) extra.set(i, spans);
    }
    this.deps.metrics.stageOf('model_opinion').observe((this.deps.clock.now() - started) / 1000);
    return this.deps.sanitizer.withExtraFindings(analysis, extra);
  }

  private decide(ctx: RequestContext, analysis: Analysis, model: string | undefined): Decided {
    ctx.authorizeModel(model ?? 'default');
    const policy = decide(analysis, this.deps.policy(), {
      now: this.deps.clock.now(),
      clientId: ctx.clientId,
      environment: ctx.environment,
      route: ctx.route,
      ...(model ? { model } : {}),
      ...(ctx.originHeader ? { originHeader: ctx.originHeader } : {}),
    });
    return { verdict: policy.verdict, reasonCode: policy.reasonCode, ...(policy.endpoint ? { endpointId: policy.endpoint.id } : {}), policy };
  }

  private async transform(ctx: RequestContext, analysis: Analysis, decided: Decided, vault: PseudonymVault): Promise<Outbound<ChatRequest>> {
    const request = (await this.deps.sanitizer.rewriteValue(analysis, decided.policy.plans, ctx.sessionId, vault)) as ChatRequest;
    return { request };
  }

  /** Tries the chosen endpoint, then only the failover endpoints of the same decision. */
  private async sendWithFailover<T>(decision: PolicyDecision, call: (endpoint: Endpoint, provider: Provider) => Promise<T>): Promise<{ endpoint: Endpoint; result: T }> {
    const order = [decision.endpoint as Endpoint, ...decision.failover];
    let last: unknown;
    for (const [i, endpoint] of order.entries()) {
      const provider = this.deps.providers[endpoint.kind];
      const started = this.deps.clock.now();
      try {
        const result = await call(endpoint, provider);
        this.deps.metrics.upstreamOf(endpoint.id).observe((this.deps.clock.now() - started) / 1000);
        return { endpoint, result };
      } catch (error) {
        last = error;
        const retryable = error instanceof AirlockError && (error.code === 'UPSTREAM_UNAVAILABLE' || error.code === 'UPSTREAM_TIMEOUT');
        if (!retryable) throw error;
        const next = order[i + 1];
        if (next) this.deps.metrics.failovers.inc({ from: endpoint.id, to: next.id });
      }
    }
    throw last instanceof AirlockError ? last : new AirlockError('UPSTREAM_UNAVAILABLE', 'no compliant endpoint answered');
  }

  private async upstreamModel(endpoint: Endpoint, requested: string): Promise<string> {
    if (endpoint.models.includes(requested)) return requested;
    const model = endpoint.defaultModel ?? endpoint.models[0] ?? (await this.deps.defaultModelOf(endpoint));
    if (!model) throw new AirlockError('UPSTREAM_UNAVAILABLE', `endpoint "${endpoint.id}" names no model and lists none`);
    return model;
  }

  private async inspectorFactory(analysis: Analysis, ctx: RequestContext, vault: PseudonymVault): Promise<() => OutputInspector> {
    const restorer = new Restorer(await vault.entries(ctx.sessionId));
    const known = sentFingerprints(analysis);
    const canaries = this.deps.canaries();
    return () => new OutputInspector({ engine: this.deps.engine, rules: this.deps.responseRules, known, restorer, canaries });
  }

  private async inspectChat(
    response: ChatResponse,
    analysis: Analysis,
    ctx: RequestContext,
    upstream: NonNullable<AuditDetails['upstream']>,
    vault: PseudonymVault,
  ): Promise<ChatResponse> {
    const make = await this.inspectorFactory(analysis, ctx, vault);
    // Only fields that are inspected go back: anything else an upstream adds to a message
    // (reasoning text, annotations) could carry data nobody looked at.
    const choices = response.choices.map((choice) => {
      const m = choice.message;
      if (m.content !== null && typeof m.content !== 'string') throw new AirlockError('INSPECTION_FAILED', 'the answer content is not text');
      const message: ChatResponse['choices'][number]['message'] = {
        role: 'assistant',
        content: typeof m.content === 'string' ? make().inspectText(m.content) : null,
        ...(m.tool_calls
          ? { tool_calls: m.tool_calls.map((call) => ({ id: call.id, type: call.type, function: { name: call.function.name, arguments: make().inspectText(call.function.arguments) } })) }
          : {}),
        ...(typeof m.refusal === 'string' ? { refusal: make().inspectText(m.refusal) } : {}),
      };
      return { index: choice.index, message, finish_reason: choice.finish_reason };
    });
    if (response.usage) {
      upstream.promptTokens = response.usage.prompt_tokens;
      upstream.completionTokens = response.usage.completion_tokens;
    }
    upstream.status = 200;
    return { ...response, choices };
  }

  /** SSE events for the client: every content and argument delta passes an inspector first. */
  private async *streamEvents(
    start: StreamStart,
    makeInspector: () => OutputInspector,
    finish: (outcome?: 'failed', reason?: string) => Promise<void>,
    upstream: NonNullable<AuditDetails['upstream']>,
  ): AsyncGenerator<string> {
    const content = new Map<number, ReturnType<OutputInspector['stream']>>();
    const args = new Map<string, ReturnType<OutputInspector['stream']>>();
    const streamFor = <K>(map: Map<K, ReturnType<OutputInspector['stream']>>, key: K) => {
      let s = map.get(key);
      if (!s) {
        s = makeInspector().stream();
        map.set(key, s);
      }
      return s;
    };
    let last: ChatChunk | undefined;
    let bytesOut = 0;
    const emit = (chunk: ChatChunk): string => {
      const line = `data: ${JSON.stringify(chunk)}\n\n`;
      bytesOut += line.length;
      return line;
    };
    const flushChoice = (index: number, template: ChatChunk): ChatChunk[] => {
      const out: ChatChunk[] = [];
      const c = content.get(index);
      if (c) {
        const rest = c.end();
        content.delete(index);
        if (rest) out.push(chunkWith(template, index, { content: rest }, null));
      }
      for (const [key, s] of args) {
        const [choice, tool] = key.split(':').map(Number);
        if (choice !== index) continue;
        const rest = s.end();
        args.delete(key);
        if (rest) out.push(chunkWith(template, index, { tool_calls: [{ index: tool as number, function: { arguments: rest } }] }, null));
      }
      return out;
    };
    let completed = false;
    try {
      let next = start.first;
      while (!next.done) {
        const chunk = next.value;
        last = chunk;
        if (chunk.usage) {
          upstream.promptTokens = chunk.usage.prompt_tokens;
          upstream.completionTokens = chunk.usage.completion_tokens;
        }
        const choices: ChatChunk['choices'] = [];
        const trailing: ChatChunk[] = [];
        for (const choice of chunk.choices) {
          const delta: ChatChunk['choices'][number]['delta'] = {};
          if (choice.delta.role) delta.role = choice.delta.role;
          if (choice.delta.content !== undefined && choice.delta.content !== null && typeof choice.delta.content !== 'string') {
            throw new AirlockError('INSPECTION_FAILED', 'the answer content is not text');
          }
          if (typeof choice.delta.content === 'string' && choice.delta.content.length > 0) {
            const text = streamFor(content, choice.index).push(choice.delta.content);
            if (text) delta.content = text;
          }
          if (choice.delta.tool_calls) {
            delta.tool_calls = choice.delta.tool_calls.map((call) => {
              const piece = call.function?.arguments;
              const cleared = piece ? streamFor(args, `${choice.index}:${call.index}`).push(piece) : undefined;
              return { ...call, ...(call.function ? { function: { ...call.function, ...(piece !== undefined ? { arguments: cleared ?? '' } : {}) } } : {}) };
            });
          }
          if (choice.finish_reason) trailing.push(...flushChoice(choice.index, chunk));
          const hasDelta = Object.keys(delta).length > 0;
          if (hasDelta && !choice.finish_reason) choices.push({ index: choice.index, delta, finish_reason: null });
          else if (choice.finish_reason) {
            if (hasDelta) choices.push({ index: choice.index, delta, finish_reason: null });
            trailing.push(chunkWith(chunk, choice.index, {}, choice.finish_reason));
          }
        }
        if (choices.length > 0) yield emit({ ...chunk, choices });
        for (const t of trailing) yield emit(t);
        if (chunk.choices.length === 0 && chunk.usage) yield emit(chunk);
        next = await start.iterator.next();
      }
      // an upstream that ended without finish_reason: flush what is held back
      for (const index of [...content.keys(), ...[...args.keys()].map((k) => Number(k.split(':')[0]))]) {
        if (last) for (const t of flushChoice(index, last)) yield emit(t);
      }
      upstream.status = 200;
      upstream.bytesOut = bytesOut;
      completed = true;
      await finish();
      yield 'data: [DONE]\n\n';
    } catch (error) {
      completed = true;
      await start.iterator.return?.().catch(() => undefined);
      const denied = error instanceof AirlockError ? error : new AirlockError('INSPECTION_FAILED', 'the answer could not be inspected', { cause: error });
      await finish('failed', denied.code).catch(() => undefined);
      // the stream ends with an error event and no [DONE]: a client cannot mistake it for a full answer
      yield `data: ${JSON.stringify({ error: { type: 'api_error', code: denied.code, message: denied.message } })}\n\n`;
    } finally {
      if (!completed) {
        // the client went away: stop the upstream and record the request as cut short
        await start.iterator.return?.().catch(() => undefined);
        await finish('failed', 'CLIENT_DISCONNECTED').catch(() => undefined);
      }
    }
  }

  /** One increment per distinct label set, on children made once: label hashing, not counting, is what metrics cost. */
  private observe(decision: PolicyDecision, counts: ActionCounts, stageMs: Record<string, number>): void {
    const m = this.deps.metrics;
    m.decisionsOf(decision.verdict, decision.reasonCode).inc();
    for (const { entity, action, n } of counts.values()) m.entitiesOf(entity, action).inc(n);
    for (const stage in stageMs) m.stageOf(stage).observe((stageMs[stage] as number) / 1000);
  }
}

interface StreamStart {
  iterator: AsyncIterator<ChatChunk>;
  first: IteratorResult<ChatChunk>;
}

function isStreamStart(value: unknown): value is StreamStart {
  return typeof value === 'object' && value !== null && 'iterator' in value && 'first' in value;
}

/**
 * The fingerprints of the values the caller sent, gathered when an answer first names a
 * sensitive value: most answers name none, and a request has dozens of findings.
 */
function sentFingerprints(analysis: Analysis): Pick<ReadonlySet<string>, 'has'> {
  let known: Set<string> | undefined;
  return {
    has(fingerprint: string): boolean {
      if (known === undefined) {
        known = new Set();
        for (const item of analysis.items) for (const f of item.findings) known.add(f.fingerprint);
      }
      return known.has(fingerprint);
    },
  };
}

function chunkWith(template: ChatChunk, index: number, delta: ChatChunk['choices'][number]['delta'], finish: string | null): ChatChunk {
  const { usage: _usage, ...rest } = template;
  return { ...rest, choices: [{ index, delta, finish_reason: finish }] };
}

function modelOf(analysis: Analysis): string | undefined {
  const node = member(analysis.root, 'model');
  return node?.kind === 'string' ? node.value : undefined;
}

/** The body parsed with positions, or the coded error the analyze stage will raise. */
function parseOnce(raw: string, limits: JsonLimits): { root?: JsonNode; error?: unknown } {
  try {
    return { root: parseJsonSource(raw, limits) };
  } catch (error) {
    return { error };
  }
}

/** Counts per entity and action, the endpoint and the verdict: never values. */
export function decisionHeaders(
  ctx: RequestContext,
  decision: PolicyDecision,
  endpoint: Endpoint | undefined,
  counts: ActionCounts = planSummary(decision).pairs,
): Record<string, string> {
  let summary = '';
  for (const [key, { n }] of counts) summary += `${summary ? ',' : ''}${key}=${n}`;
  return {
    'x-airlock-request-id': ctx.requestId,
    'x-airlock-session': ctx.sessionId,
    'x-airlock-decision': `verdict=${decision.verdict};reason=${decision.reasonCode};endpoint=${endpoint?.id ?? 'none'};jurisdiction=${endpoint?.jurisdiction ?? 'none'};policy=${decision.policyHash.slice(0, 12)}${summary ? `;entities=${summary}` : ''}`,
  };
}

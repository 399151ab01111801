import { access } from 'node:fs/promises';
import { basename } from 'node:path';
import type { ChatHistoryItem, Llama, LlamaChat, LlamaContext, LlamaEmbeddingContext, LlamaModel } from 'node-llama-cpp';
import { z } from 'zod';
import { AirlockError } from '../core/errors.js';
import type { Endpoint } from '../policy/endpoints.js';
import { deferred, messageText, optionsParser, resolveDeps, unixSeconds, type ProviderDeps, type ResolvedDeps } from './shared.js';
import type { CallOptions, ChatChunk, ChatMessage, ChatRequest, ChatResponse, EmbeddingsResponse, Provider, Usage } from './types.js';
import { abortedError } from './upstream.js';

/**
 * In-process inference with node-llama-cpp (CPU build): the single-box sovereign deployment.
 *
 * - The GGUF at `endpoint.modelPath` is loaded lazily, once per path per provider; concurrent
 *   first calls share the one load. The native library is imported on first use only.
 * - Each model has one context with one sequence, and calls take turns through a FIFO queue:
 *   one generation at a time. On CPU, parallel sequences would split the same cores and
 *   gain little; the queue keeps latency predictable and memory fixed. A call waiting in the
 *   queue can still be aborted, and its wait counts towards its timeout.
 * - Sampling is greedy unless the request sets a temperature, so answers are reproducible.
 * - Tool definitions are not offered to the model (its chat template may not support them);
 *   the answer is then plain text, which OpenAI clients accept.
 */

export const llamaOptionsSchema = z.object({
  /** context window, tokens (default: what the model was trained with, at most 4096) */
  contextSize: z.number().int().min(64).optional(),
  /** CPU threads (default: all cores but one, which stays with the gateway's own work) */
  threads: z.number().int().positive().optional(),
});
export type LlamaProviderOptions = z.infer<typeof llamaOptionsSchema>;

const parseOptions = optionsParser(llamaOptionsSchema);

const DEFAULT_MAX_TOKENS = 256;

type NodeLlamaCpp = typeof import('node-llama-cpp');

/** Calls take turns; a call aborted while it waits leaves the line without running. */
class TurnQueue {
  private tail: Promise<void> = Promise.resolve();

  async run<T>(task: () => Promise<T>, signal: AbortSignal): Promise<T> {
    const previous = this.tail;
    let release = (): void => undefined;
    this.tail = new Promise<void>((resolve) => (release = resolve));
    try {
      await untilOrAbort(previous, signal);
      return await task();
    } finally {
      void previous.then(release);
    }
  }
}

/** Waits for `promise`, or rejects as soon as `signal` fires (the promise itself runs on). */
function untilOrAbort<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(signal.reason);
  return new Promise<T>((resolve, reject) => {
    const onAbort = (): void => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        if (signal.aborted) reject(signal.reason);
        else resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error);
      },
    );
  });
}

interface Loaded {
  model: LlamaModel;
  context: LlamaContext;
  chat: LlamaChat;
  queue: TurnQueue;
  embedding?: Promise<LlamaEmbeddingContext | undefined>;
}

interface Generated {
  text: string;
  usage: Usage;
  finish: 'stop' | 'length';
}

/** The caller's signal plus a deadline; remembers which one fired. */
class CallControl {
  readonly controller = new AbortController();
  timedOut = false;
  private timer: NodeJS.Timeout | undefined;
  private readonly onCallerAbort = (): void => this.controller.abort();

  constructor(
    private readonly options: CallOptions,
  ) {
    if (options.signal?.aborted) this.controller.abort();
    else options.signal?.addEventListener('abort', this.onCallerAbort, { once: true });
    this.arm();
  }

  arm(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timedOut = true;
      this.controller.abort();
    }, this.options.timeoutMs);
    this.timer.unref?.();
  }

  clear(): void {
    clearTimeout(this.timer);
    this.options.signal?.removeEventListener('abort', this.onCallerAbort);
  }

  failure(error: unknown, endpoint: Endpoint): AirlockError {
    if (this.timedOut) return new AirlockError('UPSTREAM_TIMEOUT', `endpoint "${endpoint.id}": the in-process model did not answer in time`, { cause: error });
    if (this.options.signal?.aborted) return abortedError(endpoint.id, error);
    if (error instanceof AirlockError) return error;
    return new AirlockError('UPSTREAM_UNAVAILABLE', `endpoint "${endpoint.id}": in-process inference failed`, { cause: error });
  }
}

/** OpenAI messages → node-llama-cpp chat history, ending where the model is to answer. */
export function toChatHistory(messages: readonly ChatMessage[]): ChatHistoryItem[] {
  const history: ChatHistoryItem[] = [];
  for (const message of messages) {
    const text = messageText(message.content);
    switch (message.role) {
      case 'system':
      case 'developer':
        history.push({ type: 'system', text });
        break;
      case 'user':
        history.push({ type: 'user', text });
        break;
      case 'tool':
        history.push({ type: 'user', text: `Tool result:\n${text}` });
        break;
      case 'assistant': {
        const calls = (message.tool_calls ?? []).map((c) => `Tool call ${c.function.name}(${c.function.arguments})`);
        history.push({ type: 'model', response: [[text, ...calls].filter((s) => s !== '').join('\n')] });
        break;
      }
    }
  }
  // A trailing assistant message is a prefix to continue; otherwise the model answers anew.
  if (history[history.length - 1]?.type !== 'model') history.push({ type: 'model', response: [] });
  return history;
}

export interface LlamaCppProviderOptions extends ProviderDeps {
  /** node-llama-cpp log level for native messages (default: errors only) */
  logLevel?: 'disabled' | 'fatal' | 'error' | 'warn' | 'info' | 'log' | 'debug';
}

export function createLlamaCppProvider(options: LlamaCppProviderOptions = {}): Provider & { loads(): number } {
  const deps: ResolvedDeps = resolveDeps(options);
  let library: Promise<{ mod: NodeLlamaCpp; llama: Llama }> | undefined;
  const models = new Map<string, Promise<Loaded>>();
  let loadCount = 0;
  let closed = false;

  const getLibrary = (): Promise<{ mod: NodeLlamaCpp; llama: Llama }> => {
    library ??= (async () => {
      const mod = await import('node-llama-cpp');
      const llama = await mod.getLlama({
        gpu: false,
        build: 'never',
        skipDownload: true,
        progressLogs: false,
        logLevel: mod.LlamaLogLevel[options.logLevel ?? 'error'],
      });
      return { mod, llama };
    })();
    library.catch(() => (library = undefined));
    return library;
  };

  const load = (endpoint: Endpoint): Promise<Loaded> => {
    if (closed) return Promise.reject(new AirlockError('UPSTREAM_UNAVAILABLE', 'the provider is closed'));
    const path = endpoint.modelPath;
    if (!path) return Promise.reject(new AirlockError('CONFIG_INVALID', `endpoint "${endpoint.id}": modelPath is required for kind llama-cpp`));
    let pending = models.get(path);
    if (!pending) {
      const opts = parseOptions(endpoint);
      pending = (async () => {
        try {
          await access(path);
        } catch (error) {
          throw new AirlockError('CONFIG_INVALID', `endpoint "${endpoint.id}": modelPath does not name a readable file`, { cause: error });
        }
        try {
          const { mod, llama } = await getLibrary();
          loadCount++;
          const model = await llama.loadModel({ modelPath: path });
          const threads = opts.threads ?? Math.max(1, llama.cpuMathCores - 1);
          const context = await model.createContext({ contextSize: opts.contextSize ?? { max: 4096 }, sequences: 1, threads });
          const chat = new mod.LlamaChat({ contextSequence: context.getSequence() });
          return { model, context, chat, queue: new TurnQueue() };
        } catch (error) {
          throw new AirlockError('UPSTREAM_UNAVAILABLE', `endpoint "${endpoint.id}": the model could not be loaded`, { cause: error });
        }
      })();
      models.set(path, pending);
      // A failed load is not cached: the file may appear or memory free up.
      pending.catch(() => models.delete(path));
    }
    return pending;
  };

  const servedModel = (endpoint: Endpoint): string => endpoint.defaultModel ?? basename(endpoint.modelPath ?? 'model.gguf');

  const generate = async (loaded: Loaded, request: ChatRequest, signal: AbortSignal, onText?: (text: string) => void): Promise<Generated> => {
    const history = toChatHistory(request.messages);
    const promptTokens = loaded.chat.chatWrapper.generateContextState({ chatHistory: history }).contextText.tokenize(loaded.model.tokenizer).length;
    let completionTokens = 0;
    const maxTokens = request.max_completion_tokens ?? request.max_tokens ?? DEFAULT_MAX_TOKENS;
    const stops = request.stop === undefined ? [] : Array.isArray(request.stop) ? request.stop : [request.stop];
    const result = await loaded.chat.generateResponse(history, {
      maxTokens,
      signal,
      stopOnAbortSignal: false,
      ...(request.temperature !== undefined ? { temperature: request.temperature } : {}),
      ...(request.top_p !== undefined ? { topP: request.top_p } : {}),
      ...(request.seed !== undefined ? { seed: request.seed } : {}),
      ...(stops.length > 0 ? { customStopTriggers: stops } : {}),
      onToken: (tokens) => {
        completionTokens += tokens.length;
      },
      ...(onText ? { onTextChunk: onText } : {}),
    });
    const text = result.response;
    return {
      text,
      usage: { prompt_tokens: promptTokens, completion_tokens: completionTokens, total_tokens: promptTokens + completionTokens },
      finish: result.metadata.stopReason === 'maxTokens' ? 'length' : 'stop',
    };
  };

  const embeddingContext = (loaded: Loaded, endpoint: Endpoint): Promise<LlamaEmbeddingContext | undefined> => {
    loaded.embedding ??= (async () => {
      try {
        const opts = parseOptions(endpoint);
        return await loaded.model.createEmbeddingContext({
          ...(opts.contextSize !== undefined ? { contextSize: opts.contextSize } : {}),
          threads: opts.threads ?? loaded.context.currentThreads,
        });
      } catch {
        return undefined;
      }
    })();
    return loaded.embedding;
  };

  async function* stream(endpoint: Endpoint, request: ChatRequest, call: CallOptions): AsyncGenerator<ChatChunk, void, undefined> {
    const control = new CallControl(call);
    const pending: string[] = [];
    let wake: (() => void) | undefined;
    let outcome: { ok: true; value: Generated } | { ok: false; error: unknown } | undefined;
    const notify = (): void => {
      const w = wake;
      wake = undefined;
      w?.();
    };
    const id = `chatcmpl-${deps.randomId()}`;
    const created = unixSeconds(deps.now);
    const model = servedModel(endpoint);
    const chunk = (delta: ChatChunk['choices'][number]['delta'], finish: string | null = null): ChatChunk => ({ id, object: 'chat.completion.chunk', created, model, choices: [{ index: 0, delta, finish_reason: finish }] });

    void untilOrAbort(load(endpoint), control.controller.signal)
      .then((loaded) =>
        loaded.queue.run(
          () =>
            generate(loaded, request, control.controller.signal, (text) => {
              control.arm();
              pending.push(text);
              notify();
            }),
          control.controller.signal,
        ),
      )
      .then(
        (value) => (outcome = { ok: true, value }),
        (error: unknown) => (outcome = { ok: false, error }),
      )
      .finally(notify);

    let first = true;
    try {
      while (true) {
        if (pending.length > 0) {
          const text = pending.splice(0).join('');
          if (text === '') continue;
          yield chunk(first ? { role: 'assistant', content: text } : { content: text });
          first = false;
          continue;
        }
        if (outcome) break;
        await new Promise<void>((resolve) => (wake = resolve));
      }
      if (!outcome.ok) throw control.failure(outcome.error, endpoint);
      if (first) yield chunk({ role: 'assistant', content: '' });
      yield chunk({}, outcome.value.finish);
      yield { id, object: 'chat.completion.chunk', created, model, choices: [], usage: outcome.value.usage };
    } finally {
      // The consumer left early (or the call failed): stop generating and free the turn.
      if (!outcome) control.controller.abort();
      control.clear();
    }
  }

  return {
    kind: 'llama-cpp',

    loads: () => loadCount,

    validate(endpoint) {
      parseOptions(endpoint);
      if (!endpoint.modelPath) throw new AirlockError('CONFIG_INVALID', `endpoint "${endpoint.id}": modelPath is required for kind llama-cpp`);
    },

    async chat(endpoint, request, call): Promise<ChatResponse> {
      const control = new CallControl(call);
      try {
        const loaded = await untilOrAbort(load(endpoint), control.controller.signal);
        const result = await loaded.queue.run(() => generate(loaded, request, control.controller.signal), control.controller.signal);
        return {
          id: `chatcmpl-${deps.randomId()}`,
          object: 'chat.completion',
          created: unixSeconds(deps.now),
          model: servedModel(endpoint),
          choices: [{ index: 0, message: { role: 'assistant', content: result.text }, finish_reason: result.finish }],
          usage: result.usage,
        };
      } catch (error) {
        throw control.failure(error, endpoint);
      } finally {
        control.clear();
      }
    },

    chatStream(endpoint, request, call) {
      return deferred(() => stream(endpoint, request, call));
    },

    async embeddings(endpoint, request, call): Promise<EmbeddingsResponse> {
      const control = new CallControl(call);
      try {
        const loaded = await untilOrAbort(load(endpoint), control.controller.signal);
        const inputs = Array.isArray(request.input) ? request.input : [request.input];
        return await loaded.queue.run(async () => {
          const context = await embeddingContext(loaded, endpoint);
          if (!context) throw new AirlockError('INPUT_INVALID', `endpoint "${endpoint.id}": this model does not support embeddings`);
          const data: EmbeddingsResponse['data'] = [];
          let tokens = 0;
          for (const [index, input] of inputs.entries()) {
            if (control.controller.signal.aborted) throw control.controller.signal.reason;
            tokens += loaded.model.tokenize(input).length;
            const { vector } = await context.getEmbeddingFor(input);
            const embedding = request.encoding_format === 'base64' ? Buffer.from(Float32Array.from(vector).buffer).toString('base64') : [...vector];
            data.push({ object: 'embedding', index, embedding });
          }
          return { object: 'list', data, model: servedModel(endpoint), usage: { prompt_tokens: tokens, total_tokens: tokens } };
        }, control.controller.signal);
      } catch (error) {
        throw control.failure(error, endpoint);
      } finally {
        control.clear();
      }
    },

    async listModels(endpoint) {
      return [servedModel(endpoint)];
    },

    async close() {
      closed = true;
      const loaded = await Promise.allSettled([...models.values()]);
      models.clear();
      for (const entry of loaded) {
        if (entry.status !== 'fulfilled') continue;
        const { chat, context, model, embedding } = entry.value;
        chat.dispose({ disposeSequence: true });
        const emb = embedding ? await embedding : undefined;
        await emb?.dispose();
        await context.dispose();
        await model.dispose();
      }
      const lib = library ? await library.catch(() => undefined) : undefined;
      library = undefined;
      await lib?.llama.dispose();
    },
  };
}

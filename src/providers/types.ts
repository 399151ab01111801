import type { Endpoint } from '../policy/endpoints.js';

/**
 * The OpenAI wire shapes Airlock speaks on both sides. Providers translate to and from
 * their upstream's own shapes; the gateway only ever sees these.
 */
export interface ToolCall {
  id: string;
  type: 'function';
  function: { name: string; arguments: string };
}

export type ContentPart = { type: 'text'; text: string } | { type: string; [key: string]: unknown };

export interface ChatMessage {
  role: 'system' | 'developer' | 'user' | 'assistant' | 'tool';
  content: string | ContentPart[] | null;
  name?: string;
  tool_calls?: ToolCall[];
  tool_call_id?: string;
}

export interface ChatRequest {
  model: string;
  messages: ChatMessage[];
  stream?: boolean;
  max_tokens?: number;
  max_completion_tokens?: number;
  temperature?: number;
  top_p?: number;
  stop?: string | string[];
  tools?: Array<{ type: 'function'; function: { name: string; description?: string; parameters?: unknown } }>;
  tool_choice?: unknown;
  response_format?: unknown;
  seed?: number;
  user?: string;
  [key: string]: unknown;
}

export interface Usage {
  prompt_tokens: number;
  completion_tokens: number;
  total_tokens: number;
}

export interface ChatResponse {
  id: string;
  object: 'chat.completion';
  created: number;
  model: string;
  choices: Array<{
    index: number;
    message: { role: 'assistant'; content: string | null; tool_calls?: ToolCall[]; refusal?: string | null };
    finish_reason: string | null;
  }>;
  usage?: Usage;
  [key: string]: unknown;
}

/** A tool call as it arrives in stream chunks: pieces keyed by index. */
export interface ChunkToolCall {
  index: number;
  id?: string;
  type?: 'function';
  function?: { name?: string; arguments?: string };
}

export interface ChatChunk {
  id: string;
  object: 'chat.completion.chunk';
  created: number;
  model: string;
  choices: Array<{
    index: number;
    delta: { role?: 'assistant'; content?: string | null; tool_calls?: ChunkToolCall[] };
    finish_reason: string | null;
  }>;
  usage?: Usage | null;
  [key: string]: unknown;
}

export interface EmbeddingsRequest {
  model: string;
  input: string | string[];
  encoding_format?: 'float' | 'base64';
  dimensions?: number;
  user?: string;
}

export interface EmbeddingsResponse {
  object: 'list';
  data: Array<{ object: 'embedding'; index: number; embedding: number[] | string }>;
  model: string;
  usage: { prompt_tokens: number; total_tokens: number };
}

export interface CallOptions {
  signal?: AbortSignal;
  /** upstream timeout for this call, in ms */
  timeoutMs: number;
}

/**
 * One upstream kind. Providers carry no policy: the endpoint they are handed was chosen by
 * the decide stage, and they send exactly what they are given. Every failure is an
 * AirlockError (UPSTREAM_UNAVAILABLE, UPSTREAM_TIMEOUT) whose message never quotes the
 * upstream's body.
 */
export interface Provider {
  kind: Endpoint['kind'];
  chat(endpoint: Endpoint, request: ChatRequest, options: CallOptions): Promise<ChatResponse>;
  chatStream(endpoint: Endpoint, request: ChatRequest, options: CallOptions): AsyncIterable<ChatChunk>;
  embeddings(endpoint: Endpoint, request: EmbeddingsRequest, options: CallOptions): Promise<EmbeddingsResponse>;
  /** model names the upstream serves (for `default` resolution and readiness) */
  listModels(endpoint: Endpoint, options: CallOptions): Promise<string[]>;
  /** checks the endpoint's provider-specific `options` at start-up; throws CONFIG_INVALID naming the option */
  validate?(endpoint: Endpoint): void;
  close?(): Promise<void>;
}

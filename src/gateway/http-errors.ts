import { AirlockError, asAirlockError, type ErrorCode } from '../core/errors.js';

/** OpenAI's error `type` for each family of our codes. */
function errorType(code: ErrorCode): string {
  if (code === 'AUTH_INVALID') return 'authentication_error';
  if (code === 'RATE_LIMITED') return 'rate_limit_error';
  if (code === 'POLICY_BLOCKED' || code === 'RESIDENCY_NO_COMPLIANT_ENDPOINT') return 'permission_error';
  if (code.startsWith('INPUT_') || code === 'PAYLOAD_TOO_LARGE') return 'invalid_request_error';
  if (code.startsWith('UPSTREAM_')) return 'upstream_error';
  return 'api_error';
}

export interface HttpError {
  status: number;
  body: { error: { type: string; code: ErrorCode; message: string } };
  retryAfterSeconds?: number;
}

/** The OpenAI error shape with an Airlock code; never a stack, never a cause's message. */
export function toHttpError(error: unknown): HttpError {
  const e = asAirlockError(error, 'INTERNAL', 'internal error');
  const retry = (e as AirlockError & { retryAfterSeconds?: unknown }).retryAfterSeconds;
  return {
    status: e.status,
    body: { error: { type: errorType(e.code), code: e.code, message: e.message } },
    ...(typeof retry === 'number' ? { retryAfterSeconds: Math.max(1, Math.ceil(retry)) } : {}),
  };
}

export function sseError(error: unknown): string {
  return `data: ${JSON.stringify(toHttpError(error).body)}\n\n`;
}

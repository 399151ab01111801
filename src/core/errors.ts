/**
 * One error type for all of Airlock. The code is the contract: the HTTP layer maps it to
 * the OpenAI error shape, the CLI to an exit code. Messages never carry raw sensitive values.
 */
export const ERROR_STATUS = {
  INPUT_INVALID: 400,
  INPUT_INVALID_JSON: 400,
  INPUT_INVALID_UTF8: 400,
  INPUT_TOO_DEEP: 400,
  PAYLOAD_TOO_LARGE: 413,
  CONFIG_INVALID: 500,
  DETECTOR_SPEC_INVALID: 500,
  DETECTION_FAILED: 500,
  CLASSIFICATION_FAILED: 500,
  POLICY_INVALID: 500,
  POLICY_BLOCKED: 403,
  RESIDENCY_NO_COMPLIANT_ENDPOINT: 403,
  TRANSFORM_FAILED: 500,
  AUDIT_FAILED: 503,
  AUTH_INVALID: 401,
  RATE_LIMITED: 429,
  UPSTREAM_UNAVAILABLE: 502,
  UPSTREAM_TIMEOUT: 504,
  INSPECTION_FAILED: 502,
  PIPELINE_STAGE_MISSING: 500,
  INTERNAL: 500,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

export class AirlockError extends Error {
  readonly code: ErrorCode;
  readonly status: number;

  constructor(code: ErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'AirlockError';
    this.code = code;
    this.status = ERROR_STATUS[code];
  }

  toJSON(): { code: ErrorCode; message: string } {
    return { code: this.code, message: this.message };
  }
}

export function isAirlockError(value: unknown): value is AirlockError {
  return value instanceof AirlockError;
}

/**
 * Wraps anything thrown into an AirlockError with the given code. The original is kept as
 * `cause` for operators, but its message is not copied: foreign messages may quote input.
 */
export function asAirlockError(error: unknown, code: ErrorCode, message: string): AirlockError {
  if (error instanceof AirlockError) return error;
  return new AirlockError(code, message, { cause: error });
}

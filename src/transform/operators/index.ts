import { AirlockError } from '../../core/errors.js';
import { drop, encrypt, hash, mask, redact } from './basic.js';
import { fpe } from './fpe.js';
import { generalize } from './generalize.js';
import { pseudonymize } from './pseudonymize.js';
import type { Operator } from './types.js';

export { DROP } from './types.js';
export type { Operator, OperatorContext, OperatorCrypto } from './types.js';

/** Every operator by name. `allow` is not an operator: it means "leave the value". */
export const OPERATORS: Readonly<Record<string, Operator<never>>> = {
  redact,
  drop,
  mask,
  hash,
  encrypt,
  fpe,
  generalize,
  pseudonymize,
} as unknown as Record<string, Operator<never>>;

export type OperatorName = 'redact' | 'drop' | 'mask' | 'hash' | 'encrypt' | 'fpe' | 'generalize' | 'pseudonymize';

export const OPERATOR_NAMES = Object.keys(OPERATORS) as OperatorName[];

export interface ActionSpec {
  operator: OperatorName;
  params: Record<string, unknown>;
}

/** Validates an operator's parameters when configuration loads; names the operator and key on error. */
export function compileAction(operator: string, params: Record<string, unknown>, where: string): ActionSpec {
  const op = OPERATORS[operator];
  if (!op) throw new AirlockError('POLICY_INVALID', `${where}: unknown action "${operator}"`);
  const parsed = (op.params as unknown as { safeParse(v: unknown): { success: boolean; data?: unknown; error?: { issues: Array<{ path: PropertyKey[]; message: string }> } } }).safeParse(params);
  if (!parsed.success) {
    const issue = parsed.error?.issues[0];
    const key = issue?.path.map(String).join('.') || '(params)';
    throw new AirlockError('POLICY_INVALID', `${where}: ${operator}.${key}: ${issue?.message ?? 'invalid'}`);
  }
  return { operator: operator as OperatorName, params: parsed.data as Record<string, unknown> };
}

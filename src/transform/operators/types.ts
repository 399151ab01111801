import type { z } from 'zod';
import type { Random } from '../../core/clock.js';

/** Everything an operator may need besides the value itself. */
export interface OperatorContext {
  entity: string;
  /** record id and field of a structured value (associated data for `encrypt`) */
  recordId?: string;
  field?: string;
  sessionId?: string;
  crypto: OperatorCrypto;
  random: Random;
  /** the pseudonym the vault gave this value (set only for `pseudonymize`) */
  pseudonym?: string;
}

/** Key-dependent primitives, bound to the keyring; operators never see key material. */
export interface OperatorCrypto {
  hmac(purpose: string, value: string): string;
  encrypt(plaintext: string, associatedData: string): string;
  decrypt(ciphertext: string, associatedData: string): string;
  fpeEncrypt(value: string, alphabet: string, tweak: string): string;
  fpeDecrypt(value: string, alphabet: string, tweak: string): string;
}

/** A value an operator replaces a whole field with, to remove the field. */
export const DROP = Symbol('drop');

export interface Operator<P = unknown> {
  name: string;
  /** validated when configuration loads */
  params: z.ZodType<P>;
  reversible: boolean;
  apply(value: string, params: P, ctx: OperatorContext): string | typeof DROP;
  invert?(value: string, params: P, ctx: OperatorContext): string;
}

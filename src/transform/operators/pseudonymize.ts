import { z } from 'zod';
import { AirlockError } from '../../core/errors.js';
import type { Operator } from './types.js';

/**
 * Replaces a value with its session pseudonym: a typed token (`PERSON_1`) or a realistic
 * surrogate. The vault chose the pseudonym before operators run; restore inverts it.
 */
export const pseudonymize: Operator<{ style: 'token' | 'surrogate' }> = {
  name: 'pseudonymize',
  params: z.object({ style: z.enum(['token', 'surrogate']).default('token') }).strict(),
  reversible: true,
  apply(_value, _params, ctx) {
    if (ctx.pseudonym === undefined) throw new AirlockError('TRANSFORM_FAILED', 'no pseudonym was assigned');
    return ctx.pseudonym;
  },
};

import { z } from 'zod';
import { AirlockError } from '../../core/errors.js';
import type { Operator } from './types.js';

const DIGITS = '0123456789';
const ALNUM = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';

/**
 * Format-preserving encryption (FF1): characters of the chosen alphabet are encrypted
 * together, everything else (dashes, spaces, case of letters outside the alphabet) stays in
 * place, so `4111-1111-1111-1111` stays a 4-4-4-4 group of digits.
 */
export const fpe: Operator<{ alphabet: 'digits' | 'alnum'; keepLast: number }> = {
  name: 'fpe',
  params: z
    .object({
      alphabet: z.enum(['digits', 'alnum']).default('digits'),
      keepLast: z.number().int().min(0).max(8).default(0),
    })
    .strict(),
  reversible: true,
  apply: (value, params, ctx) => transformIn(value, params, (s, a) => ctx.crypto.fpeEncrypt(s, a, ctx.entity)),
  invert: (value, params, ctx) => transformIn(value, params, (s, a) => ctx.crypto.fpeDecrypt(s, a, ctx.entity)),
};

function transformIn(
  value: string,
  params: { alphabet: 'digits' | 'alnum'; keepLast: number },
  cipher: (numerals: string, alphabet: string) => string,
): string {
  const alphabet = params.alphabet === 'digits' ? DIGITS : ALNUM;
  const upper = params.alphabet === 'alnum' ? value.toUpperCase() : value;
  const positions: number[] = [];
  for (let i = 0; i < upper.length; i++) if (alphabet.includes(upper[i] as string)) positions.push(i);
  const keep = Math.min(params.keepLast, positions.length);
  const secret = positions.slice(0, positions.length - keep);
  if (secret.length < 6) throw new AirlockError('TRANSFORM_FAILED', 'value too short for format-preserving encryption');
  const numerals = secret.map((i) => upper[i]).join('');
  const out = cipher(numerals, alphabet);
  const chars = upper.split('');
  secret.forEach((pos, k) => {
    chars[pos] = out[k] as string;
  });
  return chars.join('');
}

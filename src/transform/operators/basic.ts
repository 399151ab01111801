import { z } from 'zod';
import { DROP, type Operator } from './types.js';

/** `[EMAIL_ADDRESS]` — the entity stays visible so the model can still reason about it. */
export const redact: Operator<{ placeholder?: string | undefined }> = {
  name: 'redact',
  params: z.object({ placeholder: z.string().max(64).optional() }).strict(),
  reversible: false,
  apply: (_value, params, ctx) => params.placeholder ?? `[${ctx.entity}]`,
};

/** Removes the whole field from a record (inside free text it behaves like an empty redaction). */
export const drop: Operator<Record<string, never>> = {
  name: 'drop',
  params: z.object({}).strict(),
  reversible: false,
  apply: () => DROP,
};

/** Keeps the last N characters (letters and digits only count), masks the rest, keeps separators. */
export const mask: Operator<{ keepLast: number; char: string }> = {
  name: 'mask',
  params: z
    .object({
      keepLast: z.number().int().min(0).max(8).default(4),
      char: z.string().length(1).default('*'),
    })
    .strict(),
  reversible: false,
  apply(value, params) {
    let keep = params.keepLast;
    const out = value.split('');
    for (let i = out.length - 1; i >= 0; i--) {
      const c = out[i] as string;
      if (!/[\p{L}\p{N}]/u.test(c)) continue;
      if (keep > 0) keep--;
      else out[i] = params.char;
    }
    // never reveal more than half of a short value
    const revealed = out.filter((c, i) => c === value[i] && /[\p{L}\p{N}]/u.test(c)).length;
    const significant = value.replace(/[^\p{L}\p{N}]/gu, '').length;
    if (revealed * 2 > significant) return value.replace(/[\p{L}\p{N}]/gu, params.char);
    return out.join('');
  },
};

/** Keyed HMAC: the same value gives the same hash (joins work), the value cannot be recovered. */
export const hash: Operator<{ prefix: string }> = {
  name: 'hash',
  params: z.object({ prefix: z.string().max(16).default('h:') }).strict(),
  reversible: false,
  apply: (value, params, ctx) => `${params.prefix}${ctx.crypto.hmac(ctx.entity, value)}`,
};

/** AES-256-GCM with a key id; associated data binds the ciphertext to its record and field. */
export const encrypt: Operator<Record<string, never>> = {
  name: 'encrypt',
  params: z.object({}).strict(),
  reversible: true,
  apply: (value, _params, ctx) => ctx.crypto.encrypt(value, associatedData(ctx)),
  invert: (value, _params, ctx) => ctx.crypto.decrypt(value, associatedData(ctx)),
};

function associatedData(ctx: { recordId?: string; field?: string; sessionId?: string; entity: string }): string {
  return [ctx.recordId ?? '', ctx.field ?? '', ctx.recordId || ctx.field ? '' : (ctx.sessionId ?? ''), ctx.entity].join('|');
}

import { z } from 'zod';
import type { Operator } from './types.js';

/**
 * Coarsens a value so it stays useful and stops identifying: dates to year or month, ages
 * to bands, amounts to ranges, postcodes to their prefix. A value it cannot read is
 * replaced by its entity placeholder rather than passed through.
 */
export const generalize: Operator<{ to: 'year' | 'month' | 'band' | 'range' | 'prefix'; size: number }> = {
  name: 'generalize',
  params: z
    .object({
      to: z.enum(['year', 'month', 'band', 'range', 'prefix']),
      size: z.number().int().positive().default(10),
    })
    .strict(),
  reversible: false,
  apply(value, params, ctx) {
    const out = generalizeValue(value, params.to, params.size);
    return out ?? `[${ctx.entity}]`;
  },
};

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

export function generalizeValue(value: string, to: 'year' | 'month' | 'band' | 'range' | 'prefix', size: number): string | undefined {
  switch (to) {
    case 'year':
    case 'month': {
      const date = readDate(value);
      if (!date) return undefined;
      return to === 'year' ? String(date.year) : `${date.year}-${String(date.month).padStart(2, '0')}`;
    }
    case 'band': {
      const n = Number(value.match(/\d+/)?.[0]);
      if (!Number.isFinite(n)) return undefined;
      const low = Math.floor(n / size) * size;
      return `${low}-${low + size - 1}`;
    }
    case 'range': {
      const amount = readAmount(value);
      if (!amount) return undefined;
      const magnitude = 10 ** Math.max(0, Math.floor(Math.log10(Math.max(1, amount.value))));
      const low = Math.floor(amount.value / magnitude) * magnitude;
      return `${amount.currency}${low.toLocaleString('en-US')}-${amount.currency}${(low + magnitude).toLocaleString('en-US')}`;
    }
    case 'prefix': {
      const compact = value.replace(/\s+/g, ' ').trim();
      const keep = Math.min(size, Math.max(1, Math.floor(compact.length / 2)));
      return `${compact.slice(0, keep)}${'*'.repeat(Math.max(0, compact.length - keep))}`;
    }
  }
}

function readDate(value: string): { year: number; month: number } | undefined {
  let m = value.match(/(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})/);
  if (m) return { year: Number(m[1]), month: Number(m[2]) };
  m = value.match(/(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})/);
  if (m) {
    // 14.03.1985 (day first) unless the first part cannot be a day-first month
    const a = Number(m[1]);
    const b = Number(m[2]);
    return { year: Number(m[3]), month: a > 12 ? b : b > 12 ? a : b };
  }
  m = value.match(/(\d{4})/);
  const monthName = MONTHS.findIndex((name) => value.toLowerCase().includes(name));
  if (m) return { year: Number(m[1]), month: monthName >= 0 ? monthName + 1 : 1 };
  return undefined;
}

function readAmount(value: string): { currency: string; value: number } | undefined {
  const currency = value.match(/[$€£¥]|USD|EUR|GBP|CHF/)?.[0] ?? '';
  const m = value.match(/(\d[\d,.' \u00a0]*)(\s*[kKmM])?/);
  if (!m) return undefined;
  let digits = (m[1] as string).replace(/[\s'\u00a0]/g, '');
  // the last separator followed by exactly two digits is a decimal mark
  digits = digits.replace(/[.,](\d{2})$/, '');
  const n = Number(digits.replace(/[.,]/g, ''));
  if (!Number.isFinite(n)) return undefined;
  const suffix = m[2]?.trim().toLowerCase();
  return { currency: currency.length === 1 ? currency : currency ? `${currency} ` : '', value: n * (suffix === 'k' ? 1e3 : suffix === 'm' ? 1e6 : 1) };
}

import { z } from 'zod';
import { AirlockError } from '../core/errors.js';
import { AhoCorasick } from './aho-corasick.js';

/**
 * Organisation-specific terms (project code names, product names, compensation band names,
 * succession-plan markers), matched case-insensitively as whole words with one
 * Aho-Corasick automaton; an allowlist suppresses known-safe values of any detector.
 */
export const dictionaryConfigSchema = z
  .object({
    terms: z
      .array(
        z
          .object({
            entity: z.string().regex(/^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)*$/, 'entity must be UPPER_SNAKE'),
            score: z.number().gt(0).lte(1).optional(),
            terms: z.array(z.string().trim().min(2, 'terms need at least 2 characters')).min(1),
          })
          .strict(),
      )
      .optional(),
    allow: z.array(z.string()).optional(),
  })
  .strict();

export type DictionaryConfig = z.infer<typeof dictionaryConfigSchema>;

export const DEFAULT_DICTIONARY_SCORE = 0.85;

export interface CompiledDictionaries {
  find(text: string, out: Array<{ entity: string; start: number; end: number; score: number; detectorId: string }>): void;
  /** Whether `text.slice(start, end)` is on the allowlist (nothing is sliced when it is empty). */
  isAllowed(text: string, start: number, end: number): boolean;
}

export function parseDictionaryConfig(value: unknown): DictionaryConfig {
  const parsed = dictionaryConfigSchema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue ? issue.path.join('.') || '(root)' : '(root)';
    throw new AirlockError('CONFIG_INVALID', `dictionary config invalid at ${where}: ${issue?.message ?? 'unknown'}`);
  }
  return parsed.data;
}

export function compileDictionaries(config: DictionaryConfig): CompiledDictionaries {
  const checked = parseDictionaryConfig(config);
  const terms: string[] = [];
  const meta: Array<{ entity: string; score: number }> = [];
  for (const group of checked.terms ?? []) {
    for (const term of group.terms) {
      terms.push(normaliseSpaces(term));
      meta.push({ entity: group.entity, score: group.score ?? DEFAULT_DICTIONARY_SCORE });
    }
  }
  const automaton = terms.length > 0 ? new AhoCorasick(terms) : undefined;
  const allowed = new Set((checked.allow ?? []).map(allowKey));
  return {
    find(text, out) {
      if (!automaton) return;
      for (const m of automaton.wholeWords(text)) {
        const info = meta[m.pattern] as { entity: string; score: number };
        out.push({
          entity: info.entity,
          start: m.start,
          end: m.end,
          score: info.score,
          detectorId: `dictionary:${info.entity.toLowerCase().replaceAll('_', '-')}`,
        });
      }
    },
    isAllowed(text, start, end) {
      return allowed.size > 0 && allowed.has(allowKey(text.slice(start, end)));
    },
  };
}

function normaliseSpaces(term: string): string {
  return term.trim().replace(/\s+/g, ' ');
}

function allowKey(value: string): string {
  return normaliseSpaces(value).toLowerCase();
}

import { z } from 'zod';
import { AirlockError } from '../core/errors.js';

/**
 * A second opinion from the sovereign model for free text where patterns are weak (names,
 * addresses, organisations). The model is asked for the entities it sees, as JSON matching a
 * schema; each value it names is located in the text and becomes a finding. The caller
 * supplies `ask`, bound to a sovereign endpoint: this module never chooses where text goes.
 */
export interface ModelOpinionOptions {
  /** sends the prompt to the configured sovereign model, returns its raw answer */
  ask(request: { system: string; user: string; schema: Record<string, unknown> }): Promise<string>;
  entities: readonly string[];
  /** texts longer than this are not sent (patterns alone decide) */
  maxChars: number;
}

export interface OpinionSpan {
  entity: string;
  start: number;
  end: number;
  score: number;
  detectorId: 'model-opinion';
}

export const OPINION_SCORE = 0.6;

export function opinionSchema(entities: readonly string[]): Record<string, unknown> {
  return {
    type: 'object',
    additionalProperties: false,
    required: ['entities'],
    properties: {
      entities: {
        type: 'array',
        items: {
          type: 'object',
          additionalProperties: false,
          required: ['type', 'text'],
          properties: { type: { type: 'string', enum: [...entities] }, text: { type: 'string', maxLength: 200 } },
        },
      },
    },
  };
}

const answerSchema = z.object({
  entities: z.array(z.object({ type: z.string(), text: z.string().min(1).max(200) })).max(200),
});

/**
 * Asks the model and returns the spans it found. An answer that is not the requested JSON is
 * an error (DETECTION_FAILED): with the second opinion switched on, a request is not let
 * through on patterns alone because the model misbehaved.
 */
export async function modelOpinion(text: string, options: ModelOpinionOptions): Promise<OpinionSpan[]> {
  if (text.trim().length === 0 || text.length > options.maxChars) return [];
  const system =
    'You find personal data in CRM text. List every person name, street address or location, and organisation that appears verbatim in the text. ' +
    `Answer only with JSON: {"entities":[{"type": one of ${options.entities.join(', ')}, "text": the exact text}]}.`;
  const raw = await options.ask({ system, user: text, schema: opinionSchema(options.entities) });
  let parsed: z.infer<typeof answerSchema>;
  try {
    parsed = answerSchema.parse(JSON.parse(extractJson(raw)));
  } catch (error) {
    throw new AirlockError('DETECTION_FAILED', 'the model second opinion did not answer with the requested JSON', { cause: error });
  }
  const spans: OpinionSpan[] = [];
  for (const { type, text: value } of parsed.entities) {
    if (!options.entities.includes(type)) continue;
    // every occurrence of the value, as whole words
    for (let at = text.indexOf(value); at !== -1; at = text.indexOf(value, at + value.length)) {
      const before = text[at - 1];
      const after = text[at + value.length];
      if ((before && /[\p{L}\p{N}]/u.test(before)) || (after && /[\p{L}\p{N}]/u.test(after))) continue;
      spans.push({ entity: type, start: at, end: at + value.length, score: OPINION_SCORE, detectorId: 'model-opinion' });
    }
  }
  return spans;
}

/** Models sometimes wrap JSON in prose or a code fence; take the outermost object. */
function extractJson(raw: string): string {
  const start = raw.indexOf('{');
  const end = raw.lastIndexOf('}');
  return start !== -1 && end > start ? raw.slice(start, end + 1) : raw;
}

import { z } from 'zod';
import { classifyEntity } from '../classify/entity-classes.js';
import type { FieldClassification, FieldRef } from '../classify/classifier.js';
import { levelRank } from '../classify/levels.js';
import { AirlockError } from '../core/errors.js';
import type { ComplianceGroup, SensitivityLevel } from '../core/types.js';
import { compileAction, type ActionSpec, OPERATOR_NAMES } from './operators/index.js';

/**
 * What to do with each finding and field: the transform half of a policy. Precedence, most
 * specific first:
 *   span:  entities[ENTITY] → secrets are redacted → groups[GROUP] (in the order PCI, HIPAA,
 *          PII, GDPR, CCPA, COPPA, PersonalInfo) → levels[LEVEL of the entity] → allow
 *   field: fields["Object.Field"] → fields["Field"] → fieldLevels[LEVEL of the field], the
 *          last only for structured (not free-text) fields that carry compliance groups or
 *          are Restricted or above; a field without a field action is scanned span by span.
 */
const actionYaml = z
  .object({ action: z.enum(['allow', ...OPERATOR_NAMES] as [string, ...string[]]) })
  .catchall(z.unknown());

const levelKeys = z.enum(['Public', 'Internal', 'Confidential', 'Restricted', 'MissionCritical']);
const groupKeys = z.enum(['PCI', 'HIPAA', 'PII', 'GDPR', 'CCPA', 'COPPA', 'PersonalInfo']);

export const transformDefaultsSchema = z
  .object({
    pseudonymStyle: z.enum(['token', 'surrogate']).default('token'),
    entities: z.record(z.string().regex(/^[A-Z][A-Z0-9_]*$/, 'entity ids are UPPER_SNAKE'), actionYaml).default({}),
    groups: z.partialRecord(groupKeys, actionYaml).default({}),
    levels: z.partialRecord(levelKeys, actionYaml).default({}),
    fields: z.record(z.string().regex(/^[A-Za-z_][\w]*(?:\.[A-Za-z_][\w]*)?$/, 'fields are Field or Object.Field'), actionYaml).default({}),
    fieldLevels: z.partialRecord(levelKeys, actionYaml).default({}),
  })
  .strict();

export const transformPolicySchema = transformDefaultsSchema.extend({
  version: z.union([z.string(), z.number()]).transform(String),
});

export type Action = ActionSpec | { operator: 'allow'; params: Record<string, never> };
const ALLOW: Action = { operator: 'allow', params: {} };
const GROUP_ORDER: ComplianceGroup[] = ['PCI', 'HIPAA', 'PII', 'GDPR', 'CCPA', 'COPPA', 'PersonalInfo'];

/** Where a finding sits: its field and the field's own classification. */
export interface SpanSite {
  ref: FieldRef;
  cls: FieldClassification;
}

export interface TransformPolicy {
  version: string;
  pseudonymStyle: 'token' | 'surrogate';
  /** action and the rule that chose it, for one finding of `entity` */
  spanAction(entity: string, site?: SpanSite): { action: Action; rule: string };
  /** whole-field action, or undefined to scan the field span by span */
  fieldAction(ref: FieldRef, cls: FieldClassification): { action: Action; rule: string } | undefined;
}

export function compileTransformPolicy(raw: unknown): TransformPolicy {
  const parsed = transformPolicySchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new AirlockError('POLICY_INVALID', `policy invalid at ${issue?.path.map(String).join('.') || '(root)'}: ${issue?.message ?? 'invalid'}`);
  }
  return compileTransformDefaults(parsed.data, parsed.data.version, '');
}

/** Compiles validated defaults; `prefix` names their place in a larger policy file. */
export function compileTransformDefaults(p: z.infer<typeof transformDefaultsSchema>, version: string, prefix: string): TransformPolicy {
  const compile = (entry: z.infer<typeof actionYaml>, where: string): Action => {
    const { action, ...params } = entry;
    if (action === 'allow') return ALLOW;
    if (action === 'pseudonymize' && params.style === undefined) params.style = p.pseudonymStyle;
    return compileAction(action, params, where);
  };
  const table = <K extends string>(section: string, entries: Partial<Record<K, z.infer<typeof actionYaml>>>) =>
    new Map(
      Object.entries(entries).map(([key, value]) => [key, compile(value as z.infer<typeof actionYaml>, `${prefix}${section}.${key}`)]),
    );
  const entities = table('entities', p.entities);
  const groups = table('groups', p.groups);
  const levels = table('levels', p.levels);
  const fields = table('fields', p.fields);
  const fieldLevels = table('fieldLevels', p.fieldLevels);
  const redactSecret = compileAction('redact', {}, 'secrets');

  // the action for an entity does not depend on the request: worked out once per entity
  const spanActions = new Map<string, { action: Action; rule: string }>();
  const spanActionOf = (entity: string): { action: Action; rule: string } => {
    const own = entities.get(entity);
    if (own) return { action: own, rule: `entities.${entity}` };
    const cls = classifyEntity(entity);
    if (cls.secret) return { action: redactSecret, rule: 'secrets' };
    for (const group of GROUP_ORDER) {
      const byGroup = cls.groups.includes(group) ? groups.get(group) : undefined;
      if (byGroup) return { action: byGroup, rule: `groups.${group}` };
    }
    const byLevel = levels.get(cls.level);
    if (byLevel) return { action: byLevel, rule: `levels.${cls.level}` };
    return { action: ALLOW, rule: 'default' };
  };

  return {
    version,
    pseudonymStyle: p.pseudonymStyle,
    spanAction(entity) {
      let chosen = spanActions.get(entity);
      if (!chosen) {
        chosen = spanActionOf(entity);
        // entity ids are few and fixed by the detectors; the bound only guards against misuse
        if (spanActions.size < 4096) spanActions.set(entity, chosen);
      }
      return chosen;
    },
    fieldAction(ref, cls) {
      if (ref.field) {
        const qualified = ref.object ? fields.get(`${ref.object}.${ref.field}`) : undefined;
        if (qualified) return { action: qualified, rule: `fields.${ref.object}.${ref.field}` };
        const plain = fields.get(ref.field);
        if (plain) return { action: plain, rule: `fields.${ref.field}` };
      }
      if (cls.freeText || cls.source === 'findings' || cls.source === 'default') return undefined;
      if (cls.groups.length === 0 && levelRank(cls.level) < levelRank('Restricted')) return undefined;
      const byLevel = fieldLevels.get(cls.level as SensitivityLevel);
      return byLevel ? { action: byLevel, rule: `fieldLevels.${cls.level}` } : undefined;
    },
  };
}

/** The built-in policy: personal data pseudonymized, payment cards and secrets redacted. */
export const DEFAULT_TRANSFORM_POLICY = {
  version: 'builtin-1',
  pseudonymStyle: 'token',
  entities: {},
  // personal data of any kind is pseudonymized (IP addresses and locations are personal
  // data under the GDPR too); payment card data is redacted and never restored
  groups: {
    PCI: { action: 'redact' },
    HIPAA: { action: 'pseudonymize' },
    PII: { action: 'pseudonymize' },
    GDPR: { action: 'pseudonymize' },
  },
  levels: {
    MissionCritical: { action: 'redact' },
    Restricted: { action: 'pseudonymize' },
    Confidential: { action: 'pseudonymize' },
    Internal: { action: 'allow' },
    Public: { action: 'allow' },
  },
  fields: {},
  fieldLevels: {
    MissionCritical: { action: 'redact' },
    Restricted: { action: 'pseudonymize' },
    Confidential: { action: 'pseudonymize' },
  },
};

export function defaultTransformPolicy(): TransformPolicy {
  return compileTransformPolicy(DEFAULT_TRANSFORM_POLICY);
}

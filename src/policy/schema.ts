import { z } from 'zod';
import { OPERATOR_NAMES } from '../transform/operators/index.js';
import { transformDefaultsSchema } from '../transform/transform-policy.js';

/**
 * The policy file (YAML), validated at load. Errors name the rule id (or endpoint id) and
 * the path of the bad key.
 */
const list = <T extends z.ZodTypeAny>(item: T) => z.union([item, z.array(item).min(1)]).transform((v) => (Array.isArray(v) ? v : [v]) as z.infer<T>[]);
const jurisdiction = z.string().regex(/^(?:[A-Z]{2}|EU|EEA)$/, 'a jurisdiction is an ISO country code, EU or EEA');
const environment = z.enum(['prod', 'sandbox', 'dev']);
const level = z.enum(['Public', 'Internal', 'Confidential', 'Restricted', 'MissionCritical']);
const group = z.enum(['PII', 'HIPAA', 'GDPR', 'PCI', 'CCPA', 'COPPA', 'PersonalInfo']);
const id = z.string().regex(/^[a-z0-9][a-z0-9._-]*$/i, 'ids are letters, digits, ".", "_" and "-"');

export const endpointSchema = z
  .object({
    id,
    kind: z.enum(['openai-compatible', 'anthropic', 'llama-cpp', 'dry-run']),
    url: z.url().optional(),
    /** for `llama-cpp`: the GGUF file */
    modelPath: z.string().optional(),
    models: z.array(z.string().min(1)).default([]),
    defaultModel: z.string().optional(),
    jurisdiction,
    region: z.string().optional(),
    sovereign: z.boolean().default(false),
    retention: z.union([z.literal('none'), z.number().int().nonnegative()]).default('none'),
    trainsOnData: z.boolean().default(false),
    environments: z.array(environment).min(1).default(['prod', 'sandbox', 'dev']),
    tags: z.array(z.string()).default([]),
    /** transfer frameworks the operator is certified under, e.g. EU-US-DPF */
    frameworks: z.array(z.string()).default([]),
    /** lower is preferred when several endpoints qualify */
    priority: z.number().int().default(100),
    /** provider-specific settings (API version, deployment, headers from env…) */
    options: z.record(z.string(), z.unknown()).default({}),
  })
  .strict();

export type EndpointConfig = z.infer<typeof endpointSchema>;

export const matchSchema = z
  .object({
    client: list(z.string()),
    environment: list(environment),
    route: list(z.string()),
    object: list(z.string()),
    field: list(z.string()),
    entity: list(z.string()),
    level: list(level),
    group: list(group),
    origin: list(jurisdiction),
    destination: z
      .object({
        id: list(z.string()),
        tag: list(z.string()),
        sovereign: z.boolean(),
        jurisdiction: list(jurisdiction),
        trainsOnData: z.boolean(),
        /** matches endpoints that keep data longer than this many days (`none` counts as 0) */
        retentionOverDays: z.number().int().nonnegative(),
      })
      .partial()
      .strict(),
  })
  .partial()
  .strict();

const operatorAction = z
  .record(z.string(), z.record(z.string(), z.unknown()).nullable())
  .refine((v) => Object.keys(v).length === 1, 'an action object has exactly one key')
  .refine((v) => {
    const key = Object.keys(v)[0] as string;
    return (OPERATOR_NAMES as string[]).includes(key) || key === 'routeTo' || key === 'block';
  }, `the action must be allow, block, routeTo or one of: ${OPERATOR_NAMES.join(', ')}`);

export const ruleSchema = z
  .object({
    id,
    description: z.string().optional(),
    match: matchSchema.default({}),
    action: z.union([z.literal('allow'), z.literal('block'), z.object({ routeTo: z.string() }).strict(), operatorAction]),
    reason: z.string().optional(),
  })
  .strict();

export type RuleConfig = z.infer<typeof ruleSchema>;

export const policySchema = z
  .object({
    version: z.union([z.string(), z.number()]).transform(String),
    description: z.string().optional(),
    endpoints: z.array(endpointSchema).default([]),
    /** model name aliases, e.g. default: local-llama */
    aliases: z.record(z.string(), z.string()).default({}),
    origins: z
      .object({
        /** the origin assumed when none can be established: the strictest one you serve */
        unknown: jurisdiction.default('EU'),
        clients: z.record(z.string(), jurisdiction).default({}),
        /** accept the x-airlock-origin header from authenticated clients */
        trustHeader: z.boolean().default(true),
        /** read MailingCountry / BillingCountry / Country fields of records */
        fromRecords: z.boolean().default(true),
      })
      .strict()
      .default({ unknown: 'EU', clients: {}, trustHeader: true, fromRecords: true }),
    residency: z
      .object({
        /** pseudonymized values still count as personal data when deciding transfers */
        pseudonymizedIsPersonal: z.boolean().default(true),
        rules: z
          .array(
            z
              .object({
                id,
                origin: list(jurisdiction),
                group: list(group).optional(),
                entity: list(z.string()).optional(),
                require: z
                  .object({
                    sovereign: z.boolean().optional(),
                    inCountry: z.boolean().optional(),
                    jurisdictions: z.array(jurisdiction).optional(),
                    noTraining: z.boolean().optional(),
                    maxRetentionDays: z.number().int().nonnegative().optional(),
                  })
                  .strict(),
              })
              .strict(),
          )
          .default([]),
        exceptions: z
          .array(
            z
              .object({
                id,
                origin: list(jurisdiction),
                to: z.object({ jurisdiction: jurisdiction.optional(), endpoint: z.string().optional() }).strict(),
                reason: z.string().min(10, 'an exception needs a reason the audit can record'),
                expires: z.iso.date().optional(),
              })
              .strict(),
          )
          .default([]),
      })
      .strict()
      .default({ pseudonymizedIsPersonal: true, rules: [], exceptions: [] }),
    transforms: transformDefaultsSchema.optional(),
    detection: z
      .object({
        /** a second opinion on free text from a sovereign model (off unless configured) */
        modelOpinion: z
          .object({
            endpoint: z.string(),
            model: z.string().optional(),
            entities: z.array(z.string().regex(/^[A-Z][A-Z0-9_]*$/)).min(1).default(['PERSON', 'STREET_ADDRESS', 'LOCATION', 'ORGANIZATION']),
            maxChars: z.number().int().positive().max(200_000).default(8000),
            timeoutMs: z.number().int().positive().max(120_000).default(15_000),
          })
          .strict()
          .optional(),
      })
      .strict()
      .optional(),
    rules: z.array(ruleSchema).default([]),
  })
  .strict();

export type PolicyConfig = z.infer<typeof policySchema>;

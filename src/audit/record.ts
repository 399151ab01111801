import { createHmac } from 'node:crypto';
import { z } from 'zod';
import { AirlockError } from '../core/errors.js';
import { canonicalJson } from './canonical-json.js';
import {
  API_NAME,
  CODE,
  DECISIONS,
  encodeRecordFast,
  ENTITY,
  FIELD_PATH,
  HEX64,
  JURISDICTION,
  ROUTE,
  SAFE_SEGMENT,
  SALESFORCE_ID,
  STAGE,
  TOKEN,
} from './record-encoder.js';

/**
 * What the audit trail stores: metadata only. Every string field is a token, a code, a
 * path, an id or a hex digest with a tight pattern, so free text (a prompt, an answer, a
 * field value) cannot be written into the trail even by mistake. Bodies are represented
 * by keyed HMAC fingerprints only.
 */

const token = z.string().regex(TOKEN);
const code = z.string().regex(CODE);
const count = z.number().int().min(0).max(1e12);
const millis = z.number().min(0).max(1e12).finite();
const epochMs = z.number().int().min(0).max(8.64e15);

export { DECISIONS };
export type AuditDecision = (typeof DECISIONS)[number];

// Keys in code-unit order, so validated records come out already sorted for canonicalJson.
const requestRecordSchema = z
  .object({
    actionCounts: z.record(code, count).optional(),
    /** epoch milliseconds */
    at: epochMs,
    clientId: token.optional(),
    decision: z.enum(DECISIONS).optional(),
    endpoint: z
      .object({
        id: token,
        jurisdiction: z.string().regex(JURISDICTION).optional(),
        sovereign: z.boolean().optional(),
      })
      .strict()
      .optional(),
    entityCounts: z.record(z.string().regex(ENTITY), count).optional(),
    environment: z.enum(['prod', 'sandbox', 'dev']).optional(),
    /** paths of the values that were touched, e.g. `messages[0].content`, `Contact.Email` */
    fields: z.array(z.string().max(512).regex(FIELD_PATH)).max(1000).optional(),
    fingerprints: z
      .object({
        keyId: token,
        request: z.string().regex(HEX64).optional(),
        response: z.string().regex(HEX64).optional(),
      })
      .strict()
      .optional(),
    model: token.optional(),
    /** where the data comes from (jurisdiction codes) */
    origins: z.array(code).max(64).optional(),
    /**
     * ids of the residency exceptions the decision relied on; their reasons are in the
     * policy version that `policyHash` names (free text never enters the trail)
     */
    exceptions: z.array(code).max(32).optional(),
    phase: z.enum(['begin', 'end']),
    policyHash: code.optional(),
    reasonCode: code.optional(),
    requestId: token,
    route: z.string().regex(ROUTE).optional(),
    salesforce: z
      .object({
        object: z.string().regex(API_NAME).optional(),
        orgId: z.string().regex(SALESFORCE_ID).optional(),
        userId: z.string().regex(SALESFORCE_ID).optional(),
      })
      .strict()
      .optional(),
    sizes: z.object({ requestBytes: count.optional(), responseBytes: count.optional() }).strict().optional(),
    stageMs: z.record(z.string().regex(STAGE), millis).optional(),
    tokens: z
      .object({ completion: count.optional(), prompt: count.optional(), total: count.optional() })
      .strict()
      .optional(),
    type: z.literal('request'),
    upstreamStatus: z.number().int().min(0).max(999).optional(),
    v: z.literal(1),
  })
  .strict();

/** Written in the chain by `prune`, so a prune is itself on the record. */
const pruneRecordSchema = z
  .object({
    /** hash of record `throughSeq`: the signed checkpoint that is the new genesis */
    anchorHash: z.string().regex(HEX64),
    at: epochMs,
    /** the cut-off the operator asked for (epoch ms) */
    before: epochMs,
    /** records up to and including this seq were deleted */
    throughSeq: z.number().int().min(1),
    type: z.literal('prune'),
    v: z.literal(1),
  })
  .strict();

export const auditRecordSchema = z.discriminatedUnion('type', [requestRecordSchema, pruneRecordSchema]);

export type AuditRecord = z.infer<typeof auditRecordSchema>;
export type RequestAuditRecord = z.infer<typeof requestRecordSchema>;
export type PruneAuditRecord = z.infer<typeof pruneRecordSchema>;

/**
 * Validates a record and returns its canonical serialisation. The error names the fields
 * that failed, never their values (a value that failed may be the very content that must
 * not be logged). Valid records take the one-pass encoder (`record-encoder.ts`); anything it
 * is not sure of goes through the zod schema, which gives the same bytes or the error.
 */
export function encodeAuditRecord(record: unknown): string {
  return encodeRecordFast(record) ?? encodeWithSchema(record);
}

/** The reference path: zod, then canonical JSON of what it returns. */
export function encodeWithSchema(record: unknown): string {
  const parsed = auditRecordSchema.safeParse(record);
  if (!parsed.success) {
    const where = [...new Set(parsed.error.issues.map((i) => (i.path.length > 0 ? i.path.join('.') : i.code)))];
    throw new AirlockError('AUDIT_FAILED', `audit record rejected: invalid ${where.join(', ')}`);
  }
  return canonicalJson(parsed.data);
}

/** Parses a stored body back into a record (no validation: the chain vouches for it). */
export function decodeAuditRecord(body: string): AuditRecord {
  return JSON.parse(body) as AuditRecord;
}

/** Keyed HMAC-SHA256 of a request or response body, hex. The key is a keyring subkey. */
export function bodyFingerprint(key: Buffer, body: string | Uint8Array): string {
  return createHmac('sha256', key).update(body).digest('hex');
}

// --- adapter from the pipeline's audit mark ---

/** The pipeline's audit mark (structurally `AuditMark` of core/pipeline.ts). */
export interface AuditMarkLike {
  phase: 'begin' | 'end';
  requestId: string;
  at: number;
  outcome?: AuditDecision;
  reasonCode?: string;
  stageMs?: Readonly<Record<string, number>>;
}

/**
 * What the composition root knows of a request besides the mark: taken from the request
 * context, the analysis and the decision. Everything optional; metadata only.
 */
export interface RequestFacts {
  clientId?: string;
  environment?: 'prod' | 'sandbox' | 'dev';
  salesforce?: { orgId?: string; userId?: string; object?: string };
  route?: string;
  model?: string;
  endpoint?: { id: string; jurisdiction?: string; sovereign?: boolean };
  origins?: readonly string[];
  exceptions?: readonly string[];
  policyHash?: string;
  entityCounts?: Readonly<Record<string, number>>;
  actionCounts?: Readonly<Record<string, number>>;
  fields?: readonly string[];
  upstreamStatus?: number;
  requestBytes?: number;
  responseBytes?: number;
  tokens?: { prompt?: number; completion?: number; total?: number };
  fingerprints?: { keyId: string; request?: string; response?: string };
}

/**
 * A field path as the trail may hold it. Paths are built from the payload's own keys by
 * joining them with dots, and a key can be anything — even a value (`{"jane.doe@example.com":
 * …}`). A key that is not an identifier-like name makes its whole run of dot-joined names
 * (up to an array index on either side) `*`, since a dotted key cannot be told from nesting.
 */
export function safeFieldPath(path: string): string {
  if (path === '') return '$';
  const segments = path.split('.').map((part) => {
    const m = /^([^[\]]*)((?:\[\d{1,9}\])*)$/.exec(part);
    const name = m?.[1] ?? part;
    const indices = m?.[2] ?? '';
    return { name, indices, safe: m !== null && (SAFE_SEGMENT.test(name) || (name === '' && indices !== '')) };
  });
  // Runs of names between array indices: one unsafe name masks the run.
  let runStart = 0;
  for (let i = 0; i <= segments.length; i++) {
    const segment = segments[i];
    const endsRun = segment === undefined || (i > runStart && (segments[i - 1] as { indices: string }).indices !== '');
    if (endsRun) {
      const run = segments.slice(runStart, i);
      if (run.some((s) => !s.safe)) for (const s of run) s.name = '*';
      runStart = i;
    }
  }
  const out: string[] = [];
  for (const s of segments) {
    const text = `${s.name}${s.indices}`;
    if (text === '*' && out[out.length - 1] === '*') continue;
    out.push(text);
  }
  const joined = out.join('.');
  return joined.length <= 512 ? joined : '*';
}

/**
 * Paths seen recently and their safe form: a wire format has few distinct paths
 * (`messages[1].content`), and every request names them twice (its "begin" and "end" records).
 */
const safePaths = new Map<string, string>();
const SAFE_PATHS_MAX = 4096;

function safeFieldPathCached(path: string): string {
  let safe = safePaths.get(path);
  if (safe === undefined) {
    safe = safeFieldPath(path);
    if (safePaths.size >= SAFE_PATHS_MAX) safePaths.clear();
    safePaths.set(path, safe);
  }
  return safe;
}

function sortedUnique(values: readonly string[]): string[] {
  if (values.length <= 1) return values.slice();
  return [...new Set(values)].sort();
}

/**
 * Builds the record for one mark. Validation happens on append (the encoder reads the record
 * and keeps nothing of it, so the facts' own objects are not copied). Keys are set one by one
 * rather than spread: this runs twice per request.
 */
export function recordFromMark(mark: AuditMarkLike, facts: RequestFacts = {}): RequestAuditRecord {
  const record: RequestAuditRecord = { v: 1, type: 'request', phase: mark.phase, at: Math.trunc(mark.at), requestId: mark.requestId };
  if (facts.clientId !== undefined) record.clientId = facts.clientId;
  if (facts.environment !== undefined) record.environment = facts.environment;
  const sf = facts.salesforce;
  if (sf && (sf.orgId !== undefined || sf.userId !== undefined || sf.object !== undefined)) {
    record.salesforce = {
      ...(sf.orgId !== undefined ? { orgId: sf.orgId } : {}),
      ...(sf.userId !== undefined ? { userId: sf.userId } : {}),
      ...(sf.object !== undefined ? { object: sf.object } : {}),
    };
  }
  if (facts.route !== undefined) record.route = facts.route;
  if (facts.model !== undefined) record.model = facts.model;
  if (facts.endpoint !== undefined) record.endpoint = facts.endpoint;
  if (facts.origins !== undefined) record.origins = sortedUnique(facts.origins);
  if (facts.exceptions !== undefined && facts.exceptions.length > 0) record.exceptions = sortedUnique(facts.exceptions);
  if (facts.policyHash !== undefined) record.policyHash = facts.policyHash;
  if (facts.entityCounts !== undefined) record.entityCounts = facts.entityCounts as Record<string, number>;
  if (facts.actionCounts !== undefined) record.actionCounts = facts.actionCounts as Record<string, number>;
  if (facts.fields !== undefined) {
    const fields = facts.fields.map(safeFieldPathCached);
    record.fields = (fields.length <= 1 ? fields : [...new Set(fields)].sort()).slice(0, 1000);
  }
  if (mark.outcome !== undefined) record.decision = mark.outcome;
  if (mark.reasonCode !== undefined) record.reasonCode = mark.reasonCode;
  if (facts.upstreamStatus !== undefined) record.upstreamStatus = facts.upstreamStatus;
  if (facts.requestBytes !== undefined || facts.responseBytes !== undefined) {
    record.sizes = {
      ...(facts.requestBytes !== undefined ? { requestBytes: facts.requestBytes } : {}),
      ...(facts.responseBytes !== undefined ? { responseBytes: facts.responseBytes } : {}),
    };
  }
  if (facts.tokens !== undefined) record.tokens = facts.tokens;
  if (mark.stageMs !== undefined) record.stageMs = { ...mark.stageMs };
  if (facts.fingerprints !== undefined) record.fingerprints = facts.fingerprints;
  return record;
}

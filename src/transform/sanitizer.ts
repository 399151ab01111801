import type { Classifier, FieldClassification } from '../classify/classifier.js';
import type { Random } from '../core/clock.js';
import { AirlockError, asAirlockError } from '../core/errors.js';
import { applyJsonEdits, parseJsonSource, type JsonEdit, type JsonNode } from '../core/json-source.js';
import type { Finding } from '../core/types.js';
import { resolveOverlaps, type DetectionEngine } from '../detect/engine.js';
import { DROP, OPERATORS, type OperatorContext, type OperatorCrypto } from './operators/index.js';
import type { Action, TransformPolicy } from './transform-policy.js';
import type { PseudonymRequest, PseudonymVault } from './vault.js';

export interface SanitizerDeps {
  engine: DetectionEngine;
  classifier: Classifier;
  policy: TransformPolicy;
  vault: PseudonymVault;
  crypto: OperatorCrypto;
  random: Random;
}

/** One text value of the input: a whole text, or a string / number leaf of a JSON document. */
export interface Item {
  path: string;
  text: string;
  object?: string;
  field?: string;
  recordId?: string;
  node?: JsonNode;
}

export interface PlannedSpan {
  entity: string;
  start: number;
  end: number;
  score: number;
  detector: string;
  action: Action;
  rule: string;
}

export interface Plan {
  item: AnalyzedItem;
  classification: FieldClassification;
  field?: { entity: string; action: Action; rule: string };
  spans: PlannedSpan[];
}

/** What was done, without any value: per field and span, classification and action. */
export interface ExplainItem {
  path: string;
  object?: string;
  field?: string;
  level: string;
  groups: string[];
  source: string;
  fieldAction?: { entity: string; action: string; rule: string };
  spans: Array<{ entity: string; start: number; end: number; score: number; detector: string; action: string; rule: string }>;
}

export interface SanitizeResult {
  output: string;
  format: 'text' | 'json';
  explain: ExplainItem[];
  /** counts per entity and action */
  counts: Record<string, Record<string, number>>;
}

/** Standard fields whose whole value is one entity (for typed tokens and surrogates). */
const FIELD_ENTITIES: Record<string, string> = {
  Name: 'PERSON',
  FirstName: 'PERSON',
  LastName: 'PERSON',
  MiddleName: 'PERSON',
  SuppliedName: 'PERSON',
  Email: 'EMAIL_ADDRESS',
  PersonEmail: 'EMAIL_ADDRESS',
  SuppliedEmail: 'EMAIL_ADDRESS',
  Phone: 'PHONE_NUMBER',
  MobilePhone: 'PHONE_NUMBER',
  HomePhone: 'PHONE_NUMBER',
  OtherPhone: 'PHONE_NUMBER',
  SuppliedPhone: 'PHONE_NUMBER',
  Birthdate: 'DATE_OF_BIRTH',
  PersonBirthdate: 'DATE_OF_BIRTH',
};

/** A detected and classified input, before any policy is applied. */
export interface Analysis {
  format: 'text' | 'json';
  source: string;
  root?: JsonNode;
  items: AnalyzedItem[];
}

export interface AnalyzedItem extends Item {
  findings: Finding[];
  /** the field's own class (metadata, standard field, name) */
  fieldClass: FieldClassification;
  /** the field's class raised by what was found in it */
  classification: FieldClassification;
}

/** Texts shorter than this are detected afresh each time: cheaper than remembering them. */
const RECENT_MIN_LENGTH = 64;
const RECENT_MAX_ENTRIES = 1024;

export class Sanitizer {
  /**
   * Findings of texts seen recently, keyed by a keyed hash of the text: a chat client re-sends
   * the whole conversation every turn, and integrations repeat their system prompts, so most
   * texts of a request were detected before. Detection is a pure function of the text, so the
   * findings are the same; the entries hold no text (entities, offsets, scores, fingerprints),
   * and every request gets its own copies, so none can change another's. (Not frozen: frozen
   * findings make every later property read slower than copying them.)
   */
  private readonly recent = new Map<string, readonly Finding[]>();

  constructor(private readonly deps: SanitizerDeps) {}

  /** Sanitizes text, or JSON when the input is a JSON object or array. */
  async sanitize(
    source: string,
    options: { sessionId: string; format?: 'text' | 'json'; policy?: TransformPolicy },
  ): Promise<SanitizeResult> {
    const analysis = this.analyze(source, options.format);
    return this.execute(analysis, this.plan(analysis, options.policy ?? this.deps.policy), options.sessionId);
  }

  /** Detect and classify every value: the parse, detect and classify stages. */
  analyze(source: string, format?: 'text' | 'json'): Analysis {
    const kind = format ?? (/^\s*[[{]/.test(source) ? 'json' : 'text');
    if (kind === 'text') return this.analyzeItems(source, undefined, [{ path: 'text', text: source }]);
    const root = parseJsonSource(source);
    return this.analyzeItems(source, root, jsonItems(root));
  }

  /**
   * Detects and classifies the given values of a document. A wire format (an OpenAI chat
   * request, say) picks which values to scan; edits go back through their nodes.
   */
  analyzeItems(source: string, root: JsonNode | undefined, items: readonly Item[]): Analysis {
    const analyzed = items.map((item): AnalyzedItem => {
      const findings = this.detect(item.text);
      const ref = refOf(item);
      return {
        ...item,
        findings,
        fieldClass: this.deps.classifier.fieldClass(ref),
        classification: this.deps.classifier.classify(ref, findings),
      };
    });
    return { format: root ? 'json' : 'text', source, ...(root ? { root } : {}), items: analyzed };
  }

  private detect(text: string): Finding[] {
    if (text.length < RECENT_MIN_LENGTH) return this.deps.engine.detect(text);
    const key = this.deps.engine.fingerprint('', text);
    const known = this.recent.get(key);
    if (known) {
      // most recently used last, so the oldest entry is the one that goes
      this.recent.delete(key);
      this.recent.set(key, known);
      return known.map(copyFinding);
    }
    const findings = this.deps.engine.detect(text);
    if (this.recent.size >= RECENT_MAX_ENTRIES) this.recent.delete(this.recent.keys().next().value as string);
    this.recent.set(key, findings.map(copyFinding));
    return findings;
  }

  /**
   * Adds findings from another source (the model's second opinion) to some items: merged
   * with the pattern findings by the engine's overlap rule, fingerprinted, re-classified.
   */
  withExtraFindings(analysis: Analysis, extra: ReadonlyMap<number, ReadonlyArray<Omit<Finding, 'fingerprint'>>>): Analysis {
    if (extra.size === 0) return analysis;
    const items = analysis.items.map((item, i) => {
      const more = extra.get(i);
      if (!more || more.length === 0) return item;
      const merged = resolveOverlaps([
        ...item.findings,
        ...more.map((f) => ({ ...f, fingerprint: this.deps.engine.fingerprint(f.entity, item.text.slice(f.start, f.end)) })),
      ]);
      return { ...item, findings: merged, classification: this.deps.classifier.classify(refOf(item), merged) };
    });
    return { ...analysis, items };
  }

  /** The action for every field and span under a policy. Pure: no keys, no vault. */
  plan(analysis: Analysis, policy: TransformPolicy): Plan[] {
    return planAnalysis(analysis, policy);
  }

  /** Applies the plans: one vault round trip, then every operator, then the rewrite. */
  async execute(analysis: Analysis, plans: Plan[], sessionId: string, vault: PseudonymVault = this.deps.vault): Promise<SanitizeResult> {
    const output = await this.rewrite(analysis, plans, sessionId, vault);
    return { output, format: analysis.format, explain: plans.map(explainPlan), counts: countActions(plans) };
  }

  /** The sanitized document alone: what the gateway sends on, without the explanation. */
  async rewrite(analysis: Analysis, plans: Plan[], sessionId: string, vault: PseudonymVault = this.deps.vault): Promise<string> {
    try {
      const rewritten = await this.rewriteItems(plans, sessionId, vault);
      if (!analysis.root) return rewritten[0] === DROP ? '' : (rewritten[0] as string);
      const edits: JsonEdit[] = [];
      plans.forEach((plan, i) => {
        const text = rewritten[i];
        if (text !== plan.item.text) edits.push({ node: plan.item.node as JsonNode, text: text === DROP ? undefined : JSON.stringify(text) });
      });
      return applyJsonEdits(analysis.source, analysis.root, edits);
    } catch (error) {
      throw asAirlockError(error, 'TRANSFORM_FAILED', 'sanitizing failed');
    }
  }

  /**
   * The sanitized JSON document as a value: what `JSON.parse(await rewrite(…))` returns, built
   * from the parsed tree instead of writing the document out (escaping every rewritten text)
   * and parsing it back. The gateway needs the request as an object to send it on.
   */
  async rewriteValue(analysis: Analysis, plans: Plan[], sessionId: string, vault: PseudonymVault = this.deps.vault): Promise<unknown> {
    try {
      const root = analysis.root;
      if (!root) throw new AirlockError('TRANSFORM_FAILED', 'only a JSON document has a value');
      const rewritten = await this.rewriteItems(plans, sessionId, vault);
      const replaced = new Map<JsonNode, string | typeof DROP>();
      plans.forEach((plan, i) => {
        const text = rewritten[i] as string | typeof DROP;
        if (text !== plan.item.text) replaced.set(plan.item.node as JsonNode, text);
      });
      if (replaced.get(root) === DROP) throw new AirlockError('TRANSFORM_FAILED', 'the whole document was dropped');
      return editedJsonValue(root, replaced);
    } catch (error) {
      throw asAirlockError(error, 'TRANSFORM_FAILED', 'sanitizing failed');
    }
  }

  /** Every item's text after its plan: one vault round trip, then the operators. */
  private async rewriteItems(plans: Plan[], sessionId: string, vault: PseudonymVault): Promise<Array<string | typeof DROP>> {
    const pseudonyms = await this.assignPseudonyms(plans, sessionId, vault);
    return plans.map((plan, i) => this.apply(plan, pseudonyms[i] as string[], sessionId));
  }

  /** One vault round trip for the whole input: pseudonyms per plan, in span order. */
  private async assignPseudonyms(plans: Plan[], sessionId: string, vault: PseudonymVault): Promise<string[][]> {
    const requests: PseudonymRequest[] = [];
    const owners: Array<[number, number]> = [];
    plans.forEach((plan, p) => {
      const targets = plan.field
        ? [{ entity: plan.field.entity, action: plan.field.action, value: plan.item.text }]
        : plan.spans.map((s) => ({ entity: s.entity, action: s.action, value: plan.item.text.slice(s.start, s.end) }));
      targets.forEach((t, k) => {
        if (t.action.operator !== 'pseudonymize') return;
        requests.push({ entity: t.entity, value: t.value, style: (t.action.params.style as 'token' | 'surrogate') ?? 'token' });
        owners.push([p, k]);
      });
    });
    const tokens = await vault.pseudonymsFor(sessionId, requests);
    const out: string[][] = plans.map(() => []);
    owners.forEach(([p, k], i) => {
      (out[p] as string[])[k] = tokens[i] as string;
    });
    return out;
  }

  private apply(plan: Plan, pseudonyms: string[], sessionId: string): string | typeof DROP {
    const { item } = plan;
    const context = (entity: string, pseudonym: string | undefined): OperatorContext => ({
      entity,
      sessionId,
      crypto: this.deps.crypto,
      random: this.deps.random,
      ...(item.recordId ? { recordId: item.recordId } : {}),
      ...(item.field ? { field: item.object ? `${item.object}.${item.field}` : item.field } : {}),
      ...(pseudonym !== undefined ? { pseudonym } : {}),
    });
    if (plan.field) {
      return run(plan.field.action, item.text, context(plan.field.entity, pseudonyms[0]));
    }
    // operators run right to left, as they always have (some draw randomness); the text is
    // then assembled once, left to right, instead of being re-sliced for every span
    const replacements: Array<string | typeof DROP | undefined> = new Array(plan.spans.length);
    let changed = false;
    for (let k = plan.spans.length - 1; k >= 0; k--) {
      const span = plan.spans[k] as PlannedSpan;
      if (span.action.operator === 'allow') continue;
      replacements[k] = run(span.action, item.text.slice(span.start, span.end), context(span.entity, pseudonyms[k]));
      changed = true;
    }
    if (!changed) return item.text;
    let text = '';
    let at = 0;
    for (let k = 0; k < plan.spans.length; k++) {
      const replaced = replacements[k];
      if (replaced === undefined) continue;
      const span = plan.spans[k] as PlannedSpan;
      text += item.text.slice(at, span.start) + (replaced === DROP ? '' : replaced);
      at = span.end;
    }
    return text + item.text.slice(at);
  }
}

/**
 * The value of a parsed JSON document with some string or number leaves replaced by text, or
 * dropped (the member or item goes): equal to `JSON.parse` of the document rendered with those
 * edits. Like `JSON.parse`, a repeated key keeps its first place and its last value, and
 * `__proto__` is an own property like any other key.
 */
export function editedJsonValue(node: JsonNode, replaced: ReadonlyMap<JsonNode, string | typeof DROP>): unknown {
  const text = replaced.get(node);
  if (text !== undefined) return text;
  switch (node.kind) {
    case 'object': {
      const out: Record<string, unknown> = {};
      for (const m of node.members) {
        if (replaced.get(m.value) === DROP) continue;
        const value = editedJsonValue(m.value, replaced);
        if (m.key === '__proto__') Object.defineProperty(out, m.key, { value, writable: true, enumerable: true, configurable: true });
        else out[m.key] = value;
      }
      return out;
    }
    case 'array': {
      const out: unknown[] = [];
      for (const item of node.items) if (replaced.get(item) !== DROP) out.push(editedJsonValue(item, replaced));
      return out;
    }
    default:
      return node.value;
  }
}

/** The action for every field and span of an analysis under a policy. Pure: no keys, no vault. */
export function planAnalysis(analysis: Analysis, policy: TransformPolicy): Plan[] {
  return analysis.items.map((item) => {
    const ref = refOf(item);
    const fieldRule = policy.fieldAction(ref, item.fieldClass);
    if (fieldRule && fieldRule.action.operator !== 'allow') {
      return { item, classification: item.classification, field: { entity: fieldEntity(item, item.findings), ...fieldRule }, spans: [] };
    }
    // the engine's findings never overlap, so they can be rewritten right to left as they are
    const spans = item.findings.map((f) => {
      const { action, rule } = policy.spanAction(f.entity, { ref, cls: item.fieldClass });
      return { entity: f.entity, start: f.start, end: f.end, score: f.score, detector: f.detectorId, action, rule };
    });
    return { item, classification: item.classification, spans };
  });
}

/**
 * A copy of a remembered finding, in the shape the engine builds (every field of `Finding`, in
 * one order), so each request owns its findings and reads stay fast.
 */
const copyFinding = (f: Finding): Finding => ({
  entity: f.entity,
  start: f.start,
  end: f.end,
  score: f.score,
  detectorId: f.detectorId,
  fingerprint: f.fingerprint,
});

export function refOf(item: Item): { object?: string; field?: string } {
  return { ...(item.object ? { object: item.object } : {}), ...(item.field ? { field: item.field } : {}) };
}

function run(action: Action, value: string, ctx: OperatorContext): string | typeof DROP {
  if (action.operator === 'allow') return value;
  const op = OPERATORS[action.operator];
  if (!op) throw new AirlockError('TRANSFORM_FAILED', `unknown operator ${action.operator}`);
  return op.apply(value, action.params as never, ctx);
}

function fieldEntity(item: Item, findings: readonly Finding[]): string {
  const whole = findings.find((f) => f.start === 0 && f.end === item.text.length);
  if (whole) return whole.entity;
  const known = item.field ? FIELD_ENTITIES[item.field] : undefined;
  if (known) return known;
  const name = (item.field ?? 'VALUE').replace(/__c$/i, '').replace(/([a-z0-9])([A-Z])/g, '$1_$2').toUpperCase();
  return name.replace(/[^A-Z0-9_]/g, '_').replace(/^([^A-Z])/, 'F_$1');
}

/**
 * String and number leaves of a JSON document with their Salesforce context: the nearest
 * `attributes.type` names the object, the nearest `Id` (or the end of `attributes.url`) the
 * record; the `attributes` block itself is metadata and is left alone.
 */
function jsonItems(root: JsonNode): Item[] {
  const items: Item[] = [];
  const visit = (node: JsonNode, path: string, field: string | undefined, object: string | undefined, recordId: string | undefined) => {
    if (node.kind === 'object') {
      const attributes = node.members.find((m) => m.key === 'attributes')?.value;
      let type = object;
      let id = recordId;
      if (attributes?.kind === 'object') {
        const t = attributes.members.find((m) => m.key === 'type')?.value;
        if (t?.kind === 'string') type = t.value;
        const url = attributes.members.find((m) => m.key === 'url')?.value;
        if (url?.kind === 'string') id = url.value.split('/').pop() || id;
      }
      const idMember = node.members.find((m) => m.key === 'Id')?.value;
      if (idMember?.kind === 'string') id = idMember.value;
      for (const m of node.members) {
        if (m.key === 'attributes' && attributes) continue;
        visit(m.value, path ? `${path}.${m.key}` : m.key, m.key, type, id);
      }
    } else if (node.kind === 'array') {
      node.items.forEach((item, i) => visit(item, `${path}[${i}]`, field, object, recordId));
    } else if (node.kind === 'string' || node.kind === 'number') {
      const text = node.kind === 'string' ? node.value : node.raw;
      items.push({
        path: path || '$',
        text,
        node,
        ...(object ? { object } : {}),
        ...(field ? { field } : {}),
        ...(recordId ? { recordId } : {}),
      });
    }
  };
  visit(root, '', undefined, undefined, undefined);
  return items;
}

function explainPlan(plan: Plan): ExplainItem {
  return {
    path: plan.item.path,
    ...(plan.item.object ? { object: plan.item.object } : {}),
    ...(plan.item.field ? { field: plan.item.field } : {}),
    level: plan.classification.level,
    groups: plan.classification.groups,
    source: plan.classification.source,
    ...(plan.field ? { fieldAction: { entity: plan.field.entity, action: plan.field.action.operator, rule: plan.field.rule } } : {}),
    spans: plan.spans.map((s) => ({
      entity: s.entity,
      start: s.start,
      end: s.end,
      score: s.score,
      detector: s.detector,
      action: s.action.operator,
      rule: s.rule,
    })),
  };
}

function countActions(plans: Plan[]): Record<string, Record<string, number>> {
  const counts: Record<string, Record<string, number>> = {};
  const add = (entity: string, action: string) => {
    const row = (counts[entity] ??= {});
    row[action] = (row[action] ?? 0) + 1;
  };
  for (const plan of plans) {
    if (plan.field) add(plan.field.entity, plan.field.action.operator);
    for (const s of plan.spans) add(s.entity, s.action.operator);
  }
  return counts;
}

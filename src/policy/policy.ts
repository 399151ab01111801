import { createHash } from 'node:crypto';
import type { FieldClassification, FieldRef } from '../classify/classifier.js';
import { classifyEntity } from '../classify/entity-classes.js';
import { AirlockError } from '../core/errors.js';
import { compileAction } from '../transform/operators/index.js';
import {
  compileTransformDefaults,
  DEFAULT_TRANSFORM_POLICY,
  transformDefaultsSchema,
  type Action,
  type SpanSite,
  type TransformPolicy,
} from '../transform/transform-policy.js';
import { compileEndpoints, type Endpoint } from './endpoints.js';
import { policySchema, type PolicyConfig, type RuleConfig } from './schema.js';

/** What a rule can see of a request, besides the finding or field it is asked about. */
export interface RuleContext {
  clientId?: string;
  environment?: 'prod' | 'sandbox' | 'dev';
  route?: string;
  origins: readonly string[];
}

export interface CompiledRule {
  id: string;
  index: number;
  config: RuleConfig;
  /** number of match keys: more specific rules win over less specific ones */
  specificity: number;
  kind: 'block' | 'route' | 'action';
  action?: Action;
  routeTo?: string;
  reason?: string;
}

export interface Policy {
  version: string;
  /** SHA-256 of the canonical policy: every audit record carries it */
  hash: string;
  config: PolicyConfig;
  endpoints: readonly Endpoint[];
  rules: readonly CompiledRule[];
  warnings: readonly string[];
  /** the transform defaults, before any rule */
  defaults: TransformPolicy;
  /** the actions for a request going to `endpoint` (rules first, then defaults) */
  actionsFor(ctx: RuleContext, endpoint: Endpoint | undefined): TransformPolicy;
  /** rules that match a finding or field regardless of action kind */
  matchingRules(ctx: RuleContext, endpoint: Endpoint | undefined, subject: RuleSubject): CompiledRule[];
}

/** The thing a rule is asked about: a finding (entity in a field) or a whole field. */
export interface RuleSubject {
  entity?: string;
  ref: FieldRef;
  cls: FieldClassification;
}

export function loadPolicy(raw: unknown): Policy {
  const parsed = policySchema.safeParse(raw);
  if (!parsed.success) throw new AirlockError('POLICY_INVALID', describeIssue(raw, parsed.error.issues[0]));
  const config = parsed.data;
  const { endpoints, warnings } = compileEndpoints(config.endpoints);
  const ids = new Set<string>();
  const rules = config.rules.map((rule, index): CompiledRule => {
    if (ids.has(rule.id)) throw new AirlockError('POLICY_INVALID', `rule "${rule.id}": id is used twice`);
    ids.add(rule.id);
    return compileRule(rule, index, endpoints);
  });
  const exceptionIds = new Set<string>();
  for (const e of config.residency.exceptions) {
    if (exceptionIds.has(e.id)) throw new AirlockError('POLICY_INVALID', `exception "${e.id}": id is used twice`);
    exceptionIds.add(e.id);
    if (e.to.endpoint && !endpoints.some((ep) => ep.id === e.to.endpoint)) {
      throw new AirlockError('POLICY_INVALID', `exception "${e.id}": to.endpoint "${e.to.endpoint}" is not a declared endpoint`);
    }
    if (!e.to.endpoint && !e.to.jurisdiction) throw new AirlockError('POLICY_INVALID', `exception "${e.id}": to needs an endpoint or a jurisdiction`);
  }
  for (const [alias, target] of Object.entries(config.aliases)) {
    if (!endpoints.some((ep) => ep.id === target || ep.models.includes(target))) {
      throw new AirlockError('POLICY_INVALID', `aliases.${alias}: "${target}" is neither an endpoint nor a model any endpoint serves`);
    }
  }
  const opinion = config.detection?.modelOpinion;
  if (opinion) {
    const target = endpoints.find((e) => e.id === opinion.endpoint);
    if (!target) throw new AirlockError('POLICY_INVALID', `detection.modelOpinion.endpoint: "${opinion.endpoint}" is not a declared endpoint`);
    // the second opinion sees text before any transform: only a sovereign model may
    if (!target.sovereign) throw new AirlockError('POLICY_INVALID', `detection.modelOpinion.endpoint: "${opinion.endpoint}" is not sovereign; the second opinion sees untransformed text`);
  }
  const defaults = compileTransformDefaults(
    config.transforms ?? transformDefaultsSchema.parse(DEFAULT_TRANSFORM_POLICY_WITHOUT_VERSION),
    config.version,
    'transforms.',
  );
  const hash = createHash('sha256').update(canonicalJson(config)).digest('hex');

  const actionRules = rules.filter((r) => r.kind === 'action');
  const actionsCache = new Map<string, TransformPolicy>();
  const matches = (rule: CompiledRule, ctx: RuleContext, endpoint: Endpoint | undefined, subject: RuleSubject | undefined): boolean =>
    ruleMatches(rule.config, ctx, endpoint, subject);

  const policy: Policy = {
    version: config.version,
    hash,
    config,
    endpoints,
    rules,
    warnings,
    defaults,
    matchingRules(ctx, endpoint, subject) {
      return rules.filter((r) => matches(r, ctx, endpoint, subject));
    },
    actionsFor(ctx, endpoint) {
      // a policy is immutable: the actions for one kind of request are compiled once
      if (actionRules.length === 0) return defaults;
      const key = `${ctx.clientId ?? ''}\0${ctx.environment ?? ''}\0${ctx.route ?? ''}\0${ctx.origins.join(',')}\0${endpoint?.id ?? ''}`;
      let compiled = actionsCache.get(key);
      if (!compiled) {
        if (actionsCache.size >= ACTIONS_CACHE_SIZE) actionsCache.delete(actionsCache.keys().next().value as string);
        compiled = compileActions(ctx, endpoint);
        actionsCache.set(key, compiled);
      }
      return compiled;
    },
  };
  return policy;

  function compileActions(ctx: RuleContext, endpoint: Endpoint | undefined): TransformPolicy {
    // A rule naming an entity is about findings; one naming an object or field but no
    // entity is about whole fields; any other rule is about both.
    const best = (subject: RuleSubject, about: 'span' | 'field'): CompiledRule | undefined => {
      let chosen: CompiledRule | undefined;
      for (const r of actionRules) {
        const m = r.config.match;
        if (about === 'span' && !m.entity && (m.object || m.field)) continue;
        if (about === 'field' && m.entity) continue;
        if (!matches(r, ctx, endpoint, subject)) continue;
        if (!chosen || r.specificity > chosen.specificity) chosen = r;
      }
      return chosen;
    };
    // A span's rule depends on its entity and field only (its class follows from the entity).
    const spans = new Map<string, { action: Action; rule: string }>();
    return {
      version: config.version,
      pseudonymStyle: defaults.pseudonymStyle,
      spanAction(entity: string, site?: SpanSite) {
        const key = `${entity}\0${site?.ref.object ?? ''}\0${site?.ref.field ?? ''}`;
        const known = spans.get(key);
        if (known) return known;
        const subject: RuleSubject = { entity, ref: site?.ref ?? {}, cls: site?.cls ?? unknownField };
        const rule = best(subject, 'span');
        const chosen = rule?.action ? { action: rule.action, rule: `rules.${rule.id}` } : defaults.spanAction(entity, site);
        if (spans.size < ACTIONS_CACHE_SIZE) spans.set(key, chosen);
        return chosen;
      },
      fieldAction(ref: FieldRef, cls: FieldClassification) {
        const rule = best({ ref, cls }, 'field');
        if (rule?.action) return { action: rule.action, rule: `rules.${rule.id}` };
        return defaults.fieldAction(ref, cls);
      },
    };
  }
}

/** Distinct request kinds (client, environment, route, origins, endpoint) whose actions are kept compiled. */
const ACTIONS_CACHE_SIZE = 1024;

const unknownField: FieldClassification = { level: 'Internal', groups: [], source: 'default', freeText: true };

const { version: _unused, ...DEFAULT_TRANSFORM_POLICY_WITHOUT_VERSION } = DEFAULT_TRANSFORM_POLICY;

function compileRule(rule: RuleConfig, index: number, endpoints: readonly Endpoint[]): CompiledRule {
  const m = rule.match;
  const specificity =
    Object.keys(m).filter((k) => k !== 'destination').length + Object.keys(m.destination ?? {}).length;
  const base = { id: rule.id, index, config: rule, specificity, ...(rule.reason ? { reason: rule.reason } : {}) };
  const a = rule.action;
  if (a === 'block') return { ...base, kind: 'block' };
  if (a === 'allow') return { ...base, kind: 'action', action: { operator: 'allow', params: {} } };
  if ('routeTo' in a && typeof a.routeTo === 'string') {
    const target = a.routeTo;
    if (!endpoints.some((e) => e.id === target || e.tags.includes(target))) {
      throw new AirlockError('POLICY_INVALID', `rule "${rule.id}": action.routeTo "${target}" names no endpoint or tag`);
    }
    return { ...base, kind: 'route', routeTo: target };
  }
  const [name, params] = Object.entries(a)[0] as [string, Record<string, unknown> | null];
  if (name === 'block') return { ...base, kind: 'block', ...(params?.reason ? { reason: String(params.reason) } : {}) };
  return { ...base, kind: 'action', action: compileAction(name, params ?? {}, `rule "${rule.id}": action`) };
}

function oneOf<T>(allowed: readonly T[] | undefined, value: T | undefined): boolean {
  return allowed === undefined || (value !== undefined && allowed.includes(value));
}

export function ruleMatches(rule: RuleConfig, ctx: RuleContext, endpoint: Endpoint | undefined, subject: RuleSubject | undefined): boolean {
  const m = rule.match;
  if (!oneOf(m.client, ctx.clientId)) return false;
  if (!oneOf(m.environment, ctx.environment)) return false;
  if (!oneOf(m.route, ctx.route)) return false;
  if (m.origin && !ctx.origins.some((o) => (m.origin as string[]).includes(o))) return false;
  if (m.object || m.field || m.entity || m.level || m.group) {
    if (!subject) return false;
    if (!oneOf(m.object, subject.ref.object)) return false;
    if (!oneOf(m.field, subject.ref.field)) return false;
    if (!oneOf(m.entity, subject.entity)) return false;
    const cls = subject.entity ? classifyEntity(subject.entity) : subject.cls;
    if (!oneOf(m.level, cls.level)) return false;
    if (m.group && !cls.groups.some((g) => (m.group as string[]).includes(g))) return false;
  }
  const d = m.destination;
  if (d) {
    if (!endpoint) return false;
    if (!oneOf(d.id, endpoint.id)) return false;
    if (d.tag && !endpoint.tags.some((t) => (d.tag as string[]).includes(t))) return false;
    if (d.sovereign !== undefined && endpoint.sovereign !== d.sovereign) return false;
    if (!oneOf(d.jurisdiction, endpoint.jurisdiction)) return false;
    if (d.trainsOnData !== undefined && endpoint.trainsOnData !== d.trainsOnData) return false;
    if (d.retentionOverDays !== undefined && (endpoint.retention === 'none' ? 0 : endpoint.retention) <= d.retentionOverDays) return false;
  }
  return true;
}

/** Sorted keys, no whitespace: the same policy always hashes the same. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

/** "rule "x": match.entity: …" — the rule or endpoint id first, then the path of the bad key. */
function describeIssue(raw: unknown, issue: { path: PropertyKey[]; message: string } | undefined): string {
  if (!issue) return 'policy is invalid';
  const path = issue.path.map(String);
  let owner = '';
  if ((path[0] === 'rules' || path[0] === 'endpoints') && path[1] !== undefined && raw && typeof raw === 'object') {
    const list = (raw as Record<string, unknown>)[path[0]];
    const item = Array.isArray(list) ? (list[Number(path[1])] as { id?: unknown } | undefined) : undefined;
    if (item && typeof item.id === 'string') owner = `${path[0] === 'rules' ? 'rule' : 'endpoint'} "${item.id}": `;
  }
  return `${owner}${path.join('.') || '(root)'}: ${issue.message}`;
}

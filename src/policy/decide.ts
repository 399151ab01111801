import { classifyEntity } from '../classify/entity-classes.js';
import type { ComplianceGroup } from '../core/types.js';
import { planAnalysis, type Analysis, type Plan } from '../transform/sanitizer.js';
import type { Action, TransformPolicy } from '../transform/transform-policy.js';
import type { Endpoint } from './endpoints.js';
import { gdprTransferAllowed, isEea, memberCountries, toJurisdiction, within } from './jurisdictions.js';
import { ruleMatches, type CompiledRule, type Policy, type RuleContext, type RuleSubject } from './policy.js';

export interface DecideContext {
  clientId?: string;
  environment?: 'prod' | 'sandbox' | 'dev';
  route?: string;
  /** the requested model name or alias (`default` when absent) */
  model?: string;
  /** the x-airlock-origin header, when the integration set one */
  originHeader?: string;
  /** time of the decision, for exception expiry */
  now: number;
}

export interface EndpointAssessment {
  endpointId: string;
  compliant: boolean;
  /** why not, as reason codes with detail; empty when compliant */
  reasons: string[];
  exceptions: Array<{ id: string; reason: string }>;
}

export interface PolicyDecision {
  verdict: 'allow' | 'transform' | 'block';
  reasonCode:
    | 'ALLOW'
    | 'TRANSFORM'
    | 'BLOCKED_BY_RULE'
    | 'RESIDENCY_NO_COMPLIANT_ENDPOINT'
    | 'MODEL_NOT_SERVED'
    | 'ENVIRONMENT_NOT_ALLOWED';
  /** the rule that blocked, when one did */
  rule?: { id: string; reason?: string };
  origins: string[];
  originSource: Array<'header' | 'records' | 'client' | 'unknown'>;
  endpoint?: Endpoint;
  /** endpoints that satisfy the same decision, in order: the only failover targets */
  failover: Endpoint[];
  plans: Plan[];
  transforms?: TransformPolicy;
  exceptions: Array<{ id: string; reason: string }>;
  considered: EndpointAssessment[];
  policyVersion: string;
  policyHash: string;
}

const PERSONAL_GROUPS: readonly ComplianceGroup[] = ['PII', 'GDPR', 'PersonalInfo', 'HIPAA', 'PCI', 'CCPA', 'COPPA'];
const COUNTRY_FIELDS = new Set(['MailingCountry', 'BillingCountry', 'ShippingCountry', 'OtherCountry', 'Country', 'PersonMailingCountry', 'MailingCountryCode', 'BillingCountryCode', 'CountryCode']);
/** Operators after which a value no longer identifies anyone. */
const NON_IDENTIFYING = new Set(['redact', 'drop', 'mask', 'generalize']);

/**
 * The decide stage: a pure function of (analysis, policy, context). It establishes the data
 * origin, applies block and route rules, then for each candidate endpoint in preference
 * order works out what would actually leave after the transforms that endpoint gets, and
 * keeps the endpoint only if that data may go to its jurisdiction. Nothing here has side
 * effects; an exception anywhere propagates to the pipeline, which denies.
 */
export function decide(analysis: Analysis, policy: Policy, context: DecideContext): PolicyDecision {
  const { origins, sources } = establishOrigins(analysis, policy, context);
  const ctx: RuleContext = {
    ...(context.clientId ? { clientId: context.clientId } : {}),
    ...(context.environment ? { environment: context.environment } : {}),
    ...(context.route ? { route: context.route } : {}),
    origins,
  };
  const base = {
    origins,
    originSource: sources,
    failover: [] as Endpoint[],
    plans: [] as Plan[],
    exceptions: [] as Array<{ id: string; reason: string }>,
    considered: [] as EndpointAssessment[],
    policyVersion: policy.version,
    policyHash: policy.hash,
  };
  // rule subjects are only needed by block and route rules that look at findings or fields
  let subjectList: RuleSubject[] | undefined;
  const subjects = (): RuleSubject[] => (subjectList ??= subjectsOf(analysis));

  // block beats everything: a block rule that does not depend on the destination ends it here
  const blocking = firstMatching(policy.rules, (r) => r.kind === 'block' && !r.config.match.destination, ctx, undefined, subjects);
  if (blocking) return { ...base, verdict: 'block', reasonCode: 'BLOCKED_BY_RULE', rule: ruleRef(blocking) };

  const served = endpointsFor(policy, context.model);
  if (served.length === 0) return { ...base, verdict: 'block', reasonCode: 'MODEL_NOT_SERVED' };
  const environment = context.environment ?? 'prod';
  let candidates = served.filter((e) => e.environments.includes(environment));
  if (candidates.length === 0) return { ...base, verdict: 'block', reasonCode: 'ENVIRONMENT_NOT_ALLOWED' };
  for (const route of policy.rules) {
    if (route.kind !== 'route') continue;
    if (!subjectsMatch(route, ctx, undefined, subjects)) continue;
    candidates = candidates.filter((e) => e.id === route.routeTo || e.tags.includes(route.routeTo as string));
  }

  const considered: EndpointAssessment[] = [];
  const compliant: Array<{ endpoint: Endpoint; plans: Plan[]; transforms: TransformPolicy; exceptions: EndpointAssessment['exceptions'] }> = [];
  for (const endpoint of candidates) {
    const reasons: string[] = [];
    const destBlock = firstMatching(policy.rules, (r) => r.kind === 'block' && !!r.config.match.destination, ctx, endpoint, subjects);
    if (destBlock) reasons.push(`BLOCKED_BY_RULE:${destBlock.id}`);
    const transforms = policy.actionsFor(ctx, endpoint);
    const plans = planAnalysis(analysis, transforms);
    const leaving = personalDataLeaving(plans, policy.config.residency.pseudonymizedIsPersonal);
    const exceptions: EndpointAssessment['exceptions'] = [];
    if (leaving.groups.size > 0) residencyCheck(policy, endpoint, origins, leaving, context.now, reasons, exceptions);
    considered.push({ endpointId: endpoint.id, compliant: reasons.length === 0, reasons, exceptions });
    if (reasons.length === 0) compliant.push({ endpoint, plans, transforms, exceptions });
  }
  const chosen = compliant[0];
  if (!chosen) return { ...base, considered, verdict: 'block', reasonCode: 'RESIDENCY_NO_COMPLIANT_ENDPOINT' };
  // failover only to endpoints whose transforms are the same (the signature is built only when there are any)
  const signature = compliant.length > 1 ? actionSignature(chosen.plans) : '';
  const failover = compliant.slice(1).filter((c) => actionSignature(c.plans) === signature).map((c) => c.endpoint);
  const transformsSomething = chosen.plans.some((p) => (p.field && p.field.action.operator !== 'allow') || p.spans.some((s) => s.action.operator !== 'allow'));
  return {
    ...base,
    considered,
    verdict: transformsSomething ? 'transform' : 'allow',
    reasonCode: transformsSomething ? 'TRANSFORM' : 'ALLOW',
    endpoint: chosen.endpoint,
    failover,
    plans: chosen.plans,
    transforms: chosen.transforms,
    exceptions: chosen.exceptions,
  };
}

/** Header, record country fields and client configuration all count; none known → the strictest configured origin. */
function establishOrigins(analysis: Analysis, policy: Policy, context: DecideContext) {
  const cfg = policy.config.origins;
  const origins = new Set<string>();
  const sources: PolicyDecision['originSource'] = [];
  if (cfg.trustHeader && context.originHeader) {
    const j = toJurisdiction(context.originHeader);
    if (j) {
      origins.add(j);
      sources.push('header');
    }
  }
  if (cfg.fromRecords) {
    let found = false;
    for (const item of analysis.items) {
      if (!item.field || !COUNTRY_FIELDS.has(item.field)) continue;
      const j = toJurisdiction(item.text);
      if (j) {
        origins.add(j);
        found = true;
      }
    }
    if (found) sources.push('records');
  }
  const client = context.clientId ? cfg.clients[context.clientId] : undefined;
  if (client) {
    origins.add(client);
    sources.push('client');
  }
  if (origins.size === 0) {
    origins.add(cfg.unknown);
    sources.push('unknown');
  }
  return { origins: [...origins].sort(), sources };
}

/** Endpoints serving a model name, in preference order: fixed for a policy, so kept per policy. */
const servedCache = new WeakMap<Policy, Map<string, readonly Endpoint[]>>();
const SERVED_CACHE_SIZE = 256;

function endpointsFor(policy: Policy, model: string | undefined): readonly Endpoint[] {
  const name = model ?? 'default';
  let byModel = servedCache.get(policy);
  if (!byModel) servedCache.set(policy, (byModel = new Map()));
  let served = byModel.get(name);
  if (!served) {
    served = computeEndpointsFor(policy, name);
    // model names come from callers, so the cache is bounded
    if (byModel.size < SERVED_CACHE_SIZE) byModel.set(name, served);
  }
  return served;
}

function computeEndpointsFor(policy: Policy, name: string): readonly Endpoint[] {
  const target = policy.config.aliases[name] ?? name;
  const byId = policy.endpoints.filter((e) => e.id === target);
  let served = byId.length > 0 ? byId : policy.endpoints.filter((e) => e.models.includes(target) || e.defaultModel === target);
  if (served.length === 0 && name === 'default') served = policy.endpoints.slice();
  if (served.length === 0) served = policy.endpoints.filter((e) => e.models.length === 0);
  return served
    .map((e, i) => ({ e, i }))
    .sort((a, b) => a.e.priority - b.e.priority || a.i - b.i)
    .map(({ e }) => e);
}

/** Every finding and every field, as rule subjects; plus the request itself. */
function subjectsOf(analysis: Analysis): RuleSubject[] {
  const subjects: RuleSubject[] = [];
  for (const item of analysis.items) {
    const ref = { ...(item.object ? { object: item.object } : {}), ...(item.field ? { field: item.field } : {}) };
    subjects.push({ ref, cls: item.classification });
    for (const f of item.findings) subjects.push({ entity: f.entity, ref, cls: item.fieldClass });
  }
  return subjects;
}

function subjectsMatch(rule: CompiledRule, ctx: RuleContext, endpoint: Endpoint | undefined, subjects: () => RuleSubject[]): boolean {
  const m = rule.config.match;
  if (!(m.entity || m.object || m.field || m.level || m.group)) return ruleMatches(rule.config, ctx, endpoint, undefined);
  return subjects().some((s) => ruleMatches(rule.config, ctx, endpoint, s));
}

function firstMatching(
  rules: readonly CompiledRule[],
  which: (r: CompiledRule) => boolean,
  ctx: RuleContext,
  endpoint: Endpoint | undefined,
  subjects: () => RuleSubject[],
): CompiledRule | undefined {
  return rules.find((r) => which(r) && subjectsMatch(r, ctx, endpoint, subjects));
}

const personalGroups = new Map<string, readonly ComplianceGroup[]>();

/** The personal-data groups of an entity: fixed by the entity table, so worked out once. */
function personalGroupsOf(entity: string): readonly ComplianceGroup[] {
  let groups = personalGroups.get(entity);
  if (!groups) {
    groups = classifyEntity(entity).groups.filter((g) => PERSONAL_GROUPS.includes(g));
    if (personalGroups.size < 4096) personalGroups.set(entity, groups);
  }
  return groups;
}

/** Compliance groups and entities of personal data that would leave identifiable. */
function personalDataLeaving(plans: Plan[], pseudonymizedIsPersonal: boolean): { groups: Set<ComplianceGroup>; entities: Set<string> } {
  const groups = new Set<ComplianceGroup>();
  const entities = new Set<string>();
  const leaves = (action: Action): boolean =>
    action.operator === 'allow' || (pseudonymizedIsPersonal && !NON_IDENTIFYING.has(action.operator));
  for (const plan of plans) {
    if (plan.field) {
      if (leaves(plan.field.action)) {
        for (const g of plan.item.fieldClass.groups) if (PERSONAL_GROUPS.includes(g)) groups.add(g);
        entities.add(plan.field.entity);
      }
      continue;
    }
    for (const span of plan.spans) {
      if (!leaves(span.action)) continue;
      const personal = personalGroupsOf(span.entity);
      if (personal.length === 0) continue;
      for (const g of personal) groups.add(g);
      entities.add(span.entity);
    }
    // a personal field scanned span by span still carries its own classification when allowed through
    if (plan.spans.every((s) => leaves(s.action))) {
      for (const g of plan.item.fieldClass.groups) if (PERSONAL_GROUPS.includes(g) && /\S/.test(plan.item.text)) groups.add(g);
    }
  }
  return { groups, entities };
}

function residencyCheck(
  policy: Policy,
  endpoint: Endpoint,
  origins: readonly string[],
  leaving: { groups: Set<ComplianceGroup>; entities: Set<string> },
  now: number,
  reasons: string[],
  exceptions: EndpointAssessment['exceptions'],
): void {
  const residency = policy.config.residency;
  for (const origin of origins) {
    for (const rule of residency.rules) {
      if (!rule.origin.some((o) => within(origin, o))) continue;
      if (rule.group && !rule.group.some((g) => leaving.groups.has(g))) continue;
      if (rule.entity && !rule.entity.some((e) => leaving.entities.has(e))) continue;
      const r = rule.require;
      if (r.sovereign && !endpoint.sovereign) reasons.push(`RESIDENCY_RULE:${rule.id}:sovereign-only`);
      if (r.inCountry && !memberCountries(endpoint.jurisdiction).every((c) => memberCountries(origin).includes(c))) {
        reasons.push(`RESIDENCY_RULE:${rule.id}:in-country-only`);
      }
      if (r.jurisdictions && !r.jurisdictions.some((j) => within(endpoint.jurisdiction, j))) reasons.push(`RESIDENCY_RULE:${rule.id}:jurisdiction`);
      if (r.noTraining && endpoint.trainsOnData) reasons.push(`RESIDENCY_RULE:${rule.id}:trains-on-data`);
      if (r.maxRetentionDays !== undefined && endpoint.retention !== 'none' && endpoint.retention > r.maxRetentionDays) {
        reasons.push(`RESIDENCY_RULE:${rule.id}:retention`);
      }
    }
    if (isEea(origin) && !gdprTransferAllowed(endpoint.jurisdiction, endpoint.frameworks)) {
      const exception = residency.exceptions.find(
        (e) =>
          e.origin.some((o) => within(origin, o)) &&
          (e.to.endpoint ? e.to.endpoint === endpoint.id : e.to.jurisdiction === endpoint.jurisdiction) &&
          (!e.expires || Date.parse(e.expires) > now),
      );
      if (exception) exceptions.push({ id: exception.id, reason: exception.reason });
      else reasons.push(`GDPR_TRANSFER:${origin}->${endpoint.jurisdiction}`);
    }
  }
}

function actionSignature(plans: Plan[]): string {
  return plans
    .map((p) => (p.field ? `F${p.field.action.operator}${JSON.stringify(p.field.action.params)}` : p.spans.map((s) => `${s.action.operator}${JSON.stringify(s.action.params)}`).join(',')))
    .join('|');
}

function ruleRef(rule: CompiledRule): { id: string; reason?: string } {
  return { id: rule.id, ...(rule.reason ? { reason: rule.reason } : {}) };
}

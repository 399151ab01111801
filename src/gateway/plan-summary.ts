import type { PolicyDecision } from '../policy/decide.js';

/** How many values of each entity got each action, keyed `ENTITY:action`, in order of first appearance. */
export type ActionCounts = Map<string, { entity: string; action: string; n: number }>;

/** What the response headers, the metrics and both audit records need of a decision's plans: counts and paths, never values. */
export interface PlanSummary {
  pairs: ActionCounts;
  entityCounts: Record<string, number>;
  actionCounts: Record<string, number>;
  /** paths of the values whose action is not `allow`, in order of first appearance */
  fields: string[];
}

const summaries = new WeakMap<PolicyDecision, PlanSummary>();

/**
 * The summary of a decision's plans, worked out once per decision: the headers, the metrics
 * and the "begin" and "end" records of a request all read the same one. A decision is not
 * changed after it is made.
 */
export function planSummary(decision: PolicyDecision): PlanSummary {
  let summary = summaries.get(decision);
  if (summary === undefined) {
    summary = summarize(decision);
    summaries.set(decision, summary);
  }
  return summary;
}

function summarize(decision: PolicyDecision): PlanSummary {
  const pairs: ActionCounts = new Map();
  const entityCounts: Record<string, number> = {};
  const actionCounts: Record<string, number> = {};
  const fields: string[] = [];
  const add = (entity: string, action: string): boolean => {
    const key = `${entity}:${action}`;
    const row = pairs.get(key);
    if (row) row.n++;
    else pairs.set(key, { entity, action, n: 1 });
    entityCounts[entity] = (entityCounts[entity] ?? 0) + 1;
    actionCounts[action] = (actionCounts[action] ?? 0) + 1;
    return action !== 'allow';
  };
  for (const plan of decision.plans) {
    let touched = false;
    if (plan.field && add(plan.field.entity, plan.field.action.operator)) touched = true;
    for (const s of plan.spans) if (add(s.entity, s.action.operator)) touched = true;
    if (touched) fields.push(plan.item.path);
  }
  return { pairs, entityCounts, actionCounts, fields: [...new Set(fields)] };
}

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
  // entity → action → row: entity and action names are a few constant strings whose hashes
  // V8 keeps, where a key made per span (`ENTITY:action`) is hashed afresh every time
  const byEntity = new Map<string, Map<string, { entity: string; action: string; n: number }>>();
  const rows: Array<{ entity: string; action: string; n: number }> = [];
  const add = (entity: string, action: string): boolean => {
    let byAction = byEntity.get(entity);
    if (byAction === undefined) {
      byAction = new Map();
      byEntity.set(entity, byAction);
    }
    const row = byAction.get(action);
    if (row) row.n++;
    else {
      const created = { entity, action, n: 1 };
      byAction.set(action, created);
      rows.push(created);
    }
    return action !== 'allow';
  };
  const fields: string[] = [];
  for (const plan of decision.plans) {
    let touched = false;
    if (plan.field && add(plan.field.entity, plan.field.action.operator)) touched = true;
    for (const s of plan.spans) if (add(s.entity, s.action.operator)) touched = true;
    if (touched) fields.push(plan.item.path);
  }
  const pairs: ActionCounts = new Map();
  const entityCounts: Record<string, number> = {};
  const actionCounts: Record<string, number> = {};
  for (const row of rows) {
    pairs.set(`${row.entity}:${row.action}`, row);
    entityCounts[row.entity] = (entityCounts[row.entity] ?? 0) + row.n;
    actionCounts[row.action] = (actionCounts[row.action] ?? 0) + row.n;
  }
  return { pairs, entityCounts, actionCounts, fields: fields.length > 1 ? [...new Set(fields)] : fields };
}

import { Counter, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/**
 * A metric's children by label values, made once: prom-client hashes the label object of every
 * `inc`/`observe`, which costs more than the counting. Label values here come from small fixed
 * sets (stages, verdicts, entity ids, endpoints, routes and statuses).
 */
function children<C>(make: (...values: string[]) => C): (...values: string[]) => C {
  const made = new Map<string, C>();
  return (...values) => {
    const key = values.join('\0');
    let child = made.get(key);
    if (child === undefined) {
      child = make(...values);
      made.set(key, child);
    }
    return child;
  };
}

/** Prometheus metrics of one gateway: requests, decisions, entities, stage and upstream latency. */
export function createMetrics() {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'airlock_process_' });
  const buckets = [0.0002, 0.0005, 0.001, 0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];
  const requests = new Counter({ name: 'airlock_requests_total', help: 'Requests by route and HTTP status', labelNames: ['route', 'status'], registers: [registry] });
  const decisions = new Counter({ name: 'airlock_decisions_total', help: 'Policy decisions by verdict and reason', labelNames: ['verdict', 'reason'], registers: [registry] });
  const entities = new Counter({ name: 'airlock_entities_total', help: 'Sensitive values found, by entity and action', labelNames: ['entity', 'action'], registers: [registry] });
  const stageSeconds = new Histogram({ name: 'airlock_stage_seconds', help: 'Latency of each pipeline stage', labelNames: ['stage'], buckets, registers: [registry] });
  const upstreamSeconds = new Histogram({ name: 'airlock_upstream_seconds', help: 'Upstream latency by endpoint', labelNames: ['endpoint'], buckets, registers: [registry] });
  const failovers = new Counter({ name: 'airlock_failovers_total', help: 'Failovers to another compliant endpoint', labelNames: ['from', 'to'], registers: [registry] });
  return {
    registry,
    requests,
    decisions,
    entities,
    stageSeconds,
    upstreamSeconds,
    failovers,
    /** `requests` for one route and status */
    requestsOf: children((route, status) => requests.labels(route as string, status as string)),
    decisionsOf: children((verdict, reason) => decisions.labels(verdict as string, reason as string)),
    entitiesOf: children((entity, action) => entities.labels(entity as string, action as string)),
    stageOf: children((stage) => stageSeconds.labels(stage as string)),
    upstreamOf: children((endpoint) => upstreamSeconds.labels(endpoint as string)),
  };
}

export type Metrics = ReturnType<typeof createMetrics>;

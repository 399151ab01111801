import { Counter, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/** Prometheus metrics of one gateway: requests, decisions, entities, stage and upstream latency. */
export function createMetrics() {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'airlock_process_' });
  const buckets = [0.0002, 0.0005, 0.001, 0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];
  return {
    registry,
    requests: new Counter({ name: 'airlock_requests_total', help: 'Requests by route and HTTP status', labelNames: ['route', 'status'], registers: [registry] }),
    decisions: new Counter({ name: 'airlock_decisions_total', help: 'Policy decisions by verdict and reason', labelNames: ['verdict', 'reason'], registers: [registry] }),
    entities: new Counter({ name: 'airlock_entities_total', help: 'Sensitive values found, by entity and action', labelNames: ['entity', 'action'], registers: [registry] }),
    stageSeconds: new Histogram({ name: 'airlock_stage_seconds', help: 'Latency of each pipeline stage', labelNames: ['stage'], buckets, registers: [registry] }),
    upstreamSeconds: new Histogram({ name: 'airlock_upstream_seconds', help: 'Upstream latency by endpoint', labelNames: ['endpoint'], buckets, registers: [registry] }),
    failovers: new Counter({ name: 'airlock_failovers_total', help: 'Failovers to another compliant endpoint', labelNames: ['from', 'to'], registers: [registry] }),
  };
}

export type Metrics = ReturnType<typeof createMetrics>;

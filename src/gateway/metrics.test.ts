import { Counter, Histogram, Registry } from 'prom-client';
import { describe, expect, it } from 'vitest';
import { createMetrics, LATENCY_BUCKETS } from './metrics.js';

/** The lines of one metric family in an exposition text. */
function family(text: string, name: string): string[] {
  return text.split('\n').filter((line) => line === `# HELP ${name}` || line.startsWith(`# HELP ${name} `) || line.startsWith(`# TYPE ${name} `) || line.startsWith(`${name}{`) || line.startsWith(`${name}_`) || line.startsWith(`${name} `));
}

describe('gateway metrics', () => {
  it('export exactly what prom-client exports for the same observations and counts', async () => {
    const metrics = createMetrics();
    const reference = new Registry();
    const stages = new Histogram({ name: 'airlock_stage_seconds', help: 'Latency of each pipeline stage', labelNames: ['stage'], buckets: [...LATENCY_BUCKETS], registers: [reference] });
    const entities = new Counter({ name: 'airlock_entities_total', help: 'Sensitive values found, by entity and action', labelNames: ['entity', 'action'], registers: [reference] });
    const requests = new Counter({ name: 'airlock_requests_total', help: 'Requests by route and HTTP status', labelNames: ['route', 'status'], registers: [reference] });
    const samples = [0, 0.0002, 0.00021, 0.0049, 0.005, 0.7, 10, 30, 31, 1234.5];
    for (const [i, s] of samples.entries()) {
      const stage = i % 3 === 0 ? 'analyze' : 'audit.begin';
      metrics.stageOf(stage).observe(s);
      stages.labels(stage).observe(s);
      metrics.entitiesOf('PERSON', i % 2 ? 'allow' : 'pseudonymize').inc(i);
      entities.labels('PERSON', i % 2 ? 'allow' : 'pseudonymize').inc(i);
      metrics.requestsOf('/v1/chat/completions', '200').inc();
      requests.labels('/v1/chat/completions', '200').inc();
    }
    const ours = await metrics.registry.metrics();
    const theirs = await reference.metrics();
    for (const name of ['airlock_stage_seconds', 'airlock_entities_total', 'airlock_requests_total']) {
      expect(family(ours, name).length).toBeGreaterThan(2);
      expect(family(ours, name)).toEqual(family(theirs, name));
    }
    // counts keep adding up across scrapes
    metrics.requestsOf('/v1/chat/completions', '200').inc();
    requests.labels('/v1/chat/completions', '200').inc();
    expect(family(await metrics.registry.metrics(), 'airlock_requests_total')).toEqual(family(await reference.metrics(), 'airlock_requests_total'));
    expect(JSON.stringify((await metrics.registry.getMetricsAsJSON()).find((m) => m.name === 'airlock_stage_seconds'))).toEqual(
      JSON.stringify((await reference.getMetricsAsJSON()).find((m) => m.name === 'airlock_stage_seconds')),
    );
  });

  it('refuses a value that is not a finite number, as prom-client does', () => {
    expect(() => createMetrics().stageOf('analyze').observe(Number.NaN)).toThrow(TypeError);
  });
});

import { Counter, Registry, collectDefaultMetrics } from 'prom-client';

/**
 * Every request counts itself on a dozen metric children (stages, verdict, entities, route).
 * prom-client validates and hashes the label object of every `inc` and `observe`, even on a
 * child made by `labels()`, which costs more than the counting; so the children here are plain
 * counters, made once per label set (label values come from small fixed sets: stages,
 * verdicts, entity ids, endpoints, routes and statuses), and prom-client is told the counts
 * when it is scraped.
 */

interface CounterChild {
  inc(n?: number): void;
}

interface HistogramChild {
  observe(seconds: number): void;
}

/** A prom-client counter whose children count locally; the counts reach prom-client in its `collect`, at scrape time. */
function localCounter(registry: Registry, name: string, help: string, labelNames: readonly string[]) {
  const pending: Array<{ labels: Record<string, string>; n: number; reported: boolean }> = [];
  const counter = new Counter({
    name,
    help,
    labelNames,
    registers: [registry],
    collect() {
      for (const child of pending) {
        if (child.n === 0 && child.reported) continue;
        this.inc(child.labels, child.n);
        child.n = 0;
        child.reported = true;
      }
    },
  });
  const of = children((...values: string[]): CounterChild => {
    const child = { labels: Object.fromEntries(labelNames.map((label, i) => [label, values[i] as string])), n: 0, reported: false };
    pending.push(child);
    return {
      inc(n = 1) {
        child.n += n;
      },
    };
  });
  return { counter, of };
}

interface HistogramData {
  labels: Record<string, string>;
  /** per bucket, not cumulative; one more than the bounds, for +Inf */
  counts: Float64Array;
  sum: number;
  count: number;
}

/**
 * A histogram with one label, exported in prom-client's format (`_bucket` with `le`, `_sum`,
 * `_count`; a test holds it to prom-client's own output). Registered on the registry as a
 * metric of its own.
 */
class LocalHistogram {
  readonly type = 'histogram';
  readonly aggregator = 'sum';
  readonly #data: HistogramData[] = [];
  readonly of: (value: string) => HistogramChild;

  constructor(
    registry: Registry,
    readonly name: string,
    readonly help: string,
    private readonly labelName: string,
    private readonly bounds: readonly number[],
  ) {
    const made = new Map<string, HistogramChild>();
    this.of = (value) => {
      let child = made.get(value);
      if (child === undefined) {
        child = this.#child({ [this.labelName]: value });
        made.set(value, child);
      }
      return child;
    };
    registry.registerMetric(this as unknown as Parameters<Registry['registerMetric']>[0]);
  }

  #child(labels: Record<string, string>): HistogramChild {
    const data: HistogramData = { labels, counts: new Float64Array(this.bounds.length + 1), sum: 0, count: 0 };
    this.#data.push(data);
    const bounds = this.bounds;
    return {
      observe(seconds: number) {
        if (!Number.isFinite(seconds)) throw new TypeError(`Value is not a valid number: ${seconds}`);
        let i = 0;
        while (i < bounds.length && seconds > (bounds[i] as number)) i++;
        data.counts[i] = (data.counts[i] as number) + 1;
        data.sum += seconds;
        data.count++;
      },
    };
  }

  async getForPromString() {
    const values: Array<{ labels: Record<string, string | number>; sharedLabels: Record<string, string>; value: number; metricName: string; exemplar?: null }> = [];
    for (const d of this.#data) {
      let cumulative = 0;
      this.bounds.forEach((bound, i) => {
        cumulative += d.counts[i] as number;
        values.push({ labels: { le: bound }, sharedLabels: d.labels, value: cumulative, metricName: `${this.name}_bucket`, exemplar: null });
      });
      values.push({ labels: { le: '+Inf' }, sharedLabels: d.labels, value: d.count, metricName: `${this.name}_bucket`, exemplar: null });
      values.push({ labels: {}, sharedLabels: d.labels, value: d.sum, metricName: `${this.name}_sum` });
      values.push({ labels: {}, sharedLabels: d.labels, value: d.count, metricName: `${this.name}_count` });
    }
    return { name: this.name, help: this.help, type: this.type, values, aggregator: this.aggregator };
  }

  async get() {
    const data = await this.getForPromString();
    return { ...data, values: data.values.map(({ labels, sharedLabels, ...rest }) => ({ ...rest, labels: { ...labels, ...sharedLabels } })) };
  }

  reset(): void {
    for (const d of this.#data) {
      d.counts.fill(0);
      d.sum = 0;
      d.count = 0;
    }
  }
}

/** Children by label values, made once. */
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

export const LATENCY_BUCKETS: readonly number[] = [0.0002, 0.0005, 0.001, 0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];

/** Prometheus metrics of one gateway: requests, decisions, entities, stage and upstream latency. */
export function createMetrics() {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'airlock_process_' });
  const requests = localCounter(registry, 'airlock_requests_total', 'Requests by route and HTTP status', ['route', 'status']);
  const decisions = localCounter(registry, 'airlock_decisions_total', 'Policy decisions by verdict and reason', ['verdict', 'reason']);
  const entities = localCounter(registry, 'airlock_entities_total', 'Sensitive values found, by entity and action', ['entity', 'action']);
  const stageSeconds = new LocalHistogram(registry, 'airlock_stage_seconds', 'Latency of each pipeline stage', 'stage', LATENCY_BUCKETS);
  const upstreamSeconds = new LocalHistogram(registry, 'airlock_upstream_seconds', 'Upstream latency by endpoint', 'endpoint', LATENCY_BUCKETS);
  const failovers = new Counter({ name: 'airlock_failovers_total', help: 'Failovers to another compliant endpoint', labelNames: ['from', 'to'], registers: [registry] });
  return {
    registry,
    failovers,
    /** `airlock_requests_total` for one route and status */
    requestsOf: (route: string, status: string) => requests.of(route, status),
    decisionsOf: (verdict: string, reason: string) => decisions.of(verdict, reason),
    entitiesOf: (entity: string, action: string) => entities.of(entity, action),
    stageOf: (stage: string) => stageSeconds.of(stage),
    upstreamOf: (endpoint: string) => upstreamSeconds.of(endpoint),
  };
}

export type Metrics = ReturnType<typeof createMetrics>;

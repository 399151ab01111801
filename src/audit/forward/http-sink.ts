import { hostname as osHostname } from 'node:os';
import { AirlockError } from '../../core/errors.js';
import type { StoredRecord } from '../store.js';
import { ForwardError, type ForwardSink } from './sink.js';

export interface HttpSinkOptions {
  /** Splunk: `https://splunk:8088/services/collector/event`; Elastic: `https://es:9200/_bulk` */
  url: string;
  kind: 'splunk-hec' | 'elastic-bulk';
  /** Splunk HEC token (sent as `Splunk <token>`) or Elastic API key (sent as `ApiKey <token>`) */
  token?: string;
  headers?: Record<string, string>;
  /** Splunk index, or Elastic index (default `airlock-audit`) */
  index?: string;
  /** the chain id: Elastic document ids are `<chainId>-<seq>`, so a resent batch is not indexed twice */
  chainId: string;
  /** `host` of Splunk events (default: this machine's name) */
  host?: string;
  /** per request (default 15 s) */
  timeoutMs?: number;
  fetch?: typeof fetch;
}

/**
 * Ships batches as JSON to a Splunk HTTP Event Collector or an Elasticsearch-compatible
 * `_bulk` endpoint (Elasticsearch, OpenSearch, most log pipelines). A batch counts as
 * delivered only on a 2xx — and for Elastic only when every item was created or already
 * existed (409); 429 and 5xx honour Retry-After.
 */
export function httpSink(options: HttpSinkOptions): ForwardSink {
  const url = new URL(options.url);
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new AirlockError('CONFIG_INVALID', 'the HTTP forwarder URL must be http:// or https://');
  }
  const doFetch = options.fetch ?? fetch;
  const timeoutMs = options.timeoutMs ?? 15_000;
  const name = `${options.kind}+${url.origin}${url.pathname}`;
  const host = options.host ?? osHostname();
  const index = options.index;

  const body = (records: readonly StoredRecord[]): string => {
    if (options.kind === 'splunk-hec') {
      return records
        .map((r) =>
          JSON.stringify({
            time: r.record.at / 1000,
            host,
            source: 'airlock',
            sourcetype: 'airlock:audit',
            ...(index !== undefined ? { index } : {}),
            event: { seq: r.seq, hash: r.hash, prevHash: r.prevHash, ...r.record },
          }),
        )
        .join('\n');
    }
    const target = index ?? 'airlock-audit';
    return records
      .map(
        (r) =>
          `${JSON.stringify({ create: { _index: target, _id: `${options.chainId}-${r.seq}` } })}\n` +
          JSON.stringify({ '@timestamp': new Date(r.record.at).toISOString(), seq: r.seq, hash: r.hash, prevHash: r.prevHash, ...r.record }),
      )
      .join('\n')
      .concat('\n');
  };

  const authorization =
    options.token === undefined ? undefined : options.kind === 'splunk-hec' ? `Splunk ${options.token}` : `ApiKey ${options.token}`;

  return {
    name,
    async send(records) {
      let response: Response;
      try {
        response = await doFetch(url, {
          method: 'POST',
          headers: {
            'content-type': options.kind === 'splunk-hec' ? 'application/json' : 'application/x-ndjson',
            ...(authorization !== undefined ? { authorization } : {}),
            ...options.headers,
          },
          body: body(records),
          signal: AbortSignal.timeout(timeoutMs),
        });
      } catch (error) {
        throw new ForwardError(`POST to ${url.origin} failed`, { cause: error });
      }
      const text = await response.text().catch(() => '');
      if (!response.ok) {
        const retryAfterMs = retryAfter(response.headers.get('retry-after'));
        throw new ForwardError(`POST to ${url.origin} answered ${response.status}`, {
          ...(retryAfterMs !== undefined ? { retryAfterMs } : {}),
        });
      }
      if (options.kind === 'elastic-bulk') checkBulkItems(text);
    },
    async close() {},
  };
}

function checkBulkItems(text: string): void {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new ForwardError('bulk response is not JSON');
  }
  const result = parsed as { errors?: boolean; items?: Array<Record<string, { status?: number } | undefined>> };
  if (result.errors !== true) return;
  const failed = (result.items ?? []).filter((item) => {
    const status = Object.values(item)[0]?.status ?? 0;
    return !(status >= 200 && status < 300) && status !== 409;
  });
  if (failed.length > 0) throw new ForwardError(`bulk request: ${failed.length} item(s) rejected`);
}

function retryAfter(header: string | null): number | undefined {
  if (header === null) return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds) && seconds >= 0) return seconds * 1000;
  const at = Date.parse(header);
  return Number.isNaN(at) ? undefined : Math.max(0, at - Date.now());
}

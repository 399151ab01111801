import { readFileSync } from 'node:fs';
import { AirlockError } from '../../core/errors.js';
import type { AuditStore } from '../store.js';
import { AuditForwarder } from './forwarder.js';
import { httpSink } from './http-sink.js';
import type { ForwardSink } from './sink.js';
import { syslogSink } from './syslog-sink.js';

/**
 * Where the gateway ships its audit trail live: `airlock serve --audit-forward URL` (or
 * AIRLOCK_AUDIT_FORWARD_URL). The token comes from AIRLOCK_AUDIT_FORWARD_TOKEN only, so it
 * never shows in a process list.
 */
export interface ForwardConfig {
  /** syslog+udp://, syslog+tcp://, syslog+tls:// or an http(s):// collector */
  url: string;
  /** for http(s): Splunk HEC (default) or Elastic _bulk */
  kind?: 'splunk-hec' | 'elastic-bulk';
  token?: string;
  index?: string;
  /** CA certificate (PEM file) for syslog+tls */
  caFile?: string;
  /** syslog HOSTNAME */
  hostname?: string;
}

export const FORWARD_KINDS = ['splunk-hec', 'elastic-bulk'] as const;

/** The sink for a configuration; throws CONFIG_INVALID naming the option, never a secret. */
export function sinkFor(config: ForwardConfig, chainId: string): ForwardSink {
  if (config.url.startsWith('syslog+')) {
    let ca: Buffer | undefined;
    if (config.caFile !== undefined) {
      try {
        ca = readFileSync(config.caFile);
      } catch (error) {
        throw new AirlockError('CONFIG_INVALID', `cannot read the audit forwarder CA file ${config.caFile}`, { cause: error });
      }
    }
    return syslogSink({
      url: config.url,
      ...(ca !== undefined ? { tls: { ca } } : {}),
      ...(config.hostname !== undefined ? { format: { hostname: config.hostname } } : {}),
    });
  }
  if (!/^https?:\/\//.test(config.url)) {
    throw new AirlockError('CONFIG_INVALID', 'the audit forwarder URL must be syslog+udp://, syslog+tcp://, syslog+tls://, http:// or https://');
  }
  return httpSink({
    url: config.url,
    kind: config.kind ?? 'splunk-hec',
    chainId,
    ...(config.token !== undefined ? { token: config.token } : {}),
    ...(config.index !== undefined ? { index: config.index } : {}),
  });
}

/** Starts a live forwarder for the gateway; `stop()` ends it after the batch in flight. */
export function startForwarder(store: AuditStore, config: ForwardConfig, onError?: (error: unknown, attempt: number) => void): AuditForwarder {
  const forwarder = new AuditForwarder({ store, sink: sinkFor(config, store.chainId), ...(onError ? { onError } : {}) });
  forwarder.start();
  return forwarder;
}

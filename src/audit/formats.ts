import { hostname as osHostname } from 'node:os';
import { canonicalJson } from './canonical-json.js';
import type { AuditRecord } from './record.js';
import type { StoredRecord } from './store.js';

/**
 * Export formats for SIEMs. Each takes a stored record (record + seq + hashes) and returns
 * one line or message without a trailing newline. Records hold metadata only, so nothing
 * here can leak content; the escaping still follows each format to the letter, because a
 * collector that mis-parses one field mis-files the whole event.
 */

export type ExportFormat = 'jsonl' | 'cef' | 'syslog';
export const EXPORT_FORMATS: readonly ExportFormat[] = ['jsonl', 'cef', 'syslog'];

export interface FormatOptions {
  /** syslog HOSTNAME (default: this machine's name) */
  hostname?: string;
  /** syslog facility (default 13, "log audit") */
  facility?: number;
  /** private enterprise number for the structured-data id (default 32473, RFC 5612's example) */
  enterpriseId?: number;
  /** product version in CEF headers (default 0.1.0) */
  productVersion?: string;
}

// --- JSON lines ---

/**
 * `{"hash","prevHash","record","seq"}` in canonical form: dropping `hash` leaves exactly the
 * bytes that were hashed, so anyone can re-verify an export with sha256 alone.
 */
export function toJsonLine(r: StoredRecord): string {
  return canonicalJson({ hash: r.hash, prevHash: r.prevHash, record: r.record, seq: r.seq });
}

// --- CEF (ArcSight Common Event Format) ---

export function cefHeaderEscape(value: string): string {
  return value.replace(/[\\|]/g, (c) => `\\${c}`).replace(/[\r\n]+/g, ' ');
}

export function cefExtensionEscape(value: string): string {
  return value.replace(/[\\=\r\n]/g, (c) => (c === '\r' ? '\\r' : c === '\n' ? '\\n' : `\\${c}`));
}

export function toCef(r: StoredRecord, options: FormatOptions = {}): string {
  const rec = r.record;
  const version = options.productVersion ?? '0.1.0';
  const header = [
    'CEF:0',
    'Airlock',
    'Airlock Gateway',
    version,
    eventId(rec),
    eventName(rec),
    String(cefSeverity(rec)),
  ].map((v, i) => (i === 0 ? v : cefHeaderEscape(v)));
  const ext: Array<[string, string | number | undefined]> = [['rt', rec.at]];
  if (rec.type === 'request') {
    ext.push(
      ['externalId', rec.requestId],
      ['act', rec.phase === 'begin' ? 'begin' : rec.decision],
      ['reason', rec.reasonCode],
      ['request', rec.route],
      ['destinationServiceName', rec.model],
      ['suser', rec.salesforce?.userId],
      ['in', rec.sizes?.requestBytes],
      ['out', rec.sizes?.responseBytes],
      ['cs1Label', rec.clientId !== undefined ? 'clientId' : undefined],
      ['cs1', rec.clientId],
      ['cs2Label', rec.endpoint !== undefined ? 'endpoint' : undefined],
      ['cs2', rec.endpoint?.id],
      ['cs3Label', rec.endpoint?.jurisdiction !== undefined ? 'jurisdiction' : undefined],
      ['cs3', rec.endpoint?.jurisdiction],
      ['cs4Label', rec.policyHash !== undefined ? 'policyHash' : undefined],
      ['cs4', rec.policyHash],
      ['cs5Label', rec.entityCounts !== undefined ? 'entities' : undefined],
      ['cs5', countsText(rec.entityCounts)],
      ['flexString1Label', rec.salesforce?.orgId !== undefined ? 'salesforceOrg' : undefined],
      ['flexString1', rec.salesforce?.orgId],
      ['flexString2Label', rec.salesforce?.object !== undefined ? 'salesforceObject' : undefined],
      ['flexString2', rec.salesforce?.object],
      ['cn2Label', rec.upstreamStatus !== undefined ? 'upstreamStatus' : undefined],
      ['cn2', rec.upstreamStatus],
      ['cn3Label', rec.stageMs !== undefined ? 'latencyMs' : undefined],
      ['cn3', totalMs(rec.stageMs)],
      ['msg', rec.fields !== undefined && rec.fields.length > 0 ? `fields: ${rec.fields.join(', ')}` : undefined],
    );
  } else {
    ext.push(['act', 'prune'], ['msg', `records through seq ${rec.throughSeq} pruned; anchor ${rec.anchorHash}`]);
  }
  ext.push(['cn1Label', 'seq'], ['cn1', r.seq], ['cs6Label', 'hash'], ['cs6', r.hash]);
  const extension = ext
    .filter((e): e is [string, string | number] => e[1] !== undefined)
    .map(([k, v]) => `${k}=${cefExtensionEscape(String(v))}`)
    .join(' ');
  return `${header.join('|')}|${extension}`;
}

// --- syslog (RFC 5424) ---

export function sdParamEscape(value: string): string {
  return value.replace(/[\\"\]]/g, (c) => `\\${c}`);
}

/** Header fields are PRINTUSASCII (33..126) without spaces; empty becomes NILVALUE. */
function headerField(value: string, max: number): string {
  const clean = value.replace(/[^\x21-\x7e]/g, '').slice(0, max);
  return clean === '' ? '-' : clean;
}

export function toSyslog(r: StoredRecord, options: FormatOptions = {}): string {
  const rec = r.record;
  const facility = options.facility ?? 13;
  const pri = facility * 8 + syslogSeverity(rec);
  const host = headerField(options.hostname ?? osHostname(), 255);
  const sdId = `airlock@${options.enterpriseId ?? 32473}`;
  const params: Array<[string, string | number | boolean | undefined]> = [['seq', r.seq], ['hash', r.hash]];
  let msg: string;
  if (rec.type === 'request') {
    params.push(
      ['requestId', rec.requestId],
      ['phase', rec.phase],
      ['decision', rec.decision],
      ['reason', rec.reasonCode],
      ['client', rec.clientId],
      ['environment', rec.environment],
      ['sfOrg', rec.salesforce?.orgId],
      ['sfUser', rec.salesforce?.userId],
      ['sfObject', rec.salesforce?.object],
      ['route', rec.route],
      ['model', rec.model],
      ['endpoint', rec.endpoint?.id],
      ['jurisdiction', rec.endpoint?.jurisdiction],
      ['sovereign', rec.endpoint?.sovereign],
      ['origins', rec.origins?.join(',')],
      ['policyHash', rec.policyHash],
      ['entities', countsText(rec.entityCounts)],
      ['actions', countsText(rec.actionCounts)],
      ['fields', rec.fields?.join(',')],
      ['upstreamStatus', rec.upstreamStatus],
      ['requestBytes', rec.sizes?.requestBytes],
      ['responseBytes', rec.sizes?.responseBytes],
      ['promptTokens', rec.tokens?.prompt],
      ['completionTokens', rec.tokens?.completion],
      ['latencyMs', totalMs(rec.stageMs)],
    );
    const where = rec.endpoint ? ` via ${rec.endpoint.id}${rec.endpoint.jurisdiction ? ` (${rec.endpoint.jurisdiction})` : ''}` : '';
    msg = `request ${rec.requestId} ${rec.phase === 'begin' ? 'begins' : (rec.decision ?? 'ended')}${where}`;
  } else {
    params.push(['throughSeq', rec.throughSeq], ['anchorHash', rec.anchorHash]);
    msg = `audit records through seq ${rec.throughSeq} pruned`;
  }
  const sd = params
    .filter((p): p is [string, string | number | boolean] => p[1] !== undefined && p[1] !== '')
    .map(([k, v]) => ` ${k}="${sdParamEscape(String(v))}"`)
    .join('');
  const timestamp = new Date(rec.at).toISOString();
  return `<${pri}>1 ${timestamp} ${host} airlock - ${headerField(eventId(rec), 32)} [${sdId}${sd}] ${msg}`;
}

/** RFC 6587 / RFC 5425 octet-counting frame: `LEN SP MSG`. */
export function octetCountingFrame(message: string): string {
  return `${Buffer.byteLength(message, 'utf8')} ${message}`;
}

export function formatRecord(r: StoredRecord, format: ExportFormat, options: FormatOptions = {}): string {
  switch (format) {
    case 'jsonl':
      return toJsonLine(r);
    case 'cef':
      return toCef(r, options);
    case 'syslog':
      return toSyslog(r, options);
  }
}

// --- shared ---

function eventId(rec: AuditRecord): string {
  return rec.type === 'request' ? `request-${rec.phase}` : 'prune';
}

function eventName(rec: AuditRecord): string {
  if (rec.type === 'prune') return 'Audit records pruned';
  if (rec.phase === 'begin') return 'AI request forwarded';
  return `AI request ${rec.decision ?? 'ended'}`;
}

function cefSeverity(rec: AuditRecord): number {
  if (rec.type === 'prune') return 5;
  switch (rec.decision) {
    case 'blocked':
      return 6;
    case 'failed':
      return 5;
    case 'transformed':
      return 3;
    default:
      return 1;
  }
}

/** syslog severities: 3 error, 4 warning, 5 notice, 6 informational */
function syslogSeverity(rec: AuditRecord): number {
  if (rec.type === 'prune') return 5;
  switch (rec.decision) {
    case 'blocked':
      return 4;
    case 'failed':
      return 3;
    case 'transformed':
      return 5;
    default:
      return 6;
  }
}

function countsText(counts: Record<string, number> | undefined): string | undefined {
  if (counts === undefined) return undefined;
  return Object.keys(counts)
    .sort()
    .map((k) => `${k}:${counts[k]}`)
    .join(',');
}

function totalMs(stageMs: Record<string, number> | undefined): number | undefined {
  if (stageMs === undefined) return undefined;
  let total = 0;
  for (const v of Object.values(stageMs)) total += v;
  return Math.round(total * 1000) / 1000;
}

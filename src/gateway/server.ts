import type { FastifyInstance } from 'fastify';
import { openAuditStore } from '../audit/index.js';
import { startForwarder, type ForwardConfig } from '../audit/forward/config.js';
import { EvidenceStore } from '../audit/evidence.js';
import { bodyFingerprint, type RequestFacts } from '../audit/record.js';
import { AuditTrail } from '../audit/trail.js';
import { openAirlock, type Airlock } from '../compose.js';
import { cryptoRandom, systemClock, type Clock, type Random } from '../core/clock.js';
import { AirlockError } from '../core/errors.js';
import { loadPolicy, type Policy } from '../policy/policy.js';
import { PolicyStore } from '../policy/store.js';
import type { Endpoint } from '../policy/endpoints.js';
import { createProviders, validateEndpoints, type Providers } from '../providers/index.js';
import { DEFAULT_RESPONSE_RULES } from '../transform/inspect.js';
import { buildApp, type AuthPort, type LimitsPort, type Principal } from './app.js';
import { ApiKeyStore } from './auth/api-keys.js';
import { createClientAuth } from './auth/authenticator.js';
import { authorize } from './auth/scope.js';
import { TokenService } from './auth/tokens.js';
import type { AuditDetails } from './chat.js';
import { checkJsonBody, compileLimits, ConcurrencyLimiter, MemoryRateLimitStore, RateLimiter } from './limits/index.js';
import { createMetrics } from './metrics.js';
import { planSummary } from './plan-summary.js';
import { quickPolicy, type QuickConfig } from './quick-config.js';

export interface GatewayOptions extends QuickConfig {
  dataDir: string;
  /** policy file (endpoints, rules, residency); reloaded when it changes */
  configFile?: string;
  /** per-client limits section (`{ defaults, clients }`) */
  limits?: unknown;
  clock?: Clock;
  random?: Random;
  env?: Readonly<Record<string, string | undefined>>;
  /** `fsync` (default): each group commit reaches the disk before requests proceed */
  auditDurability?: 'fsync' | 'commit';
  /** postgres:// URL of a shared audit chain (default: env, else SQLite in dataDir; see openAuditStore) */
  auditUrl?: string;
  /** ship the audit trail live to a SIEM (syslog or HTTP); stopped with the gateway */
  auditForward?: ForwardConfig;
  /** opt-in: keep sanitized request payloads (encrypted, evidence.db) this many days */
  auditEvidenceDays?: number;
  logger?: boolean;
}

export interface Gateway {
  app: FastifyInstance;
  airlock: Airlock;
  policy(): Policy;
  keys: ApiKeyStore;
  /** how the endpoints were chosen, for the start-up message */
  summary: string;
  warnings: string[];
  close(): Promise<void>;
}

/** The composition root of the gateway: every stage wired once, from configuration. */
export async function createGateway(options: GatewayOptions): Promise<Gateway> {
  const clock = options.clock ?? systemClock;
  const random = options.random ?? cryptoRandom;
  const airlock = await openAirlock({ dataDir: options.dataDir, clock, random, ...(options.env ? { env: options.env } : {}) });
  const warnings: string[] = [];
  let store: PolicyStore | undefined;
  let fixed: Policy | undefined;
  let summary: string;
  if (options.configFile) {
    store = await PolicyStore.open(options.configFile, (e) => warnings.push(e.message));
    store.watch();
    summary = `policy ${store.current.version} from ${options.configFile} (${store.current.endpoints.length} endpoint(s))`;
  } else {
    const quick = quickPolicy(options);
    fixed = loadPolicy(quick.policy);
    summary = quick.summary;
  }
  const policy = (): Policy => (store ? store.current : (fixed as Policy));
  warnings.push(...policy().warnings);

  const providers: Providers = createProviders();
  validateEndpoints(providers, policy().endpoints);

  const keys = new ApiKeyStore({ db: airlock.db, clock, random });
  const tokens = new TokenService({ keyring: airlock.keyring, keys, clock, random });
  const clientAuth = createClientAuth({ keys, tokens });
  const auth: AuthPort = {
    authenticate: (header) => clientAuth.authenticate(header),
    authorize: (principal, request) => authorize(principal as Parameters<typeof authorize>[0], request),
    issueToken: (body, headers) => clientAuth.handleTokenRequest(body, headers),
  };

  const limitsConfig = compileLimits(options.limits ?? {});
  const rateLimiter = new RateLimiter({ store: new MemoryRateLimitStore(), limits: limitsConfig, clock });
  const concurrency = new ConcurrencyLimiter({ limits: limitsConfig });
  const limits: LimitsPort = {
    maxBodyBytes: limitsConfig.forClient('*').maxBodyBytes,
    async admit(principal: Principal, raw: string) {
      const l = limitsConfig.forClient(principal.client);
      checkJsonBody(raw, { maxBytes: l.maxBodyBytes, maxDepth: l.maxJsonDepth });
      const release = concurrency.acquire(principal.client);
      try {
        await rateLimiter.check(principal.client, { bytes: Buffer.byteLength(raw) });
      } catch (error) {
        release();
        throw error;
      }
      return { release };
    },
    chargeTokens(principal, n) {
      void rateLimiter.charge(principal.client, n).catch(() => undefined);
    },
  };

  // The chain is written through the gateway's own connection: a commit by another connection
  // would tell every API key lookup (SQLite's data_version) to drop its cache, and SQLite to drop
  // this connection's page cache, after every group commit.
  const audit = await openAuditStore({ dataDir: options.dataDir, db: airlock.db, clock, ...(options.env ? { env: options.env } : {}), ...(options.auditDurability ? { durability: options.auditDurability } : {}), ...(options.auditUrl ? { url: options.auditUrl } : {}) });
  const trail = new AuditTrail(audit.store);
  // Runs beside the request path: a slow or dead collector costs disk, never request latency.
  const forwarder = options.auditForward ? startForwarder(audit.store, options.auditForward) : undefined;
  const evidence =
    options.auditEvidenceDays !== undefined
      ? new EvidenceStore({ dataDir: options.dataDir, keyring: airlock.keyring, clock, random, retentionMs: options.auditEvidenceDays * 86_400_000 })
      : undefined;
  evidence?.prune();
  const evidencePruner = evidence ? setInterval(() => evidence.prune(), 3_600_000).unref() : undefined;
  const fingerprintKeyId = airlock.keyring.listKeys()[0]?.id ?? 'k1';
  const fingerprintKey = { id: fingerprintKeyId, key: airlock.keyring.subkey('audit-fingerprint', fingerprintKeyId) };

  const modelCache = new Map<string, Promise<string | undefined>>();
  const defaultModelOf = (endpoint: Endpoint): Promise<string | undefined> => {
    let p = modelCache.get(endpoint.id);
    if (!p) {
      p = providers[endpoint.kind].listModels(endpoint, { timeoutMs: 5000 }).then((m) => m[0]);
      p.catch(() => modelCache.delete(endpoint.id));
      modelCache.set(endpoint.id, p);
    }
    return p;
  };

  const metrics = createMetrics();
  const app = buildApp({
    sanitizer: airlock.sanitizer,
    engine: airlock.engine,
    vault: airlock.vault,
    policy,
    providers,
    audit: async (details) => {
      await trail.record(details.mark, factsOf(details, fingerprintKey));
      // only what was sent upstream, after the policy's transforms: never the raw request
      if (evidence && details.mark.phase === 'end' && details.outbound) evidence.put(details.mark.requestId, 'request', JSON.stringify(details.outbound));
    },
    metrics,
    clock,
    random,
    responseRules: DEFAULT_RESPONSE_RULES,
    canaries: () => [],
    upstreamTimeoutMs: limitsConfig.forClient('*').upstreamTimeoutMs,
    jsonLimits: { maxDepth: limitsConfig.forClient('*').maxJsonDepth, maxLength: limitsConfig.forClient('*').maxBodyBytes },
    defaultModelOf,
    auth,
    limits,
    logger: options.logger ?? false,
    ready: async () => {
      const checks: Record<string, boolean> = {};
      try {
        airlock.db.prepare('SELECT 1').get();
        checks.store = true;
      } catch {
        checks.store = false;
      }
      const results = await Promise.all(
        policy().endpoints.map(async (e) => {
          if (e.kind === 'dry-run') return true;
          if (e.kind === 'llama-cpp') return true;
          try {
            await providers[e.kind].listModels(e, { timeoutMs: 2000 });
            return true;
          } catch {
            return false;
          }
        }),
      );
      policy().endpoints.forEach((e, i) => {
        checks[`endpoint:${e.id}`] = results[i] as boolean;
      });
      return { ok: checks.store === true && results.some(Boolean), checks };
    },
  });

  return {
    app,
    airlock,
    policy,
    keys,
    summary,
    warnings,
    async close() {
      store?.close();
      await app.close();
      await providers.close();
      await forwarder?.stop();
      clearInterval(evidencePruner);
      evidence?.close();
      await audit.store.close();
      airlock.close();
    },
  };
}

/** The request body's fingerprint, hashed once per request: its "begin" and "end" records both carry it. */
const requestFingerprints = new WeakMap<object, string>();
function requestFingerprintOf(analysis: NonNullable<AuditDetails['analysis']>, key: Buffer): string {
  let fingerprint = requestFingerprints.get(analysis);
  if (fingerprint === undefined) {
    fingerprint = bodyFingerprint(key, analysis.source);
    requestFingerprints.set(analysis, fingerprint);
  }
  return fingerprint;
}

const SALESFORCE_ID = /^[A-Za-z0-9]{15}(?:[A-Za-z0-9]{3})?$/;
const SALESFORCE_OBJECT = /^[A-Za-z][A-Za-z0-9_]{0,79}$/;

/** Metadata for the audit record: counts, fields, endpoint, sizes — never content. */
function factsOf(d: AuditDetails, fingerprint: { id: string; key: Buffer }): RequestFacts {
  const facts: RequestFacts = { clientId: d.context.clientId, environment: d.context.environment, route: d.context.route };
  const sf = d.context.salesforce;
  if (sf.orgId !== undefined || sf.userId !== undefined || sf.object !== undefined) {
    const orgId = sf.orgId && SALESFORCE_ID.test(sf.orgId) ? sf.orgId : undefined;
    const userId = sf.userId && SALESFORCE_ID.test(sf.userId) ? sf.userId : undefined;
    const object = sf.object && SALESFORCE_OBJECT.test(sf.object) ? sf.object : undefined;
    if (orgId || userId || object) facts.salesforce = { ...(orgId ? { orgId } : {}), ...(userId ? { userId } : {}), ...(object ? { object } : {}) };
  }
  if (d.model) facts.model = d.model;
  if (d.endpoint) facts.endpoint = { id: d.endpoint.id, jurisdiction: d.endpoint.jurisdiction, sovereign: d.endpoint.sovereign };
  if (d.decision) {
    facts.origins = d.decision.origins;
    facts.policyHash = d.decision.policyHash;
    facts.exceptions = d.decision.exceptions.map((e) => e.id);
    const summary = planSummary(d.decision);
    facts.entityCounts = summary.entityCounts;
    facts.actionCounts = summary.actionCounts;
    facts.fields = summary.fields.length > 200 ? summary.fields.slice(0, 200) : summary.fields;
  } else {
    facts.entityCounts = {};
    facts.actionCounts = {};
    facts.fields = [];
  }
  const up = d.upstream;
  if (up?.status !== undefined) facts.upstreamStatus = up.status;
  if (up?.bytesIn !== undefined) facts.requestBytes = up.bytesIn;
  if (up?.bytesOut !== undefined) facts.responseBytes = up.bytesOut;
  if (up?.promptTokens !== undefined || up?.completionTokens !== undefined) {
    facts.tokens = { ...(up.promptTokens !== undefined ? { prompt: up.promptTokens } : {}), ...(up.completionTokens !== undefined ? { completion: up.completionTokens } : {}) };
  }
  if (d.analysis) facts.fingerprints = { keyId: fingerprint.id, request: requestFingerprintOf(d.analysis, fingerprint.key) };
  return facts;
}

export function assertListenHost(host: string): void {
  if (!/^[A-Za-z0-9.:[\]-]+$/.test(host)) throw new AirlockError('CONFIG_INVALID', `invalid --host ${host}`);
}

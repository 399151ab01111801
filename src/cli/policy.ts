import { Command } from 'commander';
import { openAirlock } from '../compose.js';
import { AirlockError } from '../core/errors.js';
import { decide, type PolicyDecision } from '../policy/decide.js';
import { loadPolicyFile } from '../policy/store.js';
import type { CliIo } from './io.js';
import { readAll } from './stdin.js';

/** `airlock policy check | explain`. */
export function policyCommand(io: CliIo): Command {
  const policy = new Command('policy').description('validate and try out policies');
  policy
    .command('check')
    .description('validate a policy file and print a summary, or the errors with their paths')
    .argument('<file>', 'policy file (YAML)')
    .action(async (file: string) => {
      const p = await loadPolicyFile(file);
      const lines = [
        `policy ${p.version} is valid (sha256 ${p.hash.slice(0, 16)}…)`,
        `endpoints (${p.endpoints.length}):`,
        ...p.endpoints.map(
          (e) =>
            `  ${e.id}  ${e.kind}  ${e.jurisdiction}${e.region ? `/${e.region}` : ''}  ${e.sovereign ? 'sovereign' : 'not sovereign'}  retention ${e.retention}${e.retention === 'none' ? '' : 'd'}  ${e.trainsOnData ? 'TRAINS ON DATA' : 'no training'}  envs ${e.environments.join(',')}${e.models.length ? `  models ${e.models.join(',')}` : ''}`,
        ),
        `rules (${p.rules.length}):`,
        ...p.rules.map((r) => `  ${r.id}  ${r.kind === 'action' ? r.action?.operator : r.kind === 'route' ? `route to ${r.routeTo}` : 'block'}  (specificity ${r.specificity})`),
        `origins: unknown → ${p.config.origins.unknown}; clients ${Object.entries(p.config.origins.clients).map(([c, o]) => `${c}=${o}`).join(', ') || 'none'}; header ${p.config.origins.trustHeader ? 'trusted' : 'ignored'}; record country fields ${p.config.origins.fromRecords ? 'read' : 'ignored'}`,
        `residency: ${p.config.residency.rules.length} rule(s), ${p.config.residency.exceptions.length} exception(s); pseudonymized data counts as ${p.config.residency.pseudonymizedIsPersonal ? 'personal' : 'non-personal'}`,
        ...p.warnings.map((w) => `warning: ${w}`),
      ];
      io.out(`${lines.join('\n')}\n`);
    });
  policy
    .command('explain')
    .description('dry run: findings, actions, what would be sent and where (or why it is blocked), calling no model')
    .requiredOption('--policy <file>', 'policy file (YAML)')
    .option('--client <id>', 'client id')
    .option('--env <env>', 'client environment: prod, sandbox or dev', 'prod')
    .option('--origin <jurisdiction>', 'data origin, as the x-airlock-origin header would give it')
    .option('--model <name>', 'requested model or alias', 'default')
    .option('--route <route>', 'route, e.g. /v1/chat/completions')
    .option('--metadata <dir>', 'SFDX project whose field classifications to use')
    .option('--json', 'print the decision as JSON')
    .action(async (options: { policy: string; client?: string; env: string; origin?: string; model: string; route?: string; metadata?: string; json?: boolean }) => {
      if (!['prod', 'sandbox', 'dev'].includes(options.env)) throw new AirlockError('INPUT_INVALID', '--env must be prod, sandbox or dev');
      const policy = await loadPolicyFile(options.policy);
      const input = await readAll(io.stdin, 8 * 1024 * 1024);
      const airlock = await openAirlock({ dataDir: '.', ephemeral: true, ...(options.metadata ? { metadataDir: options.metadata } : {}) });
      try {
        const analysis = airlock.sanitizer.analyze(input);
        const decision = decide(analysis, policy, {
          now: Date.now(),
          environment: options.env as 'prod',
          model: options.model,
          ...(options.client ? { clientId: options.client } : {}),
          ...(options.origin ? { originHeader: options.origin } : {}),
          ...(options.route ? { route: options.route } : {}),
        });
        const sent = decision.endpoint ? (await airlock.sanitizer.execute(analysis, decision.plans, 'explain')).output : undefined;
        io.out(options.json ? `${JSON.stringify(explainJson(decision, sent), null, 2)}\n` : renderExplain(decision, sent));
      } finally {
        airlock.close();
      }
    });
  return policy;
}

function explainJson(d: PolicyDecision, sent: string | undefined) {
  return {
    verdict: d.verdict,
    reasonCode: d.reasonCode,
    rule: d.rule,
    policy: { version: d.policyVersion, hash: d.policyHash },
    origins: d.origins,
    originSource: d.originSource,
    endpoint: d.endpoint ? { id: d.endpoint.id, jurisdiction: d.endpoint.jurisdiction, sovereign: d.endpoint.sovereign } : undefined,
    failover: d.failover.map((e) => e.id),
    exceptions: d.exceptions,
    considered: d.considered,
    fields: d.plans.map((p) => ({
      path: p.item.path,
      level: p.classification.level,
      groups: p.classification.groups,
      ...(p.field ? { fieldAction: { entity: p.field.entity, action: p.field.action.operator, rule: p.field.rule } } : {}),
      spans: p.spans.map((s) => ({ entity: s.entity, start: s.start, end: s.end, action: s.action.operator, rule: s.rule })),
    })),
    sent,
  };
}

function renderExplain(d: PolicyDecision, sent: string | undefined): string {
  const out: string[] = [];
  out.push(`verdict: ${d.verdict.toUpperCase()} (${d.reasonCode}${d.rule ? `: rule ${d.rule.id}${d.rule.reason ? ` — ${d.rule.reason}` : ''}` : ''})`);
  out.push(`policy: ${d.policyVersion} (${d.policyHash.slice(0, 12)})`);
  out.push(`data origin: ${d.origins.join(', ')} (from ${d.originSource.join(' + ')})`);
  if (d.plans.length > 0) {
    out.push('findings and actions:');
    for (const p of d.plans) {
      if (p.field) out.push(`  ${p.item.path} [${p.classification.level}] whole field ${p.field.entity} → ${p.field.action.operator} (${p.field.rule})`);
      for (const s of p.spans) out.push(`  ${p.item.path} @${s.start}-${s.end} ${s.entity} (${s.score.toFixed(2)}) → ${s.action.operator} (${s.rule})`);
    }
  }
  out.push('endpoints considered:');
  for (const c of d.considered) {
    out.push(`  ${c.endpointId}: ${c.compliant ? 'compliant' : `rejected — ${c.reasons.join('; ')}`}${c.exceptions.length ? ` (exception ${c.exceptions.map((e) => `${e.id}: ${e.reason}`).join('; ')})` : ''}`);
  }
  if (d.endpoint) {
    out.push(`route: ${d.endpoint.id} (${d.endpoint.jurisdiction}, ${d.endpoint.sovereign ? 'sovereign' : 'not sovereign'})${d.failover.length ? `; failover ${d.failover.map((e) => e.id).join(', ')}` : '; no failover'}`);
    out.push('would send:');
    out.push(sent ?? '');
  } else {
    out.push('nothing would be sent.');
  }
  return `${out.join('\n')}\n`;
}

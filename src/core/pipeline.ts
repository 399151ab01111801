import type { Clock } from './clock.js';
import { systemClock } from './clock.js';
import { AirlockError, asAirlockError, type ErrorCode } from './errors.js';

/** What the pipeline needs to know of a decision; the policy stage returns more. */
export interface PipelineDecision {
  verdict: 'allow' | 'transform' | 'block';
  reasonCode: string;
  endpointId?: string;
}

export type Outcome = 'allowed' | 'transformed' | 'blocked' | 'failed';

export interface AuditMark {
  phase: 'begin' | 'end';
  requestId: string;
  at: number;
  outcome?: Outcome;
  reasonCode?: string;
  stageMs: Readonly<Record<string, number>>;
}

/**
 * The stages of one request, for one wire format. `analyze` is parse + detect + classify,
 * `decide` the policy and route, `transform` what will leave, `send` the upstream call
 * (with failover among the endpoints the decision allows), `inspect` the answer.
 */
export interface PipelineStages<In, An, De extends PipelineDecision, Out, Res> {
  analyze(input: In): Promise<An> | An;
  decide(input: In, analysis: An): Promise<De> | De;
  transform(input: In, analysis: An, decision: De): Promise<Out> | Out;
  send(outbound: Out, decision: De): Promise<Res>;
  inspect(response: Res, analysis: An, decision: De): Promise<Res> | Res;
  /** must be durable when it resolves: "begin" is written before anything is sent */
  audit(mark: AuditMark, analysis: An | undefined, decision: De | undefined): Promise<void> | void;
}

export interface PipelineResult<An, De, Res> {
  response: Res;
  analysis: An;
  decision: De;
  stageMs: Record<string, number>;
  /**
   * Writes the "end" record. Called by the pipeline itself unless `deferEnd` was set (a
   * streamed answer ends later); a failure to record it is a failure of the request.
   */
  finish(outcome?: Outcome, reasonCode?: string): Promise<void>;
}

/**
 * The one path by which data reaches a model. Every stage error becomes a deny with a
 * coded AirlockError: nothing is sent unless analyze, decide, transform and the audit
 * "begin" record all succeeded, and nothing is returned unless inspection did.
 */
export class Pipeline {
  constructor(private readonly clock: Clock = systemClock) {}

  async run<In, An, De extends PipelineDecision, Out, Res>(
    requestId: string,
    input: In,
    stages: PipelineStages<In, An, De, Out, Res>,
    options: { deferEnd?: boolean } = {},
  ): Promise<PipelineResult<An, De, Res>> {
    const stageMs: Record<string, number> = {};
    let analysis: An | undefined;
    let decision: De | undefined;

    const timed = async <T>(name: string, code: ErrorCode, fn: () => Promise<T> | T): Promise<T> => {
      const started = this.clock.now();
      try {
        return await fn();
      } catch (error) {
        throw asAirlockError(error, code, `pipeline stage "${name}" failed`);
      } finally {
        stageMs[name] = (stageMs[name] ?? 0) + (this.clock.now() - started);
      }
    };
    const audit = (phase: 'begin' | 'end', outcome?: Outcome, reasonCode?: string): Promise<void> =>
      timed(`audit.${phase}`, 'AUDIT_FAILED', () =>
        stages.audit(
          {
            phase,
            requestId,
            at: this.clock.now(),
            ...(outcome ? { outcome } : {}),
            ...(reasonCode ? { reasonCode } : {}),
            stageMs,
          },
          analysis,
          decision,
        ),
      );

    try {
      analysis = await timed('analyze', 'DETECTION_FAILED', () => stages.analyze(input));
      const analyzed = analysis;
      decision = await timed('decide', 'POLICY_INVALID', () => stages.decide(input, analyzed));
      const decided = decision;
      if (decided.verdict === 'block') {
        const code: ErrorCode = decided.reasonCode === 'RESIDENCY_NO_COMPLIANT_ENDPOINT' ? 'RESIDENCY_NO_COMPLIANT_ENDPOINT' : 'POLICY_BLOCKED';
        throw new AirlockError(code, `request denied by policy (${decided.reasonCode})`);
      }
      if (!decided.endpointId) throw new AirlockError('RESIDENCY_NO_COMPLIANT_ENDPOINT', 'no endpoint satisfies the decision');
      const outbound = await timed('transform', 'TRANSFORM_FAILED', () => stages.transform(input, analyzed, decided));
      await audit('begin');
      const raw = await timed('upstream', 'UPSTREAM_UNAVAILABLE', () => stages.send(outbound, decided));
      const response = await timed('inspect', 'INSPECTION_FAILED', () => stages.inspect(raw, analyzed, decided));
      const success: Outcome = decided.verdict === 'allow' ? 'allowed' : 'transformed';
      let finished = false;
      const finish = async (outcome: Outcome = success, reasonCode: string = decided.reasonCode) => {
        if (finished) return;
        finished = true;
        await audit('end', outcome, reasonCode);
      };
      if (!options.deferEnd) await finish();
      return { response, analysis: analyzed, decision: decided, stageMs, finish };
    } catch (error) {
      const denied = asAirlockError(error, 'INTERNAL', 'pipeline failed');
      const outcome: Outcome =
        denied.code === 'POLICY_BLOCKED' || denied.code === 'RESIDENCY_NO_COMPLIANT_ENDPOINT' ? 'blocked' : 'failed';
      // the outcome of a denied request is recorded too; if even that fails, the deny stands
      await audit('end', outcome, denied.code).catch(() => undefined);
      throw denied;
    }
  }
}

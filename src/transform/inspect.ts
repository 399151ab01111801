import { classifyEntity } from '../classify/entity-classes.js';
import { levelRank } from '../classify/levels.js';
import { AirlockError } from '../core/errors.js';
import type { Finding } from '../core/types.js';
import type { DetectionEngine } from '../detect/engine.js';
import { Restorer, StreamRestorer } from './restore.js';

/**
 * What to do with what a model says:
 * - secrets (keys, tokens, private keys) are removed, or end the answer;
 * - canary values (planted tokens that must never come back) end the answer;
 * - sensitive values that were never in the request (memorised or made up) are redacted
 *   when Restricted or above, or as configured.
 */
export interface ResponseRules {
  secrets: 'redact' | 'block';
  unknownRestricted: 'redact' | 'block' | 'allow';
  unknownOther: 'redact' | 'block' | 'allow';
}

export const DEFAULT_RESPONSE_RULES: ResponseRules = { secrets: 'redact', unknownRestricted: 'redact', unknownOther: 'allow' };

export interface InspectorOptions {
  engine: DetectionEngine;
  rules: ResponseRules;
  /** fingerprints of values that were in the caller's request: the caller's own data */
  known: Pick<ReadonlySet<string>, 'has'>;
  /** pseudonyms of the caller's session, restored before inspection */
  restorer: Restorer;
  /** values that must never appear in an answer */
  canaries?: readonly string[];
}

export interface InspectionReport {
  redacted: Record<string, number>;
  restored: boolean;
}

/** Longest text held back from a stream so a multi-word value (an IBAN with spaces, a full name) is seen whole. */
export const STREAM_WINDOW = 64;
/** A single "word" longer than this in a stream is refused rather than held forever. */
export const STREAM_MAX_HOLD = 32 * 1024;
const CONTEXT_KEEP = 64;

export class OutputInspector {
  readonly report: InspectionReport = { redacted: {}, restored: false };

  constructor(private readonly options: InspectorOptions) {}

  /** A whole answer: restore pseudonyms, then inspect. Throws INSPECTION_FAILED to deny. */
  inspectText(text: string): string {
    const restored = this.options.restorer.restore(text);
    if (restored !== text) this.report.restored = true;
    return this.apply(restored, 0, restored.length);
  }

  /** A streamed answer, chunk by chunk, with a hold-back window; nothing unchecked is returned. */
  stream(): { push(chunk: string): string; end(): string } {
    const restore = new StreamRestorer(this.options.restorer);
    let before = '';
    let pending = '';
    const step = (final: boolean): string => {
      const text = before + pending;
      let cut = final ? text.length : safeCut(text, before.length);
      if (!final && cut === before.length) {
        // nothing can leave yet: no scan now (a long held run would be scanned again and again)
        if (pending.length > STREAM_MAX_HOLD) throw new AirlockError('INSPECTION_FAILED', 'an unbroken run of text too long to inspect');
        return '';
      }
      const findings = this.findings(text);
      for (const f of findings) {
        if (f.end <= before.length) continue;
        if (f.start < before.length) {
          // a value that began in text already sent and goes on here (longer than the window,
          // or recognised only now): what is left of it is handled now, never passed on
          if (this.actionFor(f) !== 'allow') cut = Math.max(cut, f.end);
        } else if (f.start < cut && f.end > cut) {
          cut = f.start;
        }
      }
      const out = cut > before.length ? this.applyFindings(text, findings, before.length, cut) : '';
      const consumed = Math.max(cut, before.length);
      before = text.slice(Math.max(0, consumed - CONTEXT_KEEP), consumed);
      pending = text.slice(consumed);
      return out;
    };
    return {
      push: (chunk) => {
        const restored = restore.push(chunk);
        if (restored.length > 0) this.report.restored ||= restored !== chunk;
        pending += restored;
        return step(false);
      },
      end: () => {
        pending += restore.end();
        return step(true);
      },
    };
  }

  private findings(text: string): Finding[] {
    const { canaries } = this.options;
    if (canaries) {
      for (const canary of canaries) {
        if (canary.length > 0 && text.includes(canary)) throw new AirlockError('INSPECTION_FAILED', 'a canary value appeared in the answer');
      }
    }
    return this.options.engine.detect(text);
  }

  private apply(text: string, from: number, to: number): string {
    return this.applyFindings(text, this.findings(text), from, to);
  }

  /**
   * Rewrites text[from, to) with the response rules. Findings outside the range are left; one
   * that began before `from` (in text already sent) has what is left of it rewritten.
   */
  private applyFindings(text: string, findings: readonly Finding[], from: number, to: number): string {
    let out = '';
    let at = from;
    for (const f of findings) {
      if (f.end <= from || f.end > to) continue;
      const action = this.actionFor(f);
      if (action === 'allow') continue;
      if (action === 'block') throw new AirlockError('INSPECTION_FAILED', `the answer carried a ${f.entity} the policy does not let through`);
      out += `${text.slice(at, Math.max(at, f.start))}[${f.entity}]`;
      at = f.end;
      this.report.redacted[f.entity] = (this.report.redacted[f.entity] ?? 0) + 1;
    }
    return out + text.slice(at, to);
  }

  private actionFor(f: Finding): 'allow' | 'redact' | 'block' {
    const cls = classifyEntity(f.entity);
    const { rules, known } = this.options;
    if (cls.secret) return rules.secrets;
    if (known.has(f.fingerprint)) return 'allow';
    return levelRank(cls.level) >= levelRank('Restricted') ? rules.unknownRestricted : rules.unknownOther;
  }
}

/**
 * Where a stream may be cut: at least STREAM_WINDOW characters before the end, at a
 * whitespace boundary (a secret is one unbroken word), and never after the opening of a
 * PEM block that has not closed yet.
 */
function safeCut(text: string, floor: number): number {
  let cut = text.length - STREAM_WINDOW;
  while (cut > floor && !/\s/.test(text[cut - 1] as string)) cut--;
  const begin = text.lastIndexOf('-----BEGIN');
  if (begin !== -1 && !/-----END [A-Z0-9 ]*-----/.test(text.slice(begin))) cut = Math.min(cut, begin);
  return Math.max(cut, floor);
}

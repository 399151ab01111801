import { AirlockError } from '../../core/errors.js';

const UNIT_MS = { s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000 } as const;
/** Ten years: longer is almost certainly a typo, and keys should be rotated well before. */
export const MAX_DURATION_MS = 3650 * UNIT_MS.d;

/** Parses `90s`, `15m`, `12h`, `30d`, `2w` into milliseconds. */
export function parseDuration(text: string): number {
  const m = /^(\d{1,9})([smhdw])$/.exec(text.trim());
  const unit = m?.[2] as keyof typeof UNIT_MS | undefined;
  if (m === null || unit === undefined) {
    throw new AirlockError('INPUT_INVALID', 'durations look like 15m, 12h or 30d (units s, m, h, d, w)');
  }
  const ms = Number(m[1]) * UNIT_MS[unit];
  if (ms <= 0 || ms > MAX_DURATION_MS) throw new AirlockError('INPUT_INVALID', 'duration must be more than 0 and at most 3650d');
  return ms;
}

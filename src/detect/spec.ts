import type { EntityId } from '../core/types.js';
import type { StartsAt } from './anchors.js';

/**
 * A checksum or structural check on a matched value:
 * - `confirm`: the value is certainly this entity (score goes to 1),
 * - `reject`: the value is not this entity (the match is dropped),
 * - `undefined`: no opinion (the pattern's score stands).
 */
export type Validation = 'confirm' | 'reject' | undefined;

export interface PatternSpec {
  /** short name, unique within the detector (e.g. `dashed`, `bare`) */
  name: string;
  /** RE2 syntax: no backreferences, no lookaround. */
  regex: string;
  /** base confidence 0..1 before validation and context */
  score: number;
  /** `i` for case-insensitive matching */
  flags?: 'i';
  /** capture group whose span is the finding (default 0, the whole match) */
  group?: number;
  /**
   * Anchor: the pattern runs only at the starts of words (runs of letters, digits and marks)
   * for which this returns true, matched there and nowhere else, instead of scanning the
   * text. See `anchors.ts`. Matches of one pattern never overlap: a word inside the previous
   * match is skipped.
   */
  startsAt?: StartsAt;
  /**
   * A cheaper pattern that every match contains: when it occurs nowhere in the text, this
   * pattern is not run (a city-then-postcode pattern needs a postcode somewhere).
   */
  requires?: string;
}

/**
 * A true-positive sample: the detector must find `value` inside `text` (both given, or
 * the whole string is both text and value).
 */
export type TruePositive = string | { text: string; value: string };

export interface DetectorSpec {
  /** unique detector id, kebab-case (e.g. `email`, `aws-access-key-id`) */
  id: string;
  entity: EntityId;
  description: string;
  patterns: PatternSpec[];
  /**
   * Prefilter: the detector runs only when at least one keyword occurs in the text
   * (case-insensitive substring). Keywords may be single characters such as `@`.
   */
  keywords?: string[];
  /**
   * `as-written`: a keyword counts only as a whole word spelled exactly as listed ("AG",
   * "S.A.", not the "ag" in "manager"). `whole-word`: in any case, but with no ASCII letter,
   * digit or underscore touching it — as a regex `\b` sees it ("St" in "12 Main St", not in
   * "first"); for patterns whose keyword stands between word boundaries. Default `substring`.
   */
  keywordMatch?: 'substring' | 'as-written' | 'whole-word';
  /** Prefilter: the detector runs only when the text holds at least this many ASCII digits. */
  minDigits?: number;
  /** Words that raise the score when they occur near the match (case-insensitive). */
  context?: string[];
  /** Drop matches that have no context word nearby. */
  contextRequired?: boolean;
  /** How much a context word adds to the score (default 0.35, capped at 1). */
  contextBoost?: number;
  /** Minimum Shannon entropy (bits per character) of the value. */
  minEntropy?: number;
  /** Reject values that look like documentation placeholders (`sk-XXXX`, `YOUR_API_KEY`). */
  rejectPlaceholders?: boolean;
  /**
   * Which characters may not touch the match: `alnum` (default) rejects a match glued to a
   * letter or digit, `digit` only to a digit, `none` checks nothing.
   */
  boundary?: 'alnum' | 'digit' | 'none';
  /**
   * Checksum or structure check. `nearContext` tells whether a context word is nearby, so
   * an expensive or weak check can be kept for values that have context.
   */
  validate?: (value: string, facts: { nearContext: boolean }) => Validation;
  samples: { tp: TruePositive[]; fp: string[] };
}

export const DEFAULT_CONTEXT_BOOST = 0.35;

/**
 * What every outcome measure provides: its scoring result, its change threshold and the
 * definition the registry in `instruments.ts` holds. Pure types and helpers, no framework imports.
 */
import type { Answers, InstrumentCode } from './instrument-answers';

/** Whether a lower score or a higher one means the patient is better. */
export type BetterDirection = 'lower' | 'higher';

/** The smallest change that counts, in points and/or as a share of the baseline. */
export interface ChangeThreshold {
  kind: 'mcid' | 'mdc90';
  points: number;
  /** Fraction of the baseline score, e.g. 0.3 for 30 %; either this or `points` suffices. */
  fractionOfBaseline?: number;
  source: string;
}

export interface InstrumentResult {
  instrument: InstrumentCode;
  /** Version of these scoring rules, stored with every result. */
  version: string;
  /** The items as answered, normalised (booleans as given, numbers as integers). */
  answers: Answers;
  score: number;
  unit: 'percent' | 'points' | 'mean';
  /** Band or risk group, where the instrument defines one. */
  band: string | null;
  /** Instrument-specific figures (raw sums, subscales, missing items). */
  details: Record<string, number | string[] | null>;
}

export interface InstrumentDefinition {
  code: InstrumentCode;
  version: string;
  betterDirection: BetterDirection;
  /** The usual threshold, as the instrument's documentation states it. */
  threshold: ChangeThreshold | null;
  /**
   * The threshold for one comparison, where it depends on how the two were answered (a single
   * PSFS activity has a larger MDC than the mean of several); the usual one otherwise.
   */
  thresholdFor?: (baseline: InstrumentResult, latest: InstrumentResult) => ChangeThreshold | null;
  /**
   * The unrounded score whose change is compared against the threshold (ODI percent, NDI raw
   * points...): the displayed score is rounded, and a change computed from rounded scores can miss
   * a threshold it reaches (ODI 10/45 -> 7/45 is exactly 30 %, but 22.2 -> 15.6 is 29.7 %).
   */
  changeScore: (result: InstrumentResult) => number;
  score: (answers: Answers) => InstrumentResult;
}

/**
 * The unrounded score kept in `details.exactScore`. Results stored before it was kept are read
 * through `fallback` (worked out again from what they did keep), and otherwise by their score.
 */
export function exactScoreOf(
  result: InstrumentResult,
  fallback: (result: InstrumentResult) => number | null = () => null,
): number {
  const exact = result.details.exactScore;
  return typeof exact === 'number' ? exact : (fallback(result) ?? result.score);
}

/** The mean of a stored result's numeric answers (unanswered items are not stored). */
export function meanOfAnswers(result: InstrumentResult): number | null {
  const values = Object.values(result.answers).filter(
    (value): value is number => typeof value === 'number',
  );
  return values.length === 0 ? null : values.reduce((sum, value) => sum + value, 0) / values.length;
}

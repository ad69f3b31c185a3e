import {
  INSTRUMENTS,
  type ChangeThreshold,
  type InstrumentCode,
  type InstrumentResult,
} from './instruments';

export interface OutcomeChange {
  instrument: InstrumentCode;
  /** The baseline score as displayed (rounded). */
  baseline: number;
  /** The latest score as displayed (rounded). */
  latest: number;
  /** latest - baseline from the unrounded scores, in the instrument's units, to 0.01. */
  change: number;
  /** Change in the direction of getting better (positive means better). */
  improvement: number;
  /** improvement as a percentage of the baseline; null when the baseline is 0. */
  improvementPercent: number | null;
  threshold: ChangeThreshold | null;
  /** Whether the improvement reaches the threshold (points, or share of baseline where defined). */
  reachesThreshold: boolean | null;
}

// Exact scores are ratios (7/45); comparisons allow for the rounding of binary floating point.
const EPSILON = 1e-9;

const roundTo = (value: number, decimals: number) => {
  const factor = 10 ** decimals;
  // `|| 0` turns the -0 of an unchanged lower-is-better score into 0.
  return Math.round(value * factor) / factor || 0;
};

/**
 * The change between two results of one instrument. The scores shown are the rounded ones; the
 * change, its share of the baseline and whether it reaches the MCID or MDC come from the unrounded
 * scores, so rounding never turns a change that reaches the threshold into one that does not.
 */
export function outcomeChange(baseline: InstrumentResult, latest: InstrumentResult): OutcomeChange {
  if (baseline.instrument !== latest.instrument) {
    throw new Error(`cannot compare ${baseline.instrument} with ${latest.instrument}`);
  }
  const definition = INSTRUMENTS[baseline.instrument];
  const from = definition.changeScore(baseline);
  const to = definition.changeScore(latest);
  const exactImprovement = definition.betterDirection === 'lower' ? from - to : to - from;
  const threshold = definition.thresholdFor?.(baseline, latest) ?? definition.threshold;
  let reachesThreshold: boolean | null = null;
  if (threshold) {
    const byPoints = exactImprovement + EPSILON >= threshold.points;
    const byShare =
      threshold.fractionOfBaseline !== undefined &&
      from > 0 &&
      exactImprovement / from + EPSILON >= threshold.fractionOfBaseline;
    reachesThreshold = byPoints || byShare;
  }
  return {
    instrument: baseline.instrument,
    baseline: baseline.score,
    latest: latest.score,
    change: roundTo(to - from, 2),
    improvement: roundTo(exactImprovement, 2),
    improvementPercent: from === 0 ? null : roundTo((exactImprovement / from) * 100, 1),
    threshold,
    reachesThreshold,
  };
}

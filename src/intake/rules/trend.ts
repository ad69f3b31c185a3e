import {
  INSTRUMENTS,
  type ChangeThreshold,
  type InstrumentCode,
  type InstrumentResult,
} from './instruments';

export interface OutcomeChange {
  instrument: InstrumentCode;
  baseline: number;
  latest: number;
  /** latest - baseline, in the instrument's units. */
  change: number;
  /** Change in the direction of getting better (positive means better). */
  improvement: number;
  /** improvement as a percentage of the baseline; null when the baseline is 0. */
  improvementPercent: number | null;
  threshold: ChangeThreshold | null;
  /** Whether the improvement reaches the threshold (points, or share of baseline where defined). */
  reachesThreshold: boolean | null;
}

// Scores are rounded to 0.1; comparisons allow for the rounding of binary floating point.
const EPSILON = 1e-9;

export function outcomeChange(baseline: InstrumentResult, latest: InstrumentResult): OutcomeChange {
  if (baseline.instrument !== latest.instrument) {
    throw new Error(`cannot compare ${baseline.instrument} with ${latest.instrument}`);
  }
  const definition = INSTRUMENTS[baseline.instrument];
  const from = definition.changeScore(baseline);
  const to = definition.changeScore(latest);
  const change = Math.round((to - from) * 100) / 100;
  // `|| 0` turns the -0 of an unchanged lower-is-better score into 0.
  const improvement = (definition.betterDirection === 'lower' ? -change : change) || 0;
  const improvementPercent = from === 0 ? null : Math.round((improvement / from) * 1000) / 10;
  const threshold = definition.threshold;
  let reachesThreshold: boolean | null = null;
  if (threshold) {
    const byPoints = improvement + EPSILON >= threshold.points;
    const byShare =
      threshold.fractionOfBaseline !== undefined &&
      from > 0 &&
      improvement / from + EPSILON >= threshold.fractionOfBaseline;
    reachesThreshold = byPoints || byShare;
  }
  return {
    instrument: baseline.instrument,
    baseline: from,
    latest: to,
    change,
    improvement,
    improvementPercent,
    threshold,
    reachesThreshold,
  };
}

/**
 * What a report figure is, independent of how it is computed: the counts it adds up (measures)
 * and the ratios read from them, each with a definition so that two admins read a figure alike.
 * Every measure is a sum over the rows a figure counts, so totals and coarser groupings are sums
 * of finer ones; a count at a period's end is the one exception (`atPeriodEnd`).
 */

/** The period a row covers: a local date, the ISO week from its Monday, or a calendar month. */
export const PERIODS = ['day', 'week', 'month'] as const;
export type Period = (typeof PERIODS)[number];

/** What rows are split by, besides the period. */
export const DIMENSIONS = ['location', 'therapist', 'weekday', 'hour'] as const;
export type Dimension = (typeof DIMENSIONS)[number];

/**
 * Who may read a figure. Operational figures (visits, utilisation, reminders) may be opened to
 * front desk and therapists for their own clinics; clinical outcomes stay with admins.
 */
export type Audience = 'operational' | 'clinical';

export interface Measure {
  key: string;
  description: string;
  /**
   * A count of what stands at the end of each period (plans active), not of what happened in it:
   * the totals take the last period's counts (summed over the groups) instead of adding periods
   * up. A figure with one keeps to the dimensions whose rows are one period each (location,
   * therapist), never weekday or hour.
   */
  atPeriodEnd?: true;
}

export interface RatioDefinition {
  key: string;
  /** The measure divided. */
  numerator: string;
  /** The measure divided by. */
  denominator: string;
  /** `rate`: a share from 0 to 1, to 4 places; `mean`: an average, to 2 places. */
  kind: 'rate' | 'mean';
  description: string;
}

/**
 * Cells of fewer than the minimum count are withheld: `count` is the measure that counts the
 * people behind the cell, `withholds` the measures and ratios hidden with it.
 */
export interface SmallCellRule {
  name: string;
  count: string;
  withholds: { measures: string[]; ratios: string[] };
}

export interface FigureDefinition {
  key: string;
  title: string;
  description: string;
  audience: Audience;
  measures: Measure[];
  ratios: RatioDefinition[];
  /** The dimensions the figure can be split by. */
  dimensions: readonly Dimension[];
  /** Whether the patients' payer can narrow it. */
  byPayer: boolean;
  smallCells: SmallCellRule[];
}

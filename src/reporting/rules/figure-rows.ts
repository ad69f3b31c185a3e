import type { FigureDefinition, RatioDefinition } from './figure-definition';

/** A ratio with what it is made of, so a reader can check it or combine periods. */
export interface Ratio {
  numerator: number | null;
  denominator: number | null;
  /** numerator / denominator; null when the denominator is 0 or the cell is withheld. */
  value: number | null;
}

/** One grouped row as the database adds it up: the keys and each measure's sum. */
export interface SummedRow {
  period: string | null;
  groupId: string | null;
  groupLabel: string | null;
  sums: Record<string, number>;
}

export interface FigureRow {
  period: string | null;
  group: { id: string; label: string } | null;
  measures: Record<string, number | null>;
  ratios: Record<string, Ratio>;
  /** Names of the small-cell rules that withheld part of this row. */
  withheld: string[];
}

const PLACES: Record<RatioDefinition['kind'], number> = { rate: 4, mean: 2 };

export function ratioOf(
  definition: RatioDefinition,
  numerator: number,
  denominator: number,
): Ratio {
  const factor = 10 ** PLACES[definition.kind];
  return {
    numerator,
    denominator,
    value: denominator === 0 ? null : Math.round((numerator / denominator) * factor) / factor,
  };
}

/**
 * The row a reader gets: ratios read from the sums, then every small cell withheld (its measures
 * and ratios null) when fewer than `minimumCell` people are behind it.
 */
export function figureRow(
  figure: FigureDefinition,
  row: SummedRow,
  minimumCell: number,
): FigureRow {
  const measures: Record<string, number | null> = {};
  for (const measure of figure.measures) measures[measure.key] = row.sums[measure.key] ?? 0;
  const ratios: Record<string, Ratio> = {};
  for (const ratio of figure.ratios) {
    ratios[ratio.key] = ratioOf(ratio, measures[ratio.numerator]!, measures[ratio.denominator]!);
  }
  const withheld: string[] = [];
  for (const rule of figure.smallCells) {
    const count = row.sums[rule.count] ?? 0;
    if (count === 0 || count >= minimumCell) continue;
    withheld.push(rule.name);
    for (const key of rule.withholds.measures) measures[key] = null;
    for (const key of rule.withholds.ratios) {
      ratios[key] = { numerator: null, denominator: null, value: null };
    }
  }
  const group =
    row.groupId === null ? null : { id: row.groupId, label: row.groupLabel ?? row.groupId };
  return { period: row.period, group, measures, ratios, withheld };
}

/**
 * The figure over all rows: each measure summed, then read like a row. A count at the period's
 * end is summed over the rows of `lastPeriod` only (the request's last period; null when rows
 * have no period), as it stands at the end of the whole range.
 */
export function totalsOf(
  figure: FigureDefinition,
  rows: readonly SummedRow[],
  minimumCell: number,
  lastPeriod: string | null = null,
): FigureRow {
  const sums: Record<string, number> = {};
  for (const measure of figure.measures) {
    const counted = measure.atPeriodEnd ? rows.filter((row) => row.period === lastPeriod) : rows;
    sums[measure.key] = counted.reduce((total, row) => total + (row.sums[measure.key] ?? 0), 0);
  }
  return figureRow(figure, { period: null, groupId: null, groupLabel: null, sums }, minimumCell);
}

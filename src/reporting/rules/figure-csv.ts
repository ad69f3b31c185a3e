import type { FigureDefinition } from './figure-definition';
import type { FigureRow } from './figure-rows';

/**
 * A figure as CSV records: the header (period, group, each measure, each ratio's value), one
 * record per row, then the totals as period `total`. A withheld cell is empty, as is a ratio
 * with a zero denominator; the measures carry every numerator and denominator.
 */
export function* figureRecords(
  figure: FigureDefinition,
  body: { rows: readonly FigureRow[]; totals: FigureRow },
): Generator<(string | number | null)[]> {
  yield [
    'period',
    'group_id',
    'group',
    ...figure.measures.map((measure) => measure.key),
    ...figure.ratios.map((ratio) => ratio.key),
    'withheld',
  ];
  const record = (row: FigureRow, period: string | null) => [
    period,
    row.group?.id ?? null,
    row.group?.label ?? null,
    ...figure.measures.map((measure) => row.measures[measure.key] ?? null),
    ...figure.ratios.map((ratio) => row.ratios[ratio.key]?.value ?? null),
    row.withheld.join(' '),
  ];
  for (const row of body.rows) yield record(row, row.period);
  yield record(body.totals, 'total');
}

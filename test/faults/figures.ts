/** What a fault run measured, printed as one line the CI log and the issue note can quote. */
export function report(scenario: string, figures: Record<string, unknown>): void {
  process.stdout.write(`\nFAULT FIGURES ${scenario}: ${JSON.stringify(figures)}\n`);
}

/** The q-quantile (0..1) of the values, nearest rank; undefined when there are none. */
export function quantile(values: readonly number[], q: number): number | undefined {
  if (values.length === 0) return undefined;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)];
}

/** Counts of each value. */
export function tally<T extends string | number>(values: readonly T[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const value of values) counts[String(value)] = (counts[String(value)] ?? 0) + 1;
  return counts;
}

/**
 * The one table a run of `npm run bench` appends to bench/RESULTS.md: every figure with its
 * baseline measured in the same run, the ratio, the data size and the machine as it was when the
 * figure was taken (the machine is shared: its load average is part of the figure).
 */
import { appendFileSync, existsSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';

export interface Figure {
  figure: string;
  value: string;
  baseline: string;
  /** value / baseline, oriented so that higher is better for rates and lower for latencies. */
  ratio: string;
  size: string;
  machine: string;
}

/** The cores and the 1-minute load average now. */
export function machineNow(): string {
  return `${cpus().length} cores, load ${loadavg()[0].toFixed(1)}`;
}

export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

/** `p50 / p95 / p99` of latencies in ms. */
export function latencies(values: number[]): string {
  return [50, 95, 99].map((p) => percentile(values, p).toFixed(1)).join(' / ') + ' ms';
}

export function ratio(value: number, baseline: number): string {
  return (value / baseline).toFixed(2);
}

const cell = (text: string) => text.replace(/\|/g, '\\|');

export function appendTable(file: string, heading: string, figures: Figure[], notes: string[]) {
  if (!existsSync(file)) writeFileSync(file, '# Benchmark results\n');
  const header = ['figure', 'value', 'baseline', 'ratio', 'size', 'machine'];
  const rows = figures.map((f) =>
    [f.figure, f.value, f.baseline, f.ratio, f.size, f.machine].map(cell),
  );
  appendFileSync(
    file,
    [
      '',
      `## ${heading}`,
      '',
      `| ${header.join(' | ')} |`,
      `|${header.map(() => ' --- ').join('|')}|`,
      ...rows.map((row) => `| ${row.join(' | ')} |`),
      '',
      ...notes.map((note) => `- ${note}`),
      '',
    ].join('\n'),
  );
}

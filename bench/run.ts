/**
 * `npm run bench`: every figure, each beside a baseline measured in the same run, appended to
 * bench/RESULTS.md as one table.
 *
 *   npm run bench                 full size (1,000,000 appointments, 100,000 reminders)
 *   npm run bench -- --quick      small data, under two minutes
 *   npm run bench -- --only reminders | --only scheduling
 */
import 'reflect-metadata';
import { loadavg } from 'node:os';
import { benchReminders } from './reminders.bench';
import { appendTable, type Figure } from './results-table';
import { benchScheduling } from './scheduling.bench';

process.env.TZ = 'UTC';

async function main() {
  const args = process.argv.slice(2);
  const quick = args.includes('--quick');
  const only = args.includes('--only') ? args[args.indexOf('--only') + 1] : undefined;
  const started = Date.now();
  const figures: Figure[] = [];
  const notes: string[] = [];
  for (const [name, part] of [
    ['scheduling', benchScheduling],
    ['reminders', benchReminders],
  ] as const) {
    if (only && only !== name) continue;
    const result = await part(quick);
    figures.push(...result.figures);
    notes.push(...result.notes);
    for (const figure of result.figures) console.log(Object.values(figure).join(' | '));
  }
  notes.push(
    `whole run ${((Date.now() - started) / 1000).toFixed(0)} s; load average at the end ${loadavg()
      .map((n) => n.toFixed(1))
      .join(', ')} (the machine is shared with other developers' builds and tests)`,
  );
  appendTable(
    'bench/RESULTS.md',
    `${new Date().toISOString()} ${quick ? 'quick' : 'full'} run${only ? ` (${only} only)` : ''} (${process.platform}, ${process.version})`,
    figures,
    notes,
  );
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);

import { dischargeOutcomesSql } from '../../intake/outcome-report.sql';
import { INSTRUMENTS, type InstrumentCode } from '../../intake/rules/instruments';
import type { Measure, RatioDefinition, SmallCellRule } from '../rules/figure-definition';
import type { ReportFigure } from './report-figure';

/** The outcome measures reported, as intake scores them. */
const REPORTED: { code: InstrumentCode; name: string }[] = [
  { code: 'nprs', name: 'NPRS (pain now, 0-10)' },
  { code: 'odi', name: 'Oswestry Disability Index (percent)' },
  { code: 'ndi', name: 'Neck Disability Index (points, 0-50)' },
  { code: 'psfs', name: 'Patient-Specific Functional Scale (mean, 0-10)' },
];

/** The improvement from intake to discharge: positive when the patient got better. */
function improvementSql(code: InstrumentCode): string {
  return INSTRUMENTS[code].betterDirection === 'lower'
    ? 'outcome.baseline - outcome.discharge'
    : 'outcome.discharge - outcome.baseline';
}

/** Whether the improvement reaches the instrument's threshold (points, or a share of baseline). */
function reachedSql(code: InstrumentCode): string {
  const threshold = INSTRUMENTS[code].threshold!;
  const improvement = improvementSql(code);
  const byPoints = `${improvement} >= ${threshold.points}`;
  return threshold.fractionOfBaseline === undefined
    ? byPoints
    : `(${byPoints} OR ${improvement} >= ${threshold.fractionOfBaseline} * outcome.baseline)`;
}

function thresholdWords(code: InstrumentCode): string {
  const threshold = INSTRUMENTS[code].threshold!;
  const name = threshold.kind === 'mcid' ? 'MCID' : 'MDC90 (no MCID is established)';
  const share =
    threshold.fractionOfBaseline === undefined
      ? ''
      : ` or ${threshold.fractionOfBaseline * 100} % of the intake score`;
  return `${name}: ${threshold.points} points${share}; ${threshold.source}`;
}

const measures: Measure[] = REPORTED.flatMap(({ code, name }) => [
  {
    key: `${code}Episodes`,
    description: `Episodes closed in the period with a ${name} score at intake and at discharge`,
  },
  {
    key: `${code}ImprovementSum`,
    description: `Sum over those episodes of the improvement in ${name} from intake to discharge (positive is better)`,
  },
  {
    key: `${code}ReachedMcid`,
    description: `Of those episodes, the ones whose improvement reached the ${thresholdWords(code)}`,
  },
]);

const ratios: RatioDefinition[] = REPORTED.flatMap(({ code, name }) => [
  {
    key: `${code}MeanImprovement`,
    numerator: `${code}ImprovementSum`,
    denominator: `${code}Episodes`,
    kind: 'mean' as const,
    description: `Mean improvement in ${name}, intake to discharge`,
  },
  {
    key: `${code}McidShare`,
    numerator: `${code}ReachedMcid`,
    denominator: `${code}Episodes`,
    kind: 'rate' as const,
    description: `Share of episodes reaching the ${thresholdWords(code)}`,
  },
]);

const smallCells: SmallCellRule[] = REPORTED.map(({ code }) => ({
  name: code,
  count: `${code}Episodes`,
  withholds: {
    measures: [`${code}Episodes`, `${code}ImprovementSum`, `${code}ReachedMcid`],
    ratios: [`${code}MeanImprovement`, `${code}McidShare`],
  },
}));

/** Outcomes: change in the outcome measures over the episodes discharged in the period. */
export const OUTCOMES: ReportFigure = {
  key: 'outcomes',
  title: 'Outcomes at discharge',
  description:
    'Episodes of care closed in the period (on the clinic’s local date of discharge), each ' +
    'instrument compared between the first signed initial evaluation that scored it and the ' +
    'last signed discharge assessment that scored it (amendments applied); the therapist is the ' +
    'one who signed that discharge assessment. A cell of fewer episodes than the minimum ' +
    '(REPORTS_MIN_CELL_EPISODES) is withheld so that no patient can be recognised.',
  audience: 'clinical',
  measures,
  ratios,
  dimensions: ['location', 'therapist'],
  byPayer: true,
  smallCells,
  facts: (at) => `(SELECT outcome.therapist_id, outcome.patient_id,
        ${REPORTED.map(
          ({ code }) => `(outcome.instrument = '${code}')::int AS "${code}Episodes",
        CASE WHEN outcome.instrument = '${code}' THEN ${improvementSql(code)} ELSE 0 END AS "${code}ImprovementSum",
        (outcome.instrument = '${code}' AND ${reachedSql(code)})::int AS "${code}ReachedMcid"`,
        ).join(',\n        ')}
      FROM ${dischargeOutcomesSql(at.location, at.fromDate, at.toDate)} outcome)`,
};

import { planSeries, type PlanSeriesInput, seriesRule } from './plan-booking';

// 2026-12-07 is a Monday.
const base: PlanSeriesInput = {
  from: '2026-12-07',
  planEnd: '2027-01-03',
  certifiedThrough: null,
  weekdays: [1, 4],
  prescribedLeft: 8,
  authorisedLeft: null,
  treatmentDaysSinceReport: null,
};

describe('the series that books a plan', () => {
  it.each([
    ['twice a week for four weeks', {}, 8, '2026-12-31', 'prescribed_visits'],
    ['authorised visits first', { authorisedLeft: 5 }, 5, '2026-12-21', 'authorised_visits'],
    ['the plan ends first', { planEnd: '2026-12-20' }, 4, '2026-12-17', 'plan_end'],
    [
      'the certification ends first',
      { certifiedThrough: '2026-12-14' },
      3,
      '2026-12-14',
      'certification_end',
    ],
    ['starting mid-week', { from: '2026-12-09' }, 7, '2026-12-31', 'plan_end'],
    ['nothing left to book', { prescribedLeft: 0 }, 0, undefined, 'prescribed_visits'],
  ] as const)('%s', (_case, change, count, lastDate, stoppedBy) => {
    const series = planSeries({ ...base, ...change });
    expect(series.dates).toHaveLength(count);
    expect(series.dates.at(-1)).toBe(lastDate);
    expect(series.stoppedBy).toBe(stoppedBy);
  });

  it.each([
    ['not Medicare', null, []],
    ['no treatment day yet: the 10th is the 10th visit', 0, [9]],
    ['one day after the last report', 1, [8]],
    ['nine since the last report: the first visit', 9, [0, 10]],
  ] as const)('progress visits, %s', (_case, since, indexes) => {
    const series = planSeries({
      ...base,
      prescribedLeft: 12,
      planEnd: '2027-02-28',
      treatmentDaysSinceReport: since,
    });
    expect(series.progressVisits).toEqual(indexes);
  });

  it.each([
    [[1, 4], 8, 'FREQ=WEEKLY;BYDAY=MO,TH;COUNT=8'],
    [[5, 3, 1], 9, 'FREQ=WEEKLY;BYDAY=MO,WE,FR;COUNT=9'],
    [[7], 2, 'FREQ=WEEKLY;BYDAY=SU;COUNT=2'],
  ])('rule for weekdays %j, %i visits', (weekdays, count, rule) => {
    expect(seriesRule(weekdays, count)).toBe(rule);
  });
});

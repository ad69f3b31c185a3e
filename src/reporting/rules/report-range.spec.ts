import { dayAfter, MAX_REPORT_DAYS, rangeProblems } from './report-range';

describe('rangeProblems', () => {
  it.each([
    ['one day', '2026-11-02', '2026-11-02', []],
    ['a quarter', '2026-07-01', '2026-09-30', []],
    ['exactly three years of days', '2024-01-01', '2026-12-31', []],
    [
      'backwards',
      '2026-11-08',
      '2026-11-02',
      [{ field: 'to', reason: 'must be on or after from' }],
    ],
    [
      'one day too long',
      '2024-01-01',
      '2027-01-01',
      [
        {
          field: 'to',
          reason: `must be within ${MAX_REPORT_DAYS} days of from (a range of 1097 days was asked)`,
        },
      ],
    ],
  ])('%s', (_, from, to, problems) => {
    expect(rangeProblems(from, to)).toEqual(problems);
  });
});

describe('dayAfter', () => {
  it.each([
    ['2026-11-08', '2026-11-09'],
    ['2026-12-31', '2027-01-01'],
    ['2028-02-28', '2028-02-29'],
    ['2026-03-08', '2026-03-09'],
  ])('after %s comes %s', (date, next) => {
    expect(dayAfter(date)).toBe(next);
  });
});

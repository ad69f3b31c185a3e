import { bucketUnit, localBuckets } from './local-buckets';

describe('bucketUnit', () => {
  it.each([
    [null, null, 'range'],
    [null, 'location', 'range'],
    ['month', 'therapist', 'month'],
    ['week', 'location', 'week'],
    ['day', null, 'day'],
    [null, 'weekday', 'day'],
    ['month', 'weekday', 'day'],
    [null, 'hour', 'day'],
    ['week', 'hour', 'day'],
  ] as const)('period %s, by %s: %s', (period, by, unit) => {
    expect(bucketUnit(period, by)).toBe(unit);
  });
});

describe('localBuckets', () => {
  it('is the whole range without a period or a day split', () => {
    expect(localBuckets('2026-11-02', '2026-11-09', null, 'location')).toEqual([
      { from: '2026-11-02', to: '2026-11-09', period: null, weekday: null },
    ]);
  });

  it('cuts weeks at the range’s ends and labels them by their Monday', () => {
    expect(localBuckets('2026-11-04', '2026-11-18', 'week', null)).toEqual([
      { from: '2026-11-04', to: '2026-11-09', period: '2026-11-02', weekday: null },
      { from: '2026-11-09', to: '2026-11-16', period: '2026-11-09', weekday: null },
      { from: '2026-11-16', to: '2026-11-18', period: '2026-11-16', weekday: null },
    ]);
  });

  it('gives months, and days with their weekday and period', () => {
    expect(
      localBuckets('2026-01-15', '2026-03-01', 'month', null).map((b) => [b.from, b.to, b.period]),
    ).toEqual([
      ['2026-01-15', '2026-02-01', '2026-01'],
      ['2026-02-01', '2026-03-01', '2026-02'],
    ]);
    expect(localBuckets('2026-03-07', '2026-03-10', 'month', 'weekday')).toEqual([
      { from: '2026-03-07', to: '2026-03-08', period: '2026-03', weekday: 6 },
      { from: '2026-03-08', to: '2026-03-09', period: '2026-03', weekday: 7 },
      { from: '2026-03-09', to: '2026-03-10', period: '2026-03', weekday: 1 },
    ]);
  });

  it('covers three years of days with no gap', () => {
    const days = localBuckets('2024-01-01', '2027-01-01', 'day', null);
    expect(days).toHaveLength(1096);
    expect(days.every((bucket, index) => index === 0 || bucket.from === days[index - 1].to)).toBe(
      true,
    );
  });
});

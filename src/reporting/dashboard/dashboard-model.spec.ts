import { dashboardRange, weeklyChart } from './dashboard-model';

describe('dashboardRange', () => {
  it.each([
    ['a Sunday', '2026-11-08', '2026-08-17', '2026-11-02'],
    ['a Monday', '2026-11-09', '2026-08-24', '2026-11-09'],
    ['across a new year', '2027-01-06', '2026-10-19', '2027-01-04'],
  ])('twelve ISO weeks up to %s', (_, today, first, last) => {
    const range = dashboardRange(today);
    expect(range).toMatchObject({ from: first, to: today });
    expect(range.weeks).toHaveLength(12);
    expect([range.weeks[0], range.weeks[11]]).toEqual([first, last]);
  });
});

describe('weeklyChart', () => {
  const row = (period: string, id: string, label: string, arrived: number) => ({
    period,
    group: { id, label },
    measures: { arrived },
    ratios: {},
    withheld: [],
  });

  it('puts each clinic’s value in its week, null where a week has none, clinics by name', () => {
    const chart = weeklyChart(
      { id: 'c', title: 'T', type: 'bar', share: false },
      ['2026-10-26', '2026-11-02'],
      [
        row('2026-11-02', 's', 'Scranton', 2),
        row('2026-10-26', 'p', 'Plano', 1),
        row('2026-10-19', 'p', 'Plano', 9),
      ],
      (r) => r.measures.arrived ?? null,
    );
    expect(chart.datasets).toEqual([
      { label: 'Plano', data: [1, null] },
      { label: 'Scranton', data: [null, 2] },
    ]);
  });
});

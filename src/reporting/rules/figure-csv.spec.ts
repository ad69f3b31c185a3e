import type { FigureDefinition } from './figure-definition';
import { figureRecords } from './figure-csv';

const figure: FigureDefinition = {
  key: 'demo',
  title: 'Demo',
  description: '',
  audience: 'operational',
  measures: [
    { key: 'arrived', description: '' },
    { key: 'scheduled', description: '' },
  ],
  ratios: [
    {
      key: 'arrivalRate',
      numerator: 'arrived',
      denominator: 'scheduled',
      kind: 'rate',
      description: '',
    },
  ],
  dimensions: ['location'],
  byPayer: false,
  smallCells: [],
};

describe('figureRecords', () => {
  it('writes the header, each row, then the totals; empty where a value is withheld or undefined', () => {
    const records = [
      ...figureRecords(figure, {
        rows: [
          {
            period: '2026-11-02',
            group: { id: 'a', label: 'Scranton' },
            measures: { arrived: 3, scheduled: 4 },
            ratios: { arrivalRate: { numerator: 3, denominator: 4, value: 0.75 } },
            withheld: [],
          },
          {
            period: '2026-11-03',
            group: { id: 'b', label: 'Plano' },
            measures: { arrived: null, scheduled: 0 },
            ratios: { arrivalRate: { numerator: 0, denominator: 0, value: null } },
            withheld: ['nprs', 'odi'],
          },
        ],
        totals: {
          period: null,
          group: null,
          measures: { arrived: 3, scheduled: 4 },
          ratios: { arrivalRate: { numerator: 3, denominator: 4, value: 0.75 } },
          withheld: [],
        },
      }),
    ];
    expect(records).toEqual([
      ['period', 'group_id', 'group', 'arrived', 'scheduled', 'arrivalRate', 'withheld'],
      ['2026-11-02', 'a', 'Scranton', 3, 4, 0.75, ''],
      ['2026-11-03', 'b', 'Plano', null, 0, null, 'nprs odi'],
      ['total', null, null, 3, 4, 0.75, ''],
    ]);
  });
});

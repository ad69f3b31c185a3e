import type { FigureDefinition } from './figure-definition';
import { figureRow, ratioOf, totalsOf } from './figure-rows';

const figure: FigureDefinition = {
  key: 'test',
  title: 'Test',
  description: 'A figure for the rules',
  audience: 'clinical',
  measures: [
    { key: 'episodes', description: 'n' },
    { key: 'changeSum', description: 'sum' },
    { key: 'reached', description: 'reached' },
  ],
  ratios: [
    { key: 'mean', numerator: 'changeSum', denominator: 'episodes', kind: 'mean', description: '' },
    { key: 'share', numerator: 'reached', denominator: 'episodes', kind: 'rate', description: '' },
  ],
  dimensions: ['location'],
  byPayer: false,
  smallCells: [
    {
      name: 'n',
      count: 'episodes',
      withholds: { measures: ['episodes', 'changeSum', 'reached'], ratios: ['mean', 'share'] },
    },
  ],
};

const row = (episodes: number, changeSum: number, reached: number) => ({
  period: null,
  groupId: 'a',
  groupLabel: 'A',
  sums: { episodes, changeSum, reached },
});

describe('ratioOf', () => {
  it.each([
    ['rate', 2, 3, 0.6667],
    ['rate', 1, 8, 0.125],
    ['rate', 0, 5, 0],
    ['rate', 3, 0, null],
    ['mean', 8, 3, 2.67],
    ['mean', -5, 2, -2.5],
    ['mean', 0, 0, null],
  ] as const)('%s %d / %d is %s', (kind, numerator, denominator, value) => {
    const definition = { ...figure.ratios[0], kind };
    expect(ratioOf(definition, numerator, denominator)).toEqual({ numerator, denominator, value });
  });
});

describe('figureRow small cells', () => {
  it.each([
    ['under the minimum', 2, true],
    ['at the minimum', 3, false],
    ['over it', 11, false],
    ['empty (nothing to identify)', 0, false],
  ])('a cell %s: withheld %s', (_, episodes, withheld) => {
    const read = figureRow(figure, row(episodes, 4, 1), 3);
    expect(read.withheld).toEqual(withheld ? ['n'] : []);
    if (withheld) {
      expect(read.measures).toEqual({ episodes: null, changeSum: null, reached: null });
      expect(read.ratios.mean).toEqual({ numerator: null, denominator: null, value: null });
    } else {
      expect(read.measures.episodes).toBe(episodes);
    }
  });

  it('totals add the rows up before reading ratios', () => {
    const totals = totalsOf(figure, [row(2, 4, 1), row(3, 5, 3)], 3);
    expect(totals.measures).toEqual({ episodes: 5, changeSum: 9, reached: 4 });
    expect(totals.ratios.share).toEqual({ numerator: 4, denominator: 5, value: 0.8 });
    expect(totals.group).toBeNull();
  });
});

describe('totals of a count at the period’s end', () => {
  const stock: FigureDefinition = {
    ...figure,
    measures: [
      { key: 'completed', description: 'plans completed in the period' },
      { key: 'active', description: 'plans active at its end', atPeriodEnd: true },
    ],
    ratios: [],
    smallCells: [],
  };
  const at = (period: string | null, groupId: string, completed: number, active: number) => ({
    period,
    groupId,
    groupLabel: groupId,
    sums: { completed, active },
  });

  it.each([
    [
      'weeks: the last week’s clinics added, earlier weeks not',
      [
        at('2026-11-02', 'a', 1, 4),
        at('2026-11-02', 'b', 0, 2),
        at('2026-11-09', 'a', 2, 3),
        at('2026-11-09', 'b', 1, 1),
      ],
      '2026-11-09',
      { completed: 4, active: 4 },
    ],
    [
      'no row in the last period: nothing stands at the end',
      [at('2026-11-02', 'a', 1, 4)],
      '2026-11-09',
      { completed: 1, active: 0 },
    ],
    [
      'no period: every row is the end',
      [at(null, 'a', 1, 4), at(null, 'b', 2, 5)],
      null,
      { completed: 3, active: 9 },
    ],
  ])('%s', (_, rows, lastPeriod, measures) => {
    expect(totalsOf(stock, rows, 3, lastPeriod).measures).toEqual(measures);
  });
});

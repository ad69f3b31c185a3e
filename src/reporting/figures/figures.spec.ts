import { FIGURES } from './figures';

describe('the figures served', () => {
  it.each(FIGURES.map((figure) => [figure.key, figure] as const))(
    '%s: every measure is named once and every ratio reads two of them',
    (_, figure) => {
      const keys = figure.measures.map((measure) => measure.key);
      expect(new Set(keys).size).toBe(keys.length);
      for (const ratio of figure.ratios) {
        expect(keys).toEqual(expect.arrayContaining([ratio.numerator, ratio.denominator]));
      }
    },
  );

  it.each(
    FIGURES.filter((figure) => figure.measures.some((measure) => measure.atPeriodEnd)).map(
      (figure) => [figure.key, figure] as const,
    ),
  )('%s counts at the period’s end, so splits by no weekday or hour', (_, figure) => {
    expect(figure.dimensions).not.toContain('weekday');
    expect(figure.dimensions).not.toContain('hour');
  });
});

/**
 * Change between two results of one instrument, against the thresholds sourced in
 * /work/shared/domain/outcome-measures.md: ODI MCID 10 points or 30 % (Ostelo 2008), NPRS 2 points
 * or 30 %, NDI 5 points (raw), RMDQ 5 points or 30 %, PSFS MDC90 2 points for the mean and 3 for a
 * single activity (Stratford 1995; higher is better). STarT Back is a stratification tool without
 * a change threshold. Change and attainment come from the unrounded scores.
 */
import { scoreInstrument, type Answers, type InstrumentResult } from './instruments';
import { outcomeChange } from './trend';

// --- results built by the real scorers ------------------------------------------------------

const items = (prefix: string, values: readonly unknown[]): Answers =>
  Object.fromEntries(values.map((value, index) => [`${prefix}_${index + 1}`, value]));

/** `count` whole numbers of at most `max` that add up to `sum`, as evenly as possible. */
function spread(sum: number, count: number, max: number): number[] {
  if (sum > count * max) throw new Error(`cannot spread ${sum} over ${count} x ${max}`);
  const base = Math.floor(sum / count);
  return Array.from({ length: count }, (_, index) => base + (index < sum % count ? 1 : 0));
}

/** ODI with all ten sections answered: percent = 2 x raw sum. */
function odi(percent: number): InstrumentResult {
  const result = scoreInstrument('odi', items('odi', spread(percent / 2, 10, 5)));
  if (result.score !== percent) throw new Error(`built ODI ${result.score}, not ${percent}`);
  return result;
}

/**
 * An ODI result whose percent no set of ten or nine sections produces (13 %, 51 %): a real result
 * with only its score replaced, so the instrument and version stay the scorer's own.
 */
function odiScoredAt(percent: number): InstrumentResult {
  const result = scoreInstrument('odi', items('odi', Array(10).fill(1)));
  return { ...result, score: percent, details: { ...result.details, exactScore: percent } };
}

const nprs = (now: number) => scoreInstrument('nprs', { nprs_now: now });

function ndi(raw: number): InstrumentResult {
  const result = scoreInstrument('ndi', items('ndi', spread(raw, 10, 5)));
  if (result.score !== raw) throw new Error(`built NDI ${result.score}, not ${raw}`);
  return result;
}

const rmdq = (ticked: number) =>
  scoreInstrument(
    'rmdq',
    items(
      'rmdq',
      Array.from({ length: 24 }, (_, index) => index < ticked),
    ),
  );

const psfs = (...ratings: number[]) => scoreInstrument('psfs', items('psfs', ratings));

/** STarT Back with the given number of items 1-4 agreed with (others 0, item 9 not at all). */
const startBack = (agreed: number) =>
  scoreInstrument(
    'start_back',
    items('sbst', [...Array.from({ length: 8 }, (_, i) => (i < agreed ? 1 : 0)), 0]),
  );

// --- tables ---------------------------------------------------------------------------------

type Case = [label: string, baseline: InstrumentResult, latest: InstrumentResult, reaches: boolean];

describe('outcomeChange', () => {
  describe('Oswestry Disability Index: MCID 10 points or 30 % of the baseline', () => {
    it.each<Case>([
      ['20 -> 13: 7 points but 35 %', odi(20), odiScoredAt(13), true],
      ['20 -> 14: 6 points, exactly 30 %', odi(20), odi(14), true],
      ['20 -> 16: 4 points, 20 %', odi(20), odi(16), false],
      ['60 -> 51: 9 points, 15 %', odi(60), odiScoredAt(51), false],
      ['60 -> 52: 8 points, 13.3 %', odi(60), odi(52), false],
      ['60 -> 50: exactly 10 points', odi(60), odi(50), true],
      ['40 -> 30: 10 points, 25 %', odi(40), odi(30), true],
      ['40 -> 32: 8 points, 20 %', odi(40), odi(32), false],
      ['80 -> 70: 10 points, 12.5 %', odi(80), odi(70), true],
      ['80 -> 72: 8 points, 10 %', odi(80), odi(72), false],
      ['10 -> 6: 4 points, 40 %', odi(10), odi(6), true],
      ['10 -> 8: 2 points, 20 %', odi(10), odi(8), false],
      ['100 -> 0', odi(100), odi(0), true],
    ])('%s: reaches %p', (_label, baseline, latest, reaches) => {
      const result = outcomeChange(baseline, latest);
      expect(result.instrument).toBe('odi');
      expect(result.reachesThreshold).toBe(reaches);
    });

    it('compares percents, whatever the number of sections answered: 16/45 -> 26 is 9.56 points, 26.9 %', () => {
      const baseline = scoreInstrument('odi', items('odi', [2, 2, 2, 2, 2, 2, 2, 1, 1]));
      expect(baseline.score).toBe(35.6);
      const result = outcomeChange(baseline, odi(26));
      expect(result.baseline).toBe(35.6);
      expect(result.latest).toBe(26);
      expect(result.change).toBe(-9.56);
      expect(result.improvement).toBe(9.56);
      expect(result.improvementPercent).toBe(26.9);
      expect(result.reachesThreshold).toBe(false);
    });

    // Issue 19: 10/45 (22.22 %) -> 7/45 (15.56 %) is exactly 30 % better, but the rounded
    // 22.2 -> 15.6 is 29.7 %: attainment must come from the unrounded percents.
    it('reaches 30 % at 10/45 -> 7/45, which the rounded 22.2 -> 15.6 (29.7 %) would miss', () => {
      const nine = (sum: number) =>
        scoreInstrument('odi', items('odi', [...spread(sum, 9, 5), null]));
      const baseline = nine(10);
      const latest = nine(7);
      expect([baseline.score, latest.score]).toEqual([22.2, 15.6]);
      expect(outcomeChange(baseline, latest)).toMatchObject({
        baseline: 22.2,
        latest: 15.6,
        change: -6.67,
        improvement: 6.67,
        improvementPercent: 30,
        reachesThreshold: true,
      });
      // One section short of 30 %: 10/45 -> 8/45 is 20 %.
      expect(outcomeChange(baseline, nine(8)).reachesThreshold).toBe(false);
    });

    it('reports the change, the improvement and its share of the baseline', () => {
      expect(outcomeChange(odi(20), odi(14))).toEqual({
        instrument: 'odi',
        baseline: 20,
        latest: 14,
        change: -6,
        improvement: 6,
        improvementPercent: 30,
        threshold: expect.objectContaining({ kind: 'mcid', points: 10, fractionOfBaseline: 0.3 }),
        reachesThreshold: true,
      });
      expect(outcomeChange(odi(20), odiScoredAt(13)).improvementPercent).toBe(35);
    });
  });

  describe('NPRS: MCID 2 points or 30 % of the baseline', () => {
    it.each<Case>([
      ['8 -> 6: 2 points', nprs(8), nprs(6), true],
      ['3 -> 2: 1 point but 33 %', nprs(3), nprs(2), true],
      ['9 -> 8: 1 point, 11 %', nprs(9), nprs(8), false],
      ['10 -> 8: 2 points', nprs(10), nprs(8), true],
      ['10 -> 7: 3 points, exactly 30 %', nprs(10), nprs(7), true],
      ['10 -> 9: 1 point, 10 %', nprs(10), nprs(9), false],
      ['4 -> 3: 1 point, 25 %', nprs(4), nprs(3), false],
      ['2 -> 1: 1 point, 50 %', nprs(2), nprs(1), true],
      ['1 -> 0: 1 point, 100 %', nprs(1), nprs(0), true],
      ['7 -> 5: 2 points', nprs(7), nprs(5), true],
      ['7 -> 6: 1 point, 14 %', nprs(7), nprs(6), false],
    ])('%s: reaches %p', (_label, baseline, latest, reaches) => {
      expect(outcomeChange(baseline, latest).reachesThreshold).toBe(reaches);
    });

    it('reports 3 -> 2 as a 33.3 % improvement', () => {
      const result = outcomeChange(nprs(3), nprs(2));
      expect(result.change).toBe(-1);
      expect(result.improvement).toBe(1);
      expect(result.improvementPercent).toBeCloseTo(33.3, 1);
    });
  });

  describe('NDI: MCID 5 raw points, no share of the baseline', () => {
    it.each<Case>([
      ['20 -> 15: 5 points', ndi(20), ndi(15), true],
      ['20 -> 16: 4 points', ndi(20), ndi(16), false],
      ['40 -> 34: 6 points', ndi(40), ndi(34), true],
      ['10 -> 5: 5 points, 50 %', ndi(10), ndi(5), true],
      ['4 -> 1: 3 points although 75 %', ndi(4), ndi(1), false],
      ['10 -> 6: 4 points although 40 %', ndi(10), ndi(6), false],
    ])('%s: reaches %p', (_label, baseline, latest, reaches) => {
      expect(outcomeChange(baseline, latest).reachesThreshold).toBe(reaches);
    });

    it('compares raw points, not the percent (20 raw = 40 % -> 15 raw = 30 %)', () => {
      const baseline = scoreInstrument('ndi', items('ndi', [2, 2, 2, 2, null, 2, 2, 2, 2, 2]));
      expect(baseline.score).toBe(20);
      const result = outcomeChange(baseline, ndi(15));
      expect(result.baseline).toBe(20);
      expect(result.latest).toBe(15);
      expect(result.improvement).toBe(5);
      expect(result.reachesThreshold).toBe(true);
    });
  });

  describe('RMDQ: MCID 5 points or 30 % of the baseline', () => {
    it.each<Case>([
      ['10 -> 7: 3 points, exactly 30 %', rmdq(10), rmdq(7), true],
      ['10 -> 8: 2 points, 20 %', rmdq(10), rmdq(8), false],
      ['20 -> 15: 5 points, 25 %', rmdq(20), rmdq(15), true],
      ['20 -> 16: 4 points, 20 %', rmdq(20), rmdq(16), false],
      ['3 -> 2: 1 point, 33 %', rmdq(3), rmdq(2), true],
      ['24 -> 19: 5 points', rmdq(24), rmdq(19), true],
      ['24 -> 20: 4 points, 16.7 %', rmdq(24), rmdq(20), false],
    ])('%s: reaches %p', (_label, baseline, latest, reaches) => {
      expect(outcomeChange(baseline, latest).reachesThreshold).toBe(reaches);
    });
  });

  describe('PSFS: higher is better, MDC90 2 points for the mean, 3 for a single activity', () => {
    it.each<Case>([
      ['mean 3 -> 5: 2 points', psfs(3, 3), psfs(5, 5), true],
      ['mean 3 -> 4.5: 1.5 points', psfs(3, 3), psfs(4, 5), false],
      ['mean 7.5 -> 9.5: 2 points', psfs(7, 8), psfs(9, 10), true],
      ['mean of three 2.33 -> 4.33: 2 points', psfs(2, 2, 3), psfs(4, 4, 5), true],
      ['mean 1 -> 2: 1 point although 100 %', psfs(1, 1), psfs(2, 2), false],
      ['mean 0 -> 2: 2 points from nothing', psfs(0, 0), psfs(2, 2), true],
      ['mean 5 -> 3: worse', psfs(5, 5), psfs(3, 3), false],
      ['one activity 3 -> 5: 2 points, under its 3', psfs(3), psfs(5), false],
      ['one activity 3 -> 6: 3 points', psfs(3), psfs(6), true],
      ['one activity 4 -> 6: 2 points', psfs(4), psfs(6), false],
      ['one activity 0 -> 3: 3 points from nothing', psfs(0), psfs(3), true],
      ['one activity, then a mean 3 -> 5: 2 points', psfs(3), psfs(5, 5), false],
      ['a mean, then one activity 3 -> 6: 3 points', psfs(3, 3), psfs(6), true],
    ])('%s: reaches %p', (_label, baseline, latest, reaches) => {
      expect(outcomeChange(baseline, latest).reachesThreshold).toBe(reaches);
    });

    it.each<[string, InstrumentResult, InstrumentResult, number]>([
      ['the mean of two', psfs(3, 3), psfs(5, 5), 2],
      ['the mean of five', psfs(1, 2, 3, 4, 5), psfs(3, 4, 5, 6, 7), 2],
      ['one activity at both', psfs(3), psfs(5), 3],
      ['one activity at the baseline', psfs(3), psfs(5, 5), 3],
      ['one activity at the latest', psfs(3, 3), psfs(5), 3],
    ])('reports the threshold used for %s', (_label, baseline, latest, points) => {
      expect(outcomeChange(baseline, latest).threshold).toMatchObject({
        kind: 'mdc90',
        points,
        source: expect.stringContaining('Stratford'),
      });
    });

    it('counts a rise as improvement', () => {
      const result = outcomeChange(psfs(3, 3), psfs(5, 5));
      expect(result).toMatchObject({ change: 2, improvement: 2, improvementPercent: 66.7 });
      expect(result.threshold).toMatchObject({ kind: 'mdc90', points: 2 });
    });

    it('counts a fall as a negative improvement', () => {
      expect(outcomeChange(psfs(5), psfs(3))).toMatchObject({
        change: -2,
        improvement: -2,
        improvementPercent: -40,
        reachesThreshold: false,
      });
    });
  });

  it.each<Case>([
    ['ODI 20 -> 40', odi(20), odi(40), false],
    ['ODI 0 -> 100', odi(0), odi(100), false],
    ['NPRS 3 -> 5', nprs(3), nprs(5), false],
    ['NPRS 0 -> 10', nprs(0), nprs(10), false],
    ['NDI 10 -> 20', ndi(10), ndi(20), false],
    ['RMDQ 5 -> 12', rmdq(5), rmdq(12), false],
    ['PSFS 8 -> 2', psfs(8), psfs(2), false],
  ])('worsening never reaches the threshold: %s', (_label, baseline, latest) => {
    const result = outcomeChange(baseline, latest);
    expect(result.improvement).toBeLessThan(0);
    expect(result.reachesThreshold).toBe(false);
  });

  it.each<[string, InstrumentResult]>([
    ['ODI 32', odi(32)],
    ['NPRS 6', nprs(6)],
    ['NDI 20', ndi(20)],
    ['RMDQ 10', rmdq(10)],
    ['PSFS 4', psfs(4)],
  ])('no change does not reach the threshold: %s', (_label, result) => {
    const change = outcomeChange(result, result);
    expect(Math.abs(change.change)).toBe(0);
    expect(Math.abs(change.improvement)).toBe(0);
    expect(change.reachesThreshold).toBe(false);
  });

  it.each<[string, InstrumentResult, InstrumentResult, boolean]>([
    ['ODI 0 -> 10', odi(0), odi(10), false],
    ['NPRS 0 -> 3', nprs(0), nprs(3), false],
    ['NDI 0 -> 5', ndi(0), ndi(5), false],
    ['RMDQ 0 -> 2', rmdq(0), rmdq(2), false],
    ['PSFS 0 -> 2', psfs(0, 0), psfs(2, 2), true],
    ['PSFS 0 -> 1', psfs(0, 0), psfs(1, 1), false],
    ['PSFS one activity 0 -> 2', psfs(0), psfs(2), false],
  ])('a baseline of 0 gives improvementPercent null: %s', (_label, baseline, latest, reaches) => {
    const result = outcomeChange(baseline, latest);
    expect(result.baseline).toBe(0);
    expect(result.improvementPercent).toBeNull();
    expect(result.reachesThreshold).toBe(reaches);
  });

  it('gives STarT Back no threshold and no verdict, but still the change', () => {
    const result = outcomeChange(startBack(5), startBack(2));
    expect(result).toMatchObject({
      instrument: 'start_back',
      baseline: 5,
      latest: 2,
      change: -3,
      improvement: 3,
      improvementPercent: 60,
      threshold: null,
      reachesThreshold: null,
    });
  });

  it.each([
    ['odi', odi(20), { kind: 'mcid', points: 10, fractionOfBaseline: 0.3 }],
    ['nprs', nprs(5), { kind: 'mcid', points: 2, fractionOfBaseline: 0.3 }],
    ['ndi', ndi(20), { kind: 'mcid', points: 5 }],
    ['rmdq', rmdq(10), { kind: 'mcid', points: 5, fractionOfBaseline: 0.3 }],
    ['psfs', psfs(5, 5), { kind: 'mdc90', points: 2 }],
  ])('reports the sourced %s threshold with its source', (_code, result, threshold) => {
    const change = outcomeChange(result, result);
    expect(change.threshold).toMatchObject(threshold);
    expect(change.threshold?.source).toEqual(expect.any(String));
    if (!('fractionOfBaseline' in threshold)) {
      expect(change.threshold?.fractionOfBaseline).toBeUndefined();
    }
  });

  it.each<[string, InstrumentResult, InstrumentResult]>([
    ['ODI with NDI', odi(20), ndi(20)],
    ['NPRS with RMDQ', nprs(5), rmdq(5)],
    ['PSFS with STarT Back', psfs(5), startBack(2)],
  ])('refuses to compare %s', (_label, baseline, latest) => {
    expect(() => outcomeChange(baseline, latest)).toThrow(/cannot compare/);
    expect(() => outcomeChange(latest, baseline)).toThrow(/cannot compare/);
  });
});

// Keeps the hand-set scores honest: the ODI percents substituted above are not reachable.
describe('odiScoredAt', () => {
  it.each([13, 51])('stands in for %i %%, which ten or nine sections cannot produce', (percent) => {
    for (const sections of [9, 10]) {
      for (let sum = 0; sum <= 5 * sections; sum += 1) {
        expect(Math.round((sum / (5 * sections)) * 1000) / 10).not.toBe(percent);
      }
    }
    expect(odiScoredAt(percent)).toMatchObject({ instrument: 'odi', score: percent });
  });
});

describe('an unchanged score', () => {
  it('reports an improvement of exactly 0', () => {
    const pain = scoreInstrument('nprs', { nprs_now: 3 });
    const change = outcomeChange(pain, pain);
    expect(Object.is(change.improvement, 0)).toBe(true);
    expect(Object.is(change.improvementPercent, 0)).toBe(true);
  });
});

// Results stored before the unrounded score was kept in details.exactScore stay readable, and are
// compared on the exact score worked out again from what they kept.
describe('results stored without an exact score', () => {
  const stored = (result: InstrumentResult): InstrumentResult => {
    const { exactScore: _exact, ...details } = result.details;
    return { ...result, details };
  };
  const nine = (instrument: 'odi' | 'ndi', sum: number) =>
    scoreInstrument(instrument, items(instrument, [...spread(sum, 9, 5), null]));

  it.each<[string, InstrumentResult, InstrumentResult, boolean]>([
    [
      'ODI 10/45 -> 7/45, from the raw sum and sections answered',
      nine('odi', 10),
      nine('odi', 7),
      true,
    ],
    [
      'NDI 9 answered 18 -> 13: 20 -> 14.4, from the answers',
      nine('ndi', 18),
      nine('ndi', 13),
      true,
    ],
    ['PSFS 3 -> 5 over two activities, from the answers', psfs(3, 3), psfs(5, 5), true],
  ])('%s', (_label, baseline, latest, reaches) => {
    const fresh = outcomeChange(baseline, latest);
    const old = outcomeChange(stored(baseline), stored(latest));
    expect(stored(baseline).details.exactScore).toBeUndefined();
    expect(old).toEqual(fresh);
    expect(old.reachesThreshold).toBe(reaches);
  });

  it('falls back on the score when nothing else was kept', () => {
    const bare = (result: InstrumentResult): InstrumentResult => ({ ...result, details: {} });
    expect(outcomeChange(bare(odiScoredAt(13)), bare(odi(20)))).toMatchObject({
      baseline: 13,
      latest: 20,
      change: 7,
    });
  });
});
